// From a noun phrase to a speaker: an actor's full name, a pronoun resolved to the last fitting person or organisation, generic speakers ("officials"), "via" outlets.
import type { Actor, Speaker } from '../../core/types.js';
import { type Ctx, type NP, PRONOUN_MODE, SKIP_CONTENT, capital, indefiniteAt, invertedPronoun, isWord, trimPunct, isPronoun, tokAt } from './context.js';
import { salientOrg } from './salience.js';
import { isWeaponActor } from '../actors/sides.js';
import { plural } from './noun-phrase.js';
import { escapeRegExp } from '../../core/regex.js';


/** A lower-case modifier between "the" and the head noun ("the affable grocer"), not a number or a determiner. */
function epithetModifier(c: Ctx, np: NP): boolean {
  for (let x = np.s + 1; x < np.e - 1; x++) {
    const t = c.tok[x];
    if (/^\p{Ll}[\p{Ll}-]*$/u.test(t.text) && !c.lex.determiners.has(t.lower) && !c.lex.w.preps.has(t.lower)) return true;
  }
  return false;
}

/** Is the actor named as what another is tied to ("the shebab, linked to al-Qaeda", "liés à l'organisation Al-Qaïda")?
 * Such a name is a modifier, not the one a later "they" speaks for. */
function affiliated(c: Ctx, a: Actor): boolean {
  const tok = c.tok;
  const ti = tokAt(tok, a.start);
  // a cue ending within the four words before the name ("liés à | l' organisation | Al-Qaïda")
  for (let j = ti - 1; j >= 0 && j >= ti - 4; j--) {
    if (!isWord(tok[j]) || tok[j].sentence !== tok[ti].sentence) return false;
    for (const s of [j, j - 1]) if (s >= 0 && c.lex.affiliationCues.longestAtKeys(c.keys, s)?.end === j + 1) return true;
  }
  return false;
}

export function lastActor(c: Ctx, before: number, pred: (a: Actor) => boolean): Actor | null {
  let best: Actor | null = null;
  const inContent = c.final && SKIP_CONTENT && c.contentActors ? c.contentActors : null;
  for (const a of c.actors) {
    if (a.start >= before) break;
    if (!pred(a)) continue;
    const ti = tokAt(c.tok, a.start);
    if (c.quoted[ti] >= 0) continue;
    // names mentioned inside what someone said are topics, not the next speaker
    const within = inContent?.get(a);
    if (within !== undefined && within < before) continue;
    best = a;
  }
  return best;
}

export function speakerFrom(c: Ctx, np: NP): Speaker | null {
  const tok = c.tok;
  const at: At = { start: tok[np.s].start, end: tok[np.e - 1].end };
  const { start, end } = at;
  const surface = c.text.slice(start, end);
  // "according to the same source", "selon la même source": the source named last
  const same = sameSource(c, np);
  if (same) return { ...same, start, end };
  // "the ministry's statement", "the UN agency's latest report": the document's owner speaks
  const owner = ownerOfDocument(c, np);
  if (owner) return speakerFrom(c, owner);
  // "a local official and a witness": the first speaker's name and id, the whole phrase's words and span
  if (np.joined !== undefined) {
    const first = speakerFrom(c, { s: np.s, e: np.joined });
    if (first) return { ...first, start, end, name: first.name + c.text.slice(tok[np.joined - 1].end, end) };
  }
  // "reports from several news agencies", "estimates by the organisers": who they came from speaks
  // ("a new toll from the Observatory": up to two lower-case words before the document noun)
  let sn = np.s + (c.lex.determiners.has(tok[np.s].lower) ? 1 : 0);
  for (let m = 0; m < 2 && sn + 3 < np.e && !c.lex.sourceNouns.has(tok[sn].lower) && isWord(tok[sn]) && !capital(tok[sn]); m++) sn++;
  if (sn + 2 < np.e && c.lex.sourceNouns.has(tok[sn].lower) && c.lex.sourcePreps.has(tok[sn + 1].lower)) return speakerFrom(c, { s: sn + 2, e: np.e });
  if (np.e - np.s === 1 && (isPronoun(c, np.s) || invertedPronoun(c, np.s))) return pronounSpeaker(c, np, at);
  // actors inside the phrase: a person wins, then the last organisation/group
  let { person, org } = actorsInside(c, at);
  // "l'Office des Nations unies pour la coordination des affaires humanitaires (OCHA)": a body's long name,
  // its remit past the phrase, then the acronym the dictionary knows, in brackets
  // (not when the phrase is itself a body named whole: "Jaysh al-Islam (Army of Conquest)")
  const whole = !!org && tokAt(tok, org.start) <= np.s + 1 && tokAt(tok, org.end) >= np.e;
  const acronym = person || whole ? null : bracketedActor(c, np.e);
  if (acronym) return { start, end, name: acronym.name, actorId: acronym.id, kind: acronym.kind };
  // a title standing alone that the actors stage could not tie to a name falls through to the descriptions below
  if (person && person.id.startsWith('role:') && c.lex.w.definiteArticles.has(tok[np.s].lower)) person = null;
  if (person) return { start, end, name: person.name, actorId: person.id, kind: 'person' };
  if (np.name) return { start, end, name: c.text.slice(tok[np.name.s].start, tok[np.name.e - 1].end), kind: 'person' };
  if (org) return orgSpeaker(c, np, org, at);
  const head = tok[np.e - 1].lower;
  const found = statementSpeaker(c, np, head, at) ?? bodySpeaker(c, np, head, at, surface) ?? pointedSpeaker(c, np, head, at) ?? describedSpeaker(c, np, head, at);
  if (found) return found;
  // generic agent ("activists", "residents", "militants")
  const stripped = trimPunct(surface.replace(c.lex.leadingArticle, ''));
  const gen = c.actors.find((a) => a.generic && a.start >= start && a.end <= end);
  return { start, end, name: stripped || surface, ...(gen ? { actorId: gen.id, kind: gen.kind } : {}) };
}

/** "the ministry's statement", "the union's Friday release": the phrase before a possessive that two words at most
 * separate from a document noun ending the phrase; or null. */
function ownerOfDocument(c: Ctx, np: NP): NP | null {
  const tok = c.tok;
  const doc = (k: number) => k < tok.length && (c.lex.sourceNouns.has(tok[k].lower) || c.lex.w.releaseNouns.has(tok[k].lower));
  // (the phrase may stop before the document: at a day, "the union's Friday release", or at a noun read as a verb)
  const last = tok[np.e - 1];
  if (np.e - 1 > np.s && c.lex.w.possessiveMarkers.has(last.text)) return { s: np.s, e: np.e - 1 };
  if (!doc(np.e - 1) && !doc(np.e)) return null;
  for (let k = np.e - 1; k > np.s && k >= np.e - 4; k--) {
    if (c.lex.w.possessiveMarkers.has(tok[k].text)) return { s: np.s, e: k };
  }
  return null;
}

/** The organisation in brackets right after a phrase ending at token e, or past up to eight words of its remit ("(OCHA)"):
 * a body the dictionary knows, alone in the brackets; or null. */
function bracketedActor(c: Ctx, e: number): Actor | null {
  const tok = c.tok;
  let k = e;
  // (the remit opens with "of"/"for", "de"/"pour": "the Office for the Coordination of Humanitarian Affairs")
  if (k < tok.length && (c.lex.w.rolePreps.has(tok[k].lower) || c.lex.w.ofPreps.has(tok[k].lower))) {
    while (k < tok.length && k < e + 8 && isWord(tok[k]) && tok[k].sentence === tok[e - 1].sentence) k++;
  }
  if (k + 2 >= tok.length || tok[k].text !== '(') return null;
  const a = c.actorByStartTok.get(k + 1);
  if (!a || a.generic || a.kind === 'person' || !a.evidence.some((x) => x.rule.startsWith('actors.dict'))) return null;
  const close = tokAt(tok, a.end);
  return tok[close]?.text === ')' ? a : null;
}

/** "the same source(s)", "la même source": the speaker of the nearest statement before the phrase. */
function sameSource(c: Ctx, np: NP): Speaker | null {
  const tok = c.tok;
  let k = np.s;
  if (k < np.e && c.lex.determiners.has(tok[k].lower)) k++;
  if (np.e - k !== 2) return null;
  const [a, b] = [tok[k].lower, tok[k + 1].lower];
  if (!((c.lex.w.sameWords.has(a) && c.lex.w.sourceHeads.has(b)) || (c.lex.w.sameWords.has(b) && c.lex.w.sourceHeads.has(a)))) return null;
  return prevSpeaker(c, tok[np.s].start, true);
}

/** The speaker of the nearest statement before `before` (one with a name, when `named`). */
export function prevSpeaker(c: Ctx, before: number, named = false): Speaker | null {
  // the nearest statement before, by position: quotes and reported speech are pushed in two passes,
  // so the last one pushed is not always the nearest
  let best: (typeof c.out)[number] | null = null;
  for (const s of c.out) if (s.start < before && s.speaker && (!named || s.speaker.name) && (!best || s.start > best.start)) best = s;
  return best ? { ...best.speaker! } : null;
}

/** Where the phrase is in the text. */
interface At {
  start: number;
  end: number;
}

/** A pronoun: a placeholder until all statements are known, then the most salient person of its gender, the last
 * speaker of its kind or the last actor of its kind. */
function pronounSpeaker(c: Ctx, np: NP, at: At): Speaker | null {
  const tok = c.tok;
  const { start, end } = at;
  const p = invertedPronoun(c, np.s) ?? tok[np.s].lower;
  const kind = c.lex.pronouns.get(p);
  // the last speaker of the same kind (statements so far), else the last actor of that kind
  // resolved after all statements are known (resolvePronouns); a placeholder keeps the span
  if (!c.final) return { start, end, name: '', kind: kind === 'person' ? 'person' : kind === 'organization' ? 'organization' : 'group', pronoun: true } as Speaker;
  // ("according to him": an object pronoun of a man as well)
  const want = c.lex.w.maleSubjectPronouns.has(p) || c.lex.w.malePronouns.has(p) ? 'm' : c.lex.w.femaleSubjectPronouns.has(p) ? 'f' : null;
  // "L'armée malienne a confirmé l'attaque. Elle a indiqué ...": a pronoun that may stand for a body, opening the
  // sentence right after one whose subject is a definite body noun, is that body
  if (c.lex.w.bodyPronouns.has(p)) {
    const sent = tok[np.s].sentence;
    const s0 = c.sentStart[sent];
    // (not when the sentence before reports a speaker: "It added" goes on with it)
    const spoke = c.out.some((st) => st.speaker && st.start < tok[s0 - 1]?.end && st.end > tok[c.sentStart[sent - 1]]?.start);
    if (sent > 0 && !spoke && (np.s === s0 || (np.s === s0 + 1 && c.lex.w.clauseLead.has(tok[s0].lower)))) {
      const subj = bodySubject(c, s0 - 1);
      // (the body an actor of its own, "L'armée malienne"; "The Organization" refers to a name told before)
      let own: Actor | undefined;
      if (subj) for (let k = subj.s; k < subj.e && !own; k++) own = c.actorByStartTok.get(k);
      const sp = subj && own ? speakerFrom(c, { s: subj.s, e: Math.max(subj.e, tokAt(tok, own.end)) }) : null;
      if (sp?.name) return { ...sp, start, end };
    }
  }
  // he/she: the most salient person of that gender (salience.ts)
  const sal = want ? c.salient?.get(np.s) : undefined;
  if (sal) return { start, end, name: sal.name, ...(sal.actorId ? { actorId: sal.actorId } : {}), kind: 'person' };
  const fits = (id: string | undefined, name: string) => !want || !c.gender || (c.gender.get(id ?? name) ?? want) === want;
  const prevSp = [...c.out].reverse().find((s) => s.speaker && s.speaker.name && s.start < start && (kind === 'person' ? s.speaker.kind === 'person' && fits(s.speaker.actorId, s.speaker.name) : s.speaker.kind !== 'person'));
  // a person whose gender is known to match, mentioned not long before, beats a nearer unknown one
  const known = want && c.gender ? lastActor(c, start, (a) => a.kind === 'person' && c.gender!.get(a.id) === want) : null;
  const act =
    kind === 'person'
      ? known && start - known.start < 600 ? known : lastActor(c, start, (a) => a.kind === 'person' && fits(a.id, a.name))
      : lastActor(c, start, (a) => !a.generic && (a.kind === 'organization' || a.kind === 'group') && !affiliated(c, a) && !isWeaponActor(a));
  let name: string | null = null;
  let actorId: string | undefined;
  let k: Speaker['kind'];
  const mode = PRONOUN_MODE;
  const useAct = mode === 'actor' ? !!act : mode === 'speaker' ? !!act && !prevSp : !!act && (!prevSp || act.start > (prevSp.speaker!.start ?? 0));
  if (act && useAct) {
    name = act.name;
    actorId = act.id;
    k = act.kind;
  } else if (prevSp?.speaker) {
    name = prevSp.speaker.name;
    actorId = prevSp.speaker.actorId;
    k = prevSp.speaker.kind;
  } else if (kind === 'person') {
    // "..., a local official said. “We buried them,” he said": with no person named, the one unnamed
    // speaker not long before ("local official", "élu local") is the person the pronoun stands for
    const one = loneSpeaker(c, start);
    if (one) ({ name, actorId, kind: k } = { ...one, kind: 'person' as const });
  }
  // "The army killed 30 militants, it said", "L'armée a neutralisé ..., a-t-elle affirmé" (where the
  // pronoun of a person also stands for a body: French): the last single body named just before,
  // a generic one ("the army") too, and inside what is reported (it is often its subject)
  if (!name && (kind === 'organization' || c.lex.w.bodyPronouns.has(p))) {
    const body = nearBody(c, start);
    if (body) ({ name, actorId, kind: k } = { name: trimPunct(body.text.replace(c.lex.leadingArticle, '')), actorId: body.id, kind: body.kind });
    // no body named: the sentence's subject when it is one ("The army killed 30 militants, it said")
    const subj = body ? null : bodySubject(c, np.s);
    const sp = subj ? speakerFrom(c, subj) : null;
    if (sp?.name) return { ...sp, start, end };
  }
  if (!name) return null;
  return { start, end, name, ...(actorId ? { actorId } : {}), ...(k ? { kind: k } : {}) };
}

/** "The army …", "The Nigerian military …": the subject opening the sentence of token k when it is a definite
 * body noun (a capitalised word between them at most). */
function bodySubject(c: Ctx, k: number): NP | null {
  const tok = c.tok;
  const s = c.sentStart[tok[k].sentence];
  if (s + 1 >= k || !c.lex.w.definiteArticles.has(tok[s].lower)) return null;
  const h = capital(tok[s + 1]) && s + 2 < k && !c.lex.w.bodyHeads.has(tok[s + 1].lower) ? s + 2 : s + 1;
  return c.lex.w.bodyHeads.has(tok[h].lower) && !plural(c, tok[h].lower, true) ? { s, e: h + 1 } : null;
}

/** The last organisation or group named in the 300 characters before `before`, its name without a plural
 * word ("the army", not "militants"), outside quotations. */
function nearBody(c: Ctx, before: number): Actor | null {
  let best: Actor | null = null;
  for (const a of c.actors) {
    if (a.start >= before) break;
    if (before - a.start > 300 || (a.kind !== 'organization' && a.kind !== 'group') || c.quoted[tokAt(c.tok, a.start)] >= 0) continue;
    if (!pluralIn(c, a.text)) best = a;
  }
  return best;
}

/** The speaker of the nearest statement before `before` (600 characters at most) when it is one unnamed
 * person: no organisation or named group, no plural word in its name ("local official", not "local
 * officials"). */
function loneSpeaker(c: Ctx, before: number): Speaker | null {
  let best: Speaker | null = null;
  for (const st of c.out) {
    const sp = st.speaker;
    if (sp && sp.name && sp.end <= before && before - sp.end < 600 && (!best || sp.start > best.start)) best = sp;
  }
  if (!best || best.kind === 'organization' || best.kind === 'person' || (best.actorId && !best.actorId.startsWith('generic:'))) return null;
  return pluralIn(c, best.name) ? null : best;
}

/** Whether a word of the phrase is a plural ("militants", "local officials"): a group, not one body or person. */
function pluralIn(c: Ctx, phrase: string): boolean {
  return phrase.split(/\s+/).some((w) => plural(c, w.toLowerCase(), true));
}

/** The last person and the last organisation or group named inside the phrase (a possessive name is not its head:
 * "Trudeau's spokesman"; the last name is: "MaRS director Adam Jagelewski"). */
function actorsInside(c: Ctx, at: At): { person: Actor | null; org: Actor | null } {
  let person: Actor | null = null;
  let org: Actor | null = null;
  for (const a of c.actors) {
    if (a.start < at.start) continue;
    if (a.start >= at.end) break;
    if (a.end > at.end) continue;
    if (a.kind === 'person') {
      // (not a name after a preposition of place: "Police in Jackson" is no person's word)
      const ti = tokAt(c.tok, a.start);
      const placed = ti > 0 && c.tok[ti - 1].start >= at.start && c.lex.w.placePreps.has(c.tok[ti - 1].lower);
      if (!placed && !c.lex.possessiveAfter.test(c.text.slice(a.end, a.end + 3))) person = a;
    } else if (!a.generic) org = a;
  }
  return { person, org };
}

/** An organisation named in the phrase: the speaker when it is the phrase's head ("Syria's state-run news agency
 * SANA", "a statement from the European Union"), else a person described by it ("a spokesman for <Ministry>"). */
function orgSpeaker(c: Ctx, np: NP, org: Actor, at: At): Speaker {
  const tok = c.tok;
  const { start, end } = at;
  // "a statement from the European Union", "a spokesperson for X" keeps X's name for statements
  const fromOrg = c.lex.statementNouns.has(tok[np.s].lower) || c.lex.statementNouns.has(tok[np.s + 1]?.lower ?? '');
  const knownAs = org.end === end && c.lex.namedBefore.test(c.text.slice(start, org.start));
  // "Syria's state-run news agency SANA": a description before the name, no preposition → the name is the head
  let prepBefore = false;
  for (let x = np.s; x < tokAt(tok, org.start); x++) if (c.lex.w.preps.has(tok[x].lower)) prepBefore = true;
  // (the body opens the phrase, or no preposition comes before it: what follows it cannot make it a complement)
  const leads = tokAt(tok, org.start) <= np.s + 1 || !prepBefore;
  // "the UN office for Humanitarian Affairs in Yemen": the body, then where it is
  const oe = tokAt(tok, org.end);
  const placedAfter = org.end < end && oe < np.e && (c.lex.w.placePreps.has(tok[oe].lower) || c.lex.w.locatedParticiples.has(tok[oe].lower) || c.lex.w.relativePronouns.has(tok[oe].lower)) && leads;
  // ("la Croix-Rouge locale": where a phrase names its head first, adjectives after the body are still the body's)
  const adjectivesAfter = c.headFirst && org.end < end && oe < np.e && np.e - oe <= 2 && tok.slice(oe, np.e).every((t) => isWord(t) && !capital(t) && !c.lex.stops.has(t.lower)) && leads;
  // ("the Observatory a monitor based abroad": unpunctuated, the body then its description)
  const describedAfter = org.end < end && oe < np.e && tokAt(tok, org.start) <= np.s + 1 && indefiniteAt(c, oe);
  // ("according to IOM figures", "a Health Ministry statement released on Sunday": the body's document, the body speaks)
  const documentAfter = org.end < end && oe < np.e && (c.lex.sourceNouns.has(tok[oe].lower) || c.lex.statementNouns.has(tok[oe].lower)) && leads;
  const orgIsHead = (org.end === end && leads) || fromOrg || knownAs || placedAfter || adjectivesAfter || describedAfter || documentAfter;
  if (orgIsHead) return { start, end, name: org.name, actorId: org.id, kind: org.kind };
  // "a spokesman for the ministry" → "spokesman for <Ministry>"
  // ("a U.N. spokesperson": the period closing the initialism goes with it)
  const after = c.text.slice(org.end, end).replace(/^\.(?=\s)/, '');
  const name = trimPunct((c.text.slice(start, org.start) + org.name + after).replace(c.lex.leadingArticle, ''));
  return { start, end, name, actorId: org.id, kind: 'person' };
}

/** "the statement said": the last named organisation or person before; "her statement said": the person the possessive refers to. */
function statementSpeaker(c: Ctx, np: NP, head: string, at: At): Speaker | undefined {
  const tok = c.tok;
  const { start, end } = at;
  if (!c.lex.statementNouns.has(head) || np.e - np.s > 3) return undefined;
  if (c.lex.w.personPossessives.has(tok[np.s].lower)) {
    if (!c.final) return { start, end, name: '', kind: 'person', pronoun: true } as Speaker;
    const owner = c.salient?.get(np.s);
    if (owner) return { start, end, name: owner.name, ...(owner.actorId ? { actorId: owner.actorId } : {}), kind: 'person' };
  }
  const a = lastActor(c, start, (x) => !x.generic && x.kind !== 'other');
  // "... the ministry said in a daily bulletin. '...' the bulletin said": the last speaker named after that actor
  const prev = [...c.out].reverse().find((st) => st.speaker && st.speaker.name && st.speaker.end <= start);
  const ps = prev?.speaker;
  if (ps && !ps.actorId?.startsWith('generic:') && (!a || ps.start > a.start)) return { start, end, name: ps.name, ...(ps.actorId ? { actorId: ps.actorId } : {}), ...(ps.kind ? { kind: ps.kind } : {}) };
  if (a) return { start, end, name: a.name, actorId: a.id, kind: a.kind };
  return undefined;
}

/** "the agency", "the group", "the ministry": an organisation whose name holds the noun, the organisation the text is
 * about, the last one that spoke, or the last one named. */
function bodySpeaker(c: Ctx, np: NP, head: string, at: At, surface: string): Speaker | undefined {
  const tok = c.tok;
  const { start, end } = at;
  if (!c.lex.w.definiteArticles.has(tok[np.s].lower) || !c.lex.w.bodyHeads.has(head)) return undefined;
  // ("the Britain-based monitor", "the Britain based monitor": where the body is, between article and head)
  const mid = np.e - np.s - 2;
  const located = (k: number) => c.lex.w.locatedParticiples.has(tok[k].lower) || c.lex.w.locatedParticiples.has(tok[k].lower.split('-').pop() ?? '');
  // ("the monitoring group": a modifier that itself names the kind of body, bodyHeadAlso)
  const kindOf = mid >= 1 ? c.lex.bodyHeadNames.get(tok[np.e - 2].lower) : undefined;
  // ("the paramilitary group" after "the paramilitary Rapid Support Forces": the body introduced with that word)
  if (mid === 1 && !kindOf && !located(np.e - 2)) {
    const described = introducedAs(c, tok[np.e - 2].lower, start);
    return described ? { start, end, name: described.name, actorId: described.id, kind: described.kind } : undefined;
  }
  // ("the British-based monitoring group": the place's participle, then a modifier of the head)
  if (mid < 0 || mid > 2 || (mid > 0 && !kindOf && !located(np.e - 2) && !(mid === 2 && located(np.e - 3)))) return undefined;
  // an organisation whose name holds the noun ("the ministry" → Russian Defence Ministry; "the monitor" → the
  // Observatory, bodyHeadAlso), then the last organisation that spoke, then the last organisation named
  const holds = kindOf ?? c.lex.bodyHeadNames.get(head) ?? new RegExp(`\\b${escapeRegExp(head)}\\b`, 'i');
  const named = lastActor(c, start, (x) => !x.generic && x.kind !== 'person' && holds.test(x.name));
  if (named && start - named.start < 3000) return { start, end, name: named.name, actorId: named.id, kind: named.kind };
  // ("the Britain-based group said", a sentence after "the Syrian Observatory said": the body that just spoke; with
  // none, the words, not any body told before)
  if (mid > 0) {
    const just = lastSpoke(c, start);
    return kindOf || !just ? undefined : { ...just, start, end, via: null };
  }
  // "the military", "the ministry": a specific kind of body is only one whose name says so; any
  // other organisation before it (the news agency that reported, a company) is not it
  // "The Institute pointed out": a capitalised head is a short form of a name, not any organisation before it
  // (the generic actor there, "l'armée" → generic:army, keeps its id)
  if (c.lex.specificBodies.has(head) || capital(tok[np.e - 1])) {
    const gen = c.actors.find((a) => a.generic && a.start >= start && a.end <= end);
    return { start, end, name: trimPunct(surface.replace(c.lex.leadingArticle, '')), kind: 'organization', ...(gen ? { actorId: gen.id } : {}) };
  }
  // the organisation the text is about (salience.ts), where one is named in the last paragraphs
  const sal = salientOrg(c, start, (x) => x.kind === 'organization' || x.kind === 'group');
  if (sal) return { start, end, name: sal.name, actorId: sal.id, kind: sal.kind };
  for (let i = c.out.length - 1; i >= 0; i--) {
    const sp = c.out[i].speaker;
    if (sp && sp.name && sp.kind && sp.kind !== 'person' && sp.start < start && start - sp.start < 2000 && sp.actorId && !sp.actorId.startsWith('generic:')) return { ...sp, start, end, via: null };
  }
  const a = lastActor(c, start, (x) => !x.generic && (x.kind === 'organization' || x.kind === 'group'));
  if (a) return { start, end, name: a.name, actorId: a.id, kind: a.kind };
  return undefined;
}

/** "the source", "the official": the last speaker named with that head noun ("a military source"). */
function pointedSpeaker(c: Ctx, np: NP, head: string, at: At): Speaker | undefined {
  const { start, end } = at;
  if (!c.lex.w.pointingDeterminers.has(c.tok[np.s].lower) || np.e - np.s > 3) return undefined;
  const sp = namedWithHead(c, head, start, 1);
  return sp ? { ...sp, start, end } : undefined;
}

/** The speaker of the nearest statement before `before` whose phrase (of `minWords` words or more) has this head
 * noun (its last word, or its first where adjectives follow nouns: "source sécuritaire"), or null. */
export function namedWithHead(c: Ctx, head: string, before: number, minWords = 2): Speaker | null {
  // (the last HEAD_WINDOW statements read: a text of thousands of statements stays linear)
  for (let i = c.out.length - 1, stop = Math.max(0, c.out.length - HEAD_WINDOW); i >= stop; i--) {
    const sp = c.out[i].speaker;
    if (!sp || !sp.name || sp.start >= before) continue;
    const words = nameWords(sp.name);
    if (words.length < minWords) continue;
    if ((c.headFirst ? words[0] : words[words.length - 1]) === head) return sp;
  }
  return null;
}

const HEAD_WINDOW = 400;
const wordsOfName = new Map<string, string[]>();
/** A speaker's name in lower-case words (memoised: the same few names are looked at again and again). */
function nameWords(name: string): string[] {
  let w = wordsOfName.get(name);
  if (!w) {
    if (wordsOfName.size > 10_000) wordsOfName.clear();
    wordsOfName.set(name, (w = name.toLowerCase().split(/\s+/)));
  }
  return w;
}

/**
 * A definite description of a person ("the laid-back resident", "the judge") → the last person named with that
 * description (their role, or the words right after their name: "X, a resident of ..."); with none, the
 * description itself speaks (the judge no name was given for is not the last man named).
 */
function describedSpeaker(c: Ctx, np: NP, head: string, at: At): Speaker | undefined {
  const tok = c.tok;
  const { start, end } = at;
  if (!(c.lex.w.definiteArticles.has(tok[np.s].lower) && np.e - np.s <= 5 && /^\p{Ll}/u.test(tok[np.e - 1].text) && !plural(c, head, false) && !c.alex.orgHeads.has(head) && !c.lex.w.notPersonHeads.has(head))) return undefined;
  const headRe = new RegExp(`\\b${escapeRegExp(head)}\\b`, 'i');
  const described = (a: Actor) => headRe.test(`${a.role ?? ''} ${c.text.slice(a.end, a.end + 120).split(/[.;\n]/)[0]}`);
  const p = lastActor(c, start, (a) => a.kind === 'person' && described(a));
  if (p && start - p.start < 4000) return { start, end, name: p.name, actorId: p.id, kind: 'person' };
  // an epithet ("the soft-spoken carpenter", "the veteran Boston reporter"): a lower-case word before
  // the head describes someone the text already knows → the last person named, not long before
  // (not a document, "the city's own count", nor what a possessor owns)
  if (np.e - np.s >= 3 && epithetModifier(c, np) && !c.lex.sourceNouns.has(head) && !c.lex.statementNouns.has(head) && !tok.slice(np.s, np.e).some((t) => c.lex.w.possessiveMarkers.has(t.text))) {
    const q = lastActor(c, start, (a) => a.kind === 'person' && !a.generic && !a.id.startsWith('role:'));
    if (q && start - q.start < 1500) return { start, end, name: q.name, actorId: q.id, kind: 'person' };
  }
  return undefined;
}

export function viaFrom(c: Ctx, np: NP | null): Speaker['via'] {
  if (!np) return null;
  // "told a news briefing": a hearer named by a statement noun is that occasion, not the body that last spoke
  if (c.lex.statementNouns.has(c.tok[np.e - 1].lower)) return { name: trimPunct(c.text.slice(c.tok[np.s].start, c.tok[np.e - 1].end).replace(c.lex.leadingArticle, '')) };
  const sp = speakerFrom(c, np);
  return sp ? { name: sp.name, ...(sp.actorId ? { actorId: sp.actorId } : {}) } : null;
}

/** the most characters from the last statement's speaker to a description of the body that just spoke */
const JUST_SPOKE = 400;

/** The named organisation that spoke in the last statement, when it is at most JUST_SPOKE characters before. */
function lastSpoke(c: Ctx, start: number): Speaker | undefined {
  const st = c.out[c.out.length - 1];
  const sp = st?.speaker;
  if (!sp || !sp.name || sp.start >= start || start - sp.start > JUST_SPOKE) return undefined;
  return sp.kind && sp.kind !== 'person' && sp.actorId && !sp.actorId.startsWith('generic:') ? sp : undefined;
}

/** The last named organisation or group before `start` (3000 characters at most) whose mention follows `word`
 * right away ("the paramilitary Rapid Support Forces"). */
function introducedAs(c: Ctx, word: string, start: number): Actor | null {
  return lastActor(c, start, (x) => {
    if (x.generic || (x.kind !== 'organization' && x.kind !== 'group') || start - x.start > 3000) return false;
    const k = tokAt(c.tok, x.start);
    return k > 0 && c.tok[k - 1].lower === word;
  });
}
