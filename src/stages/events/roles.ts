// Who did it to whom: the participants of a sentence (the actors stage's mentions, and role nouns
// such as "Long Beach police" or "the attacker" where it named none) and their roles in the clause
// of a trigger: the subject of an active verb acts; the subject of a passive ("was shot") is acted
// upon and "by X" names who acted; "killed by a roadside bomb" names a victim and no actor.
import type { Actor, Place, Token } from '../../core/types.js';
import { tokenIndexAt } from '../sentences/index.js';
import { type EventLexicon, type EventWords } from './lexicon.js';
import { endsWithAny } from '../endings.js';
import { matchAt } from './match.js';
import { WordFilter } from '../word-filter.js';
import type { Hit } from './triggers.js';

const QUOTE_MARK = /^[\p{Pi}\p{Pf}"']$/u;

export interface Participant {
  id: string;
  name: string;
  start: number;
  end: number;
  /** first and last token index in the sentence */
  first: number;
  last: number;
  government: boolean;
  /** the head noun, lower-case ("police", "protesters"), or "" for a name */
  head: string;
  /** where it came from: an actor of the actors stage, or a role noun */
  from: 'actor' | 'noun' | 'name';
}

export interface Roles {
  agent: Participant | null;
  patient: Participant | null;
  /** "between X and Y": the two sides */
  sides: Participant[];
  passive: boolean;
  rule: string;
  /** the head of the generic side the patient was named from ("fighters" of "fighters of the Nusra Front") */
  patientHead?: string;
}

/** Is the actor on the government side? Memoised per mention. */
const governmentMemo = new WeakMap<Actor, boolean>();
export function isGovernment(a: Actor, lex: EventLexicon): boolean {
  let v = governmentMemo.get(a);
  if (v == null) governmentMemo.set(a, (v = governmentName(`${a.text} ${a.name}`, a.id, lex)));
  return v;
}

/** The government words as " word word " strings, joined once per lexicon. */
const governmentForms = new WeakMap<EventLexicon, string[]>();
export function governmentName(text: string, id: string, lex: EventLexicon): boolean {
  const t = ` ${text.toLowerCase()} `;
  // ("Free Syrian Army", "Arakan Army": an armed group named as an army is no state force)
  for (const n of lex.words.nonStateArmies) if (t.includes(` ${n} `)) return false;
  // ("forces:SY:rebels": a country's rebels are no state force)
  if (id.startsWith('forces:') && id.split(':')[2]?.split('-').some((x) => lex.words.nonStateHeads.has(x))) return false;
  if (id && /(^|[^a-z])(gov|mil|cop|spy|army|regime|forces)([^a-z]|$)/.test(id.toLowerCase())) return true;
  let forms = governmentForms.get(lex);
  if (!forms) governmentForms.set(lex, (forms = lex.governmentWords.map((p) => ` ${p.words.join(' ')} `)));
  return forms.some((f) => t.includes(f)) || lex.words.governmentNoun.test(t);
}

/** Does the token bound a clause (';', ':' or a clauseStops word)? */
const clauseStop = (t: Token, w: EventWords) => t.text === ';' || t.text === ':' || w.clauseStops.has(t.lower);

/** The role nouns of all kinds in one set (one lookup per token), built once per lexicon. */
const roleNounSets = new WeakMap<EventLexicon['roles'], { all: Set<string>; filter: WordFilter }>();
function roleNouns(r: EventLexicon['roles']): { all: Set<string>; filter: WordFilter } {
  let nouns = roleNounSets.get(r);
  if (!nouns) {
    nouns = { all: new Set([...r.forces, ...r.perpetrators, ...r.crowds, ...r.victims, ...r.people]), filter: new WordFilter() };
    for (const w of nouns.all) nouns.filter.add(w);
    roleNounSets.set(r, nouns);
  }
  return nouns;
}

/** Does the text begin with a capital A-Z? */
const upperInitial = (s: string) => {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
};

/** A capitalised word: /^[A-Z][a-zà-ž]+$/ tested code unit by code unit. */
function capitalised(s: string): boolean {
  if (s.length < 2 || !upperInitial(s)) return false;
  for (let k = 1; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0x17e))) return false;
  }
  return true;
}

/** The sentence's participants, in text order: actors, then role nouns and names where no actor stands (nor
 * one who reports it: "..., police said" names no participant, `reporters`). */
export function participants(toks: Token[], actors: Actor[], places: Place[], lex: EventLexicon, allowNames: boolean, reporters: readonly Actor[] = [], reporting?: Participant[]): Participant[] {
  const out: Participant[] = [];
  const taken = (s: number, e: number) => out.some((p) => p.start < e && s < p.end) || reporters.some((x) => x.start < e && s < x.end);
  for (const x of actors) {
    const first = tokenIndexAt(toks, x.start);
    let last = first;
    while (last + 1 < toks.length && toks[last + 1].end <= x.end) last++;
    // "the rebel-held town", "US-led": an actor that is the first part of a compound modifier takes no part
    const t = last + 1 < toks.length && toks[last + 1].start < x.end ? toks[last + 1] : toks[last];
    if (t && t.start < x.end && x.end < t.end && lex.compoundSuffixes.some((suf) => t.text.startsWith(suf, x.end - t.start))) continue;
    out.push({ id: x.id, name: x.name, start: x.start, end: x.end, first, last, government: isGovernment(x, lex), head: toks[last]?.lower ?? '', from: 'actor' });
  }
  const nouns = roleNouns(lex.roles);
  const inPlace = (t: Token) => places.some((p) => p.start <= t.start && t.end <= p.end);
  // ("Hama SANA Army units restored": a dateline's agency is no part of the name before the noun)
  const inReporter = (t: Token) => reporters.some((x) => x.start <= t.start && t.end <= x.end);
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i].lower;
    if (!nouns.filter.mayHave(w) || !nouns.all.has(w)) continue;
    // ("..., officials say": a role noun that reports is no side; kept apart in `reporting`, the reporters)
    const reports = lex.roles.reportVerbs.has(toks[i + 1]?.lower ?? '');
    if (reports && !reporting) continue;
    // the name before the noun belongs to it: "Long Beach police", "United States warplanes", "U.S. helicopters"
    let first = i;
    while (first > 0 && (upperInitial(toks[first - 1].text) || (toks[first - 1].text === '.' && upperInitial(toks[first - 2]?.text ?? ''))) && first > i - 4 && !lex.words.leadAdverbs.has(toks[first - 1].lower) && !inReporter(toks[first - 1])) first--;
    if (first < i && lex.words.definiteArticles.has(toks[first].lower)) first++;
    if (taken(toks[first].start, toks[i].end)) continue;
    const name = toks.slice(first, i + 1).map((t, k, a) => (k && t.start > a[k - 1].end ? ' ' : '') + t.text).join('');
    (reports ? reporting! : out).push({ id: `role:${name.toLowerCase()}`, name, start: toks[first].start, end: toks[i].end, first, last: i, government: governmentName(name, '', lex), head: w, from: 'noun' });
  }
  if (allowNames) {
    // a person's name the actors stage missed: two or more capitalised words, not a place, nor where something
    // is ("in the Red Sea": a sea is no place of the gazetteer's, nor a side)
    for (let i = 1; i < toks.length; i++) {
      if (!capitalised(toks[i].text) || inPlace(toks[i])) continue;
      const p1 = toks[i - 1].lower, p2 = toks[i - 2]?.lower ?? '';
      if (lex.roles.nominalBefore.has(p1) || (lex.words.definiteArticles.has(p1) && lex.roles.nominalBefore.has(p2))) continue;
      let j = i;
      while (j + 1 < toks.length && capitalised(toks[j + 1].text) && !inPlace(toks[j + 1])) j++;
      if (j > i && !taken(toks[i].start, toks[j].end)) {
        const name = toks.slice(i, j + 1).map((t) => t.text).join(' ');
        out.push({ id: `name:${name.toLowerCase()}`, name, start: toks[i].start, end: toks[j].end, first: i, last: j, government: false, head: '', from: 'name' });
      }
      i = j;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A rival adjective among tokens from..to (to excluded): one group on both sides of a fight ("rival militias",
 * "gangs rivaux"). */
export const rivalWordIn = (toks: Token[], from: number, to: number, w: EventWords) => toks.slice(Math.max(0, from), to).some((t) => w.rivalAdjectives.has(t.lower));

/** A participant that may be a side that acted: no ally, no victim or people noun, no crowd. */
const actingSide = (toks: Token[], p: Participant, lex: EventLexicon) => !isAlly(toks, p, lex) && !victimHead(p, lex) && !lex.roles.crowds.has(p.head);

/** A participant headed by a victim or people noun ("civilians", "people"): one that suffers, never the side that acted. */
const victimHead = (p: Participant, lex: EventLexicon) => lex.roles.victims.has(p.head) || lex.roles.people.has(p.head);

/** "Two patients killed and eight injured", "civilians killed in shelling": victims followed by a bare participle
 * that ends the phrase (a comma, "and", "by", "in"), no object after it (not "Villagers attacked the post", "People
 * killed more than 100"). */
function bareSufferer(toks: Token[], p: Participant, lex: EventLexicon): boolean {
  const v = toks[p.last + 1], n = toks[p.last + 2];
  const w = lex.words;
  if (!lex.roles.victims.has(p.head) || !v || v.kind !== 'word' || !pastParticiple(v.lower, w)) return false;
  return !n || n.kind === 'punct' || w.coordinators.has(n.lower) || w.agentPreps.has(n.lower) || lex.roles.nominalBefore.has(n.lower);
}

/** Where the trigger's clause starts: after the last clause word before it. */
function clauseStart(toks: Token[], i: number, w: EventWords): number {
  for (let k = i - 1; k >= 0; k--) if (clauseStop(toks[k], w)) return k + 1;
  return 0;
}

/** Where the trigger's clause ends. */
function clauseEnd(toks: Token[], j: number, w: EventWords): number {
  for (let k = j + 1; k < toks.length; k++) if (clauseStop(toks[k], w) && !w.clauseOpenersOnly.has(toks[k].lower)) return k;
  return toks.length;
}

/** What the role rules of one trigger read: its tokens, where its clause runs, the participants before and after it. */
interface At {
  toks: Token[];
  lex: EventLexicon;
  parts: Participant[];
  /** those who report in the sentence ("The army said ..."), no participants */
  reporting: readonly Participant[];
  /** the trigger's first and last token, its clause's start and end */
  i: number;
  j: number;
  cs: number;
  ce: number;
  before: Participant[];
  after: Participant[];
  /** a nominal trigger ("in a shooting", "reports of a shooting") */
  nominal: boolean;
}

/** A token's lower form inside the clause, '' before it. */
const inClause = (r: At, k: number) => (k >= r.cs ? (r.toks[k]?.lower ?? '') : '');

/** A passive: "was (officially) shot", "have been arrested", "were evacuated"; not "are accused of beating". */
function passiveTrigger(toks: Token[], i: number, cs: number, lex: EventLexicon): boolean {
  const w = lex.words;
  if (endsWithAny(toks[i].lower, w.gerundEndings)) return false;
  for (let k = i - 1; k >= Math.max(cs, i - 3); k--) {
    if (lex.roles.passiveAux.has(toks[k].lower)) return true;
    if (toks[k].kind !== 'word' || !endsWithAny(toks[k].lower, w.adverbEndings)) return false;
  }
  return false;
}

/** "Six people were killed", "have been killed", "were reportedly killed", "ont été tués": a participant followed by
 * a passive is acted upon. */
function undergoes(toks: Token[], p: Participant, lex: EventLexicon): boolean {
  const w = lex.words;
  if (bareSufferer(toks, p, lex)) return true;
  let k = p.last + 1;
  if (lex.roles.perfectAux.has(toks[k]?.lower ?? '')) k++;
  if (!lex.roles.passiveAux.has(toks[k]?.lower ?? '')) return false;
  k++;
  if (toks[k]?.kind === 'word' && endsWithAny(toks[k].lower, w.adverbEndings) && !pastParticiple(toks[k].lower, w)) k++;
  return pastParticiple(toks[k]?.lower ?? '', w);
}

/** "by X" after the trigger names who acted (the trigger may end with it: "were killed by"); "an attack blamed on
 * jihadists", "attribuée à": held to have acted; "dans des bombardements des FSR", "une attaque de l'armée": an armed
 * side right after a noun trigger's "de" did it. */
function agentAfter(r: At): Participant | null {
  const { toks, lex, i, j, ce, after } = r;
  const w = lex.words;
  for (let k = j; k < Math.min(ce, j + 7); k++) {
    if (k === j && k === i) continue;
    if (w.agentPreps.has(toks[k].lower) || (k > j && w.agentParticiples.has(toks[k].lower))) {
      const p = after.find((x) => x.first > k && x.first <= k + 4);
      if (p) return ofNamed(r, p) ?? p;
      break;
    }
  }
  if ((r.nominal || lex.roles.nominalDeterminers.has(inClause(r, i - 1))) && lex.roles.agentGenitives.has(toks[j + 1]?.lower ?? '')) {
    // (the side's article before its name, or in it: "de l'armée")
    const k = w.definiteArticles.has(toks[j + 2]?.lower ?? '') ? j + 3 : j + 2;
    const p = after.find((x) => x.first === k || x.first === j + 2);
    if (p && !victimHead(p, lex) && !lex.roles.crowds.has(p.head)) return p;
  }
  return null;
}

/** A verb of blame right before a noun trigger (a determiner between) and its preposition right after it, then a
 * side: "blamed the attack on al-Shabab", "a imputé le massacre à des terroristes". */
function blamedSide(r: At): Participant | null {
  const { toks, lex, i, j, parts } = r;
  const w = lex.words;
  if (!w.blameVerbs.size) return null;
  const v = w.blameVerbs.has(toks[i - 1]?.lower ?? '') ? i - 1 : w.blameVerbs.has(toks[i - 2]?.lower ?? '') && lex.roles.nominalDeterminers.has(toks[i - 1].lower) ? i - 2 : -1;
  if (v < 0 || !w.blamePreps.has(toks[j + 1]?.lower ?? '')) return null;
  return parts.find((p) => p.first > j + 1 && p.first <= j + 3) ?? null;
}

/** "rebels of the Allied Democratic Forces", "les rebelles des ADF": the named side a generic one belongs to, or null. */
function ofNamed(r: At, p: Participant): Participant | null {
  const { toks, lex, after } = r;
  if (!p.id.startsWith('generic:') && p.from !== 'noun') return null;
  let k = p.last + 1;
  // ("fighters belonging to the Nusra Front": a link of two words)
  const two = `${toks[k]?.lower ?? ''} ${toks[k + 1]?.lower ?? ''}`;
  if (lex.words.genitivePreps.has(two)) k += 2;
  else if (lex.words.genitivePreps.has(toks[k]?.lower ?? '')) k++;
  else return null;
  if (lex.words.definiteArticles.has(toks[k]?.lower ?? '')) k++;
  const q = after.find((x) => x.first === k && x.from === 'actor' && !x.id.startsWith('generic:'));
  return q ?? null;
}

/** "killed by a roadside bomb": "by" right before the trigger makes it the instrument (not "rebels backed by Rwanda
 * seized": a participant between "by" and a verb is its subject). */
function instrumentTrigger(r: At): boolean {
  const { toks, lex, parts, i, cs } = r;
  const verb = endsWithAny(toks[i].lower, lex.words.pastEndings);
  for (let k = i - 1; k >= Math.max(cs, i - 3); k--) {
    if (verb && parts.some((p) => p.first <= k && k <= p.last)) return false;
    if (lex.words.agentPreps.has(toks[k].lower)) return true;
  }
  return false;
}

/** "dans une attaque jihadiste", "Une attaque jihadiste a fait ...": the side right after a nominal trigger (or one
 * with victims before it, or one opening its clause) where the language puts adjectives after nouns, or null. */
function followingSide(r: At, sufferer: Participant | undefined): Participant | null {
  const { toks, lex, i, j, after } = r;
  if (!lex.modifiersAfter || !(r.nominal || sufferer || lex.roles.nominalDeterminers.has(inClause(r, i - 1)))) return null;
  return after.find((p) => p.first === j + 1 && p.from === 'actor' && actingSide(toks, p, lex)) ?? null;
}

/**
 * A nominal trigger, or one with victims before it that underwent it: those victims suffered it, and the side that
 * modifies it did it ("Seven people were killed in terrorist rocket attacks"; after it where the language puts
 * adjectives after nouns, `following`; "killed in clashes with Islamic State fighters", the side fought).
 */
function modifierRoles(r: At, sufferer: Participant | undefined, following: Participant | null): Roles {
  const { toks, lex, i, j, before, after } = r;
  const opponent = sufferer ? after.find((p) => p.first > j + 1 && p.first <= j + 3 && lex.words.opponentPreps.has(toks[j + 1].lower) && !isAlly(toks, p, lex) && !lex.roles.victims.has(p.head)) ?? null : null;
  const modifier = sufferer ? before.find((p) => p !== sufferer && p.last === i - 1 && p.first > sufferer.last + 2 && actingSide(toks, p, lex)) ?? following ?? opponent : following;
  return { agent: modifier, patient: sufferer ?? after.find((p) => p !== modifier && !isAlly(toks, p, lex)) ?? null, sides: [], passive: Boolean(sufferer), rule: 'roles.nominal' };
}

export function rolesOf(toks: Token[], h: Hit, parts: Participant[], lex: EventLexicon, reporting: readonly Participant[] = []): Roles {
  const i = h.first;
  const j = h.last;
  const w = lex.words;
  const cs = clauseStart(toks, i, w);
  const ce = clauseEnd(toks, j, w);
  const nb = lex.roles.nominalBefore, nd = lex.roles.nominalDeterminers;
  const at = (k: number) => (k >= cs ? (toks[k]?.lower ?? '') : '');
  const r: At = {
    toks, lex, parts, reporting, i, j, cs, ce,
    // a participant that begins before the trigger and runs into it ("Government artillery shelled") is before it
    before: parts.filter((p) => p.first >= cs && p.first < i),
    after: parts.filter((p) => p.first > j && p.first < ce),
    nominal: !endsWithAny(toks[i].lower, w.pastEndings) && (nb.has(at(i - 1)) || (nb.has(at(i - 2)) && nd.has(at(i - 1))) || (nb.has(at(i - 3)) && nd.has(at(i - 2)))),
  };
  const { before, after } = r;
  // "blaming the massacre on terrorists", "a imputé l'attaque aux shebab": who is held to have done it
  const blamed = blamedSide(r);
  if (blamed) return { agent: blamed, patient: null, sides: [], passive: false, rule: 'roles.blamed' };
  const passive = passiveTrigger(toks, i, cs, lex);
  const byAgent = agentAfter(r);
  // ("Three protesters were shot dead during clashes between X and Y": the victims of a passive before it suffered
  // it; the sides of the clashes are another noun's)
  const two = passive && before.length && !r.nominal ? null : betweenSides(toks, j, ce, after, w);
  if (two) return two;
  if (instrumentTrigger(r)) {
    // "killed by Russian missiles": the side named with its weapon acted (the actors stage named it)
    const own = parts.find((p) => p.first <= i && i <= p.last) ?? null;
    const rest = before.filter((p) => p !== own);
    return { agent: own, patient: rest[rest.length - 1] ?? null, sides: [], passive: true, rule: 'roles.instrument' };
  }
  // ("12 fighters of the Nusra Front were killed", "killed scores of terrorists from the Nusra Front": the named side
  // a generic one belongs to)
  let patientHead: string | undefined;
  const named = (p: Participant | null | undefined) => {
    const q = p ? ofNamed(r, p) : null;
    if (q && p) patientHead = p.head;
    return q ?? p ?? null;
  };
  if (passive || byAgent) {
    const patient = named(before[before.length - 1] ?? (passive ? null : after[0]));
    return { agent: byAgent, patient, sides: [], passive, rule: byAgent ? 'roles.passive-by' : 'roles.passive', ...(patientHead ? { patientHead } : {}) };
  }
  // "27 Palestinians were killed in Israeli raids", "in an Israeli strike": the trigger inside a side named by its weapon (the actors stage
  // named it that side's forces) is what that side did; the one before it suffered it
  // ("une frappe russe": the side after its weapon, the trigger at its first word)
  // ("rebel rocket attacks": a side with no country named by its weapon, "rebel forces")
  const weaponSide = parts.find((p) => p.first <= i && i <= p.last && p.from === 'actor' && (p.id.startsWith('forces:') || (p.id.startsWith('generic:') && p.id.endsWith('-forces'))));
  if (weaponSide) {
    // (not one inside the reporter's phrase: "a daily, which is close to the government, reported Russian strikes")
    const reported = (p: Participant) => toks.slice(p.last + 1, i).some((t) => lex.roles.reportVerbs.has(t.lower));
    const rest = before.filter((p) => p !== weaponSide && !isAlly(toks, p, lex) && !reported(p));
    // (the whole before its parts: "27 Palestinians, including 11 children, were killed")
    // ("Turkish artillery and coalition jets hit ...": a side joined to it acted with it)
    const joined = (p: Participant) => p.first === weaponSide.last + 2 && w.coordinators.has(toks[weaponSide.last + 1]?.lower ?? '');
    return { agent: weaponSide, patient: rest[0] ?? after.find((p) => !isAlly(toks, p, lex) && !joined(p)) ?? null, sides: [], passive: false, rule: 'roles.weapon-side' };
  }
  const sufferer = before.find((p) => undergoes(toks, p, lex));
  // "Islamist militants killed 15 soldiers in an ambush": a nominal trigger after an active clause is what its
  // subject did to its object
  const active = r.nominal && !sufferer ? subjectObject(toks, before, lex) : null;
  if (active) return { agent: active[0], patient: active[1], sides: [], passive: false, rule: 'roles.nominal-active' };
  const following = followingSide(r, sufferer);
  if (r.nominal || sufferer) return modifierRoles(r, sufferer, following);
  // a name or force right before the trigger ("U.S. helicopters launched", "United States warplanes dropped")
  // "M23 rebels backed by Rwanda seized": the ally introduced before the trigger is not who acted
  // ("U.S. helicopters launched airstrikes": a side named with its craft, the trigger inside it, acted)
  const first = before.find((p) => !isAlly(toks, p, lex));
  // ("Two medics were among 31 people killed in Syrian government shelling": victims first, the side that modifies
  // the trigger did it)
  const side = first && victimHead(first, lex) ? before.find((p) => p.last === i - 1 && p !== first && actingSide(toks, p, lex)) : undefined;
  if (first && side) return { agent: side, patient: first, sides: [], passive: false, rule: 'roles.modifier' };
  const agent = first ?? parts.find((p) => p.first <= i && i <= p.last && p.from === 'actor' && p.id.startsWith('forces:')) ?? following ?? reportedPronoun(r);
  // "artillery units pounded": a noun right after a noun trigger is its head, not the target
  const compound = (p: Participant) => p.first === j + 1 && !endsWithAny(toks[j].lower, w.pastEndings) && !endsWithAny(toks[j].lower, w.gerundEndings);
  const patient = named(after.find((p) => p !== agent && !isAlly(toks, p, lex) && !compound(p)));
  return { agent, patient, sides: [], passive: false, rule: agent ? 'roles.subject' : 'roles.none', ...(patientHead ? { patientHead } : {}) };
}

/** "The army said it had killed 12 militants", "L'armée a affirmé qu'elle avait tué": a subject pronoun opening the
 * reported clause (auxiliaries of the perfect between it and the trigger at most), or a perfect infinitive right
 * after the verb of report ("claimed to have killed", "a indiqué avoir tué"), stands for the reporter, the
 * participant right before that verb (and "that"). */
function reportedPronoun(r: At): Participant | null {
  const { toks, lex, parts, i, cs } = r;
  const R = lex.roles;
  let v: number;
  // (a quotation mark may open before the trigger: "a affirmé avoir « neutralisé »")
  let j = i - 1;
  while (j > 0 && toks[j].kind === 'punct' && QUOTE_MARK.test(toks[j].text)) j--;
  if (j >= 1 && R.reportedInfinitives.has(toks[j].lower)) {
    // ("The army claimed to have killed", "L'armée a indiqué avoir tué")
    v = R.infinitiveMarkers.has(toks[j - 1].lower) ? j - 2 : j - 1;
  } else {
    if (cs < 2 || !R.reportedPronouns.has(toks[cs]?.lower ?? '')) return null;
    for (let k = cs + 1; k < i; k++) if (!R.perfectAux.has(toks[k].lower)) return null;
    v = cs - 1;
  }
  if (v >= 1 && !R.reportVerbs.has(toks[v].lower)) v--;
  if (v < 1 || !R.reportVerbs.has(toks[v].lower)) return null;
  // (the verb's own auxiliary: "L'armée a affirmé")
  const end = R.perfectAux.has(toks[v - 1].lower) ? v - 2 : v - 1;
  return [...parts, ...r.reporting].find((p) => p.last === end && p.first < v) ?? null;
}

/**
 * Two participants before a trigger with a verb of harm right after the first (an auxiliary of the perfect
 * between them at most) and the second within three words of it, none of them punctuation: the subject and the
 * object of an active clause.
 */
function subjectObject(toks: Token[], before: Participant[], lex: EventLexicon): [Participant, Participant] | null {
  const r = lex.roles;
  for (let a = 0; a + 1 < before.length; a++) {
    const s = before[a], o = before[a + 1];
    const v = r.perfectAux.has(toks[s.last + 1]?.lower ?? '') ? s.last + 2 : s.last + 1;
    if (o.first <= v || o.first > v + 3 || !r.harmVerbs.has(toks[v]?.lower ?? '') || isAlly(toks, o, lex)) continue;
    // ("the commander ... and three of his comrades were killed": a participant that undergoes is no object)
    if (r.passiveAux.has(toks[o.last + 1]?.lower ?? '')) continue;
    let plain = true;
    for (let k = v; k < o.first; k++) if (toks[k].kind === 'punct') plain = false;
    if (plain) return [s, o];
  }
  return null;
}

/** "clashes between X and Y": the two sides after the trigger's "between", the government's first. */
function betweenSides(toks: Token[], j: number, ce: number, after: Participant[], w: EventWords): Roles | null {
  const between = toks.findIndex((t, k) => k > j && k < ce && w.betweenPreps.has(t.lower));
  if (between <= 0) return null;
  const sides = after.filter((p) => p.first > between).slice(0, 2);
  // "clashes between rival gangs", "affrontements entre gangs rivaux": one group on both sides
  if (sides.length === 1 && rivalWordIn(toks, between + 1, sides[0].last + 2, w)) {
    return { agent: sides[0], patient: sides[0], sides: [sides[0], sides[0]], passive: false, rule: 'roles.between-rivals' };
  }
  if (sides.length !== 2) return null;
  const [x, y] = sides[0].government || !sides[1].government ? sides : [sides[1], sides[0]];
  return { agent: x, patient: y, sides, passive: false, rule: 'roles.between' };
}

/** A past participle: a regular ending ("killed", "beaten") or an irregular one ("shot", "unhurt"). */
const pastParticiple = (x: string, w: EventWords) => endsWithAny(x, w.participleEndings) || endsWithAny(x, w.irregularParticiples);

/** "supported by allied fighters": a participant introduced as the subject's ally. */
export function isAlly(toks: Token[], x: { first: number }, lex: EventLexicon): boolean {
  const i = x.first;
  if (i >= toks.length) return false;
  if (lex.words.allyAdjectives.has(toks[i].lower)) return true;
  for (const p of lex.allyCues) {
    const start = i - p.words.length;
    if (start >= 0 && matchAt(toks, start, p) === i) return true;
  }
  return false;
}
