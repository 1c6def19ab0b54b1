// Stage "statements": who said what. Extractors:
//   quote.after   “...,” SPEAKER said / “...” said SPEAKER
//   quote.before  SPEAKER said: “...” / SPEAKER told Y “...”
//   quote.inherit a quote with no cue of its own (next paragraph, second half of a split quote) takes
//                 the speaker of the statement before it
//   said.after    SPEAKER said (that) CONTENT           (also told Y, announced, claimed, denied...)
//   said.before   CONTENT(,) SPEAKER said / CONTENT said SPEAKER
//   said.adding   ..., adding (that) CONTENT            (speaker of the clause before)
//   according-to  according to SPEAKER(,) CONTENT / CONTENT according to SPEAKER
//   citing        ... SANA reported citing SPEAKER     (speaker via SANA)
// The content span (start/end) covers what was said: the whole quote with its marks, or the whole
// reported clause. The speaker is resolved to an actor's full name where the article gives one
// (pronouns, short forms, "the Observatory", "the statement said").
import type { Actor, Analysis, Span, Speaker, Statement, Token } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { normKey } from '../actors/units.js';
import { loadActorLexicon, type ActorLexicon } from '../actors/lexicon.js';
import { loadStatementLexicon, type StatementLexicon, type VerbInfo } from './lexicon.js';
import { tokenIndexAt } from '../sentences/index.js';
import { languageOf } from '../../lang/index.js';

export { loadStatementLexicon } from './lexicon.js';

interface Quote {
  start: number; // offset of the opening mark
  end: number; // offset after the closing mark (or paragraph end)
  closed: boolean;
  t0: number; // first token inside
  t1: number; // token after the last inside
}

interface NP {
  s: number; // token index
  e: number; // exclusive
  /** the name inside the phrase when no actor marks it (an unknown name before an apposition) */
  name?: NP;
}

const SKIP_CONTENT = process.env.SITREP_SKIPCONTENT !== '0';
const GENDER = process.env.SITREP_GENDER !== '0';
const PRONOUN_MODE = process.env.SITREP_PRONOUN ?? 'latest';

interface Ctx {
  /** set for the final pass that resolves pronoun speakers */
  final?: boolean;
  /** person id → 'm' | 'f', from honorifics and the pronouns that follow a mention */
  gender?: Map<string, string>;
  /** actor → end of the reported clause that holds it (final pass) */
  contentActors?: Map<Actor, number>;
  text: string;
  tok: Token[];
  keys: { key: string }[];
  lex: StatementLexicon;
  alex: ActorLexicon;
  actors: Actor[];
  actorByStartTok: Map<number, Actor>;
  actorByEndTok: Map<number, Actor>;
  quoted: Int32Array; // token → quote index or -1
  quotes: Quote[];
  usedVerb: Uint8Array;
  sentStart: number[]; // sentence index → first token
  sentEnd: number[]; // sentence index → token after last
  out: Statement[];
}

// page furniture flattened into the text ("READ MORE: ...", "WATCH: ..."): headlines, not speech
const FURNITURE = /^(READ MORE|WATCH|LISTEN|RELATED|MORE|SEE ALSO|PHOTOS|VIDEO)\b/;
const NOT_CONTENT_START = /^(by|with|against|for|from|into|onto|upon|of|off|away|back|out|down|through)$/;
const FORMAT = /^[\p{Cf}\u200b\ufeff]+$/u;
const PREPS = new Set(['of', 'for', 'at', 'to', 'with', 'from', 'in', 'on']);
const PUNCT_TRIM = /^[\s,;:—–\-]+|[\s,;:—–\-]+$/g;

// ---------------------------------------------------------------- quotes
function findQuotes(text: string, lex: StatementLexicon): { start: number; end: number; closed: boolean }[] {
  const open = [...lex.open];
  const close = [...lex.close];
  const out: { start: number; end: number; closed: boolean }[] = [];
  let cur = -1;
  let want = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      if (cur >= 0) {
        let e = i;
        while (e > cur && /\s/.test(text[e - 1])) e--;
        out.push({ start: cur, end: e, closed: false });
        cur = -1;
      }
      continue;
    }
    if (cur >= 0) {
      if (ch === want) {
        out.push({ start: cur, end: i + 1, closed: true });
        cur = -1;
      }
      continue;
    }
    const k = open.indexOf(ch);
    if (k >= 0) {
      // a straight quote right after a letter is an apostrophe-like use or a closing one: skip
      if (ch === '"' && i > 0 && /[\p{L}\d]/u.test(text[i - 1]) && !/\s/.test(text[i + 1] ?? ' ')) continue;
      cur = i;
      want = close[k];
    }
  }
  if (cur >= 0) {
    let e = text.length;
    while (e > cur && /\s/.test(text[e - 1])) e--;
    out.push({ start: cur, end: e, closed: false });
  }
  return out;
}

const tokAt = tokenIndexAt;

// ---------------------------------------------------------------- helpers
const isWord = (t: Token | undefined) => !!t && (t.kind === 'word' || t.kind === 'number');
const capital = (t: Token) => /^\p{Lu}/u.test(t.text);

function verbAt(c: Ctx, i: number): { end: number; v: VerbInfo } | null {
  const t = c.tok[i];
  if (!t || t.kind !== 'word') return null;
  // a capitalised form is a name ("Islamic State", "Washington Post") unless it opens the sentence
  if (/^\p{Lu}/u.test(t.text) && i > 0 && c.tok[i - 1].sentence === t.sentence && !c.lex.open.has(c.tok[i - 1].text)) return null;
  const m = c.lex.verbs.longestAt(c.keys as never, i);
  if (!m) return null;
  return { end: m.end, v: m.value };
}

function isPronoun(c: Ctx, i: number): boolean {
  const t = c.tok[i];
  return !!t && c.lex.pronouns.has(t.lower);
}

/** Skip adverbials after a verb ("on Tuesday", "in a statement", "to reporters", "also"). */
function skipAdverbials(c: Ctx, k: number, limit: number): number {
  const tok = c.tok;
  const skip = c.lex.skipAfter;
  const WEEK = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|earlier|later|also|further|again|separately|previously|recently|publicly|privately|repeatedly|however|meanwhile|then|too)$/;
  for (let guard = 0; guard < 6 && k < limit; guard++) {
    const w = tok[k].lower;
    if (tok[k].text === ',') { k++; continue; }
    if (WEEK.test(w)) { k++; continue; }
    if ((w === 'late' || w === 'early') && k + 1 < limit && /^(on|in|at|this|last|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(tok[k + 1].lower)) { k++; continue; }
    if ((w === 'on' || w === 'late' || w === 'early' || w === 'last' || w === 'this' || w === 'over' || w === 'during') && k + 1 < limit) {
      const n = tok[k + 1].lower;
      if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend|month|year|twitter|facebook|telegram|instagram|x|wednesday's|thursday's|friday's)$/.test(n)) {
        k += 2;
        if (k < limit && /^(morning|afternoon|evening|night)$/.test(tok[k].lower)) k++;
        continue;
      }
      if ((n === 'its' || n === 'his' || n === 'her' || n === 'their' || n === 'the') && k + 2 < limit && /^(website|account|channel|page|twitter|telegram|facebook)$/.test(tok[k + 2].lower)) { k += 3; continue; }
      // "on June 10", "on 5 July"
      if (w === 'on' && (tok[k + 1].kind === 'number' || /^(january|february|march|april|may|june|july|august|september|october|november|december)$/.test(n))) {
        k += 2;
        while (k < limit && (tok[k].kind === 'number' || /^(january|february|march|april|may|june|july|august|september|october|november|december)$/.test(tok[k].lower))) k++;
        continue;
      }
    }
    if (w === 'in' && k + 1 < limit) {
      let j = k + 1;
      let n = 0;
      while (j < limit && n < 4 && !c.lex.statementNouns.has(tok[j].lower) && isWord(tok[j]) && skip.has(tok[j].lower)) { j++; n++; }
      if (j < limit && c.lex.statementNouns.has(tok[j].lower)) {
        k = j + 1;
        // "in a statement on its website", "in a statement posted on Telegram"
        continue;
      }
      // "in an interview with X" / "in a phone call with Y" handled by the noun list; "in Geneva": a place, stop
    }
    if (w === 'to' && k + 1 < limit && /^(reporters|journalists|media|press|the|a|an|parliament)$/.test(tok[k + 1].lower)) {
      let j = k + 1;
      if (/^(the|a|an)$/.test(tok[j].lower)) j++;
      if (j < limit && /^(reporters|journalists|media|press|parliament|council|assembly|conference|briefing|agency|newspaper|channel|broadcaster)$/.test(tok[j].lower)) { k = j + 1; continue; }
    }
    break;
  }
  return k;
}

// ---------------------------------------------------------------- noun phrases
/** The speaker noun phrase ending right before token v (gap words skipped), or null. */
function npBefore(c: Ctx, v: number, min: number): NP | null {
  const tok = c.tok;
  let e = v;
  let guard = 0;
  while (e - 1 >= min && guard++ < 6) {
    const t = tok[e - 1];
    if (c.lex.gap.has(t.lower) && !/^\p{Lu}/u.test(t.text) && !(t.lower === 'in' || t.lower === 'a' || t.lower === 'on' || t.lower === 'statement' || t.lower === 'told')) {
      e--;
      // "Scheer, however, said": the commas around an adverb
      if (e - 1 >= min && tok[e - 1].text === ',' && e < v && tok[e].lower !== 'has' && /^(however|meanwhile|also|though|too|then|later|earlier|instead|moreover)$/.test(t.lower)) e--;
      continue;
    }
    if (t.text === ',' && e - 2 >= min && /^(however|meanwhile|though|too|then|instead|moreover)$/.test(tok[e - 2].lower)) { e--; continue; }
    // "X on Tuesday said", "X in a statement said"
    if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(t.lower) && e - 2 >= min && tok[e - 2].lower === 'on') { e -= 2; continue; }
    break;
  }
  // "The World Food Programme (WFP) has said": skip the bracketed acronym
  if (e - 1 >= min && tok[e - 1].text === ')') {
    for (let j = e - 2; j >= Math.max(min, e - 7); j--) {
      if (tok[j].text === '(') {
        if (j > min) e = j;
        break;
      }
    }
  }
  if (e - 1 >= min && tok[e - 1].text === ',') {
    // "X, a geologist at the university, said": the name before the apposition is the speaker
    for (let j = e - 2; j >= Math.max(min, e - 16); j--) {
      const t = tok[j];
      if (t.text === ',') {
        const pa = c.actorByEndTok.get(j - 1);
        if (pa && pa.kind === 'person' && tokAt(tok, pa.start) >= min) return { s: tokAt(tok, pa.start), e: e - 1 };
        const run = capRunBefore(c, j, min);
        if (run && !c.actorByEndTok.has(j - 1)) return { s: run.s, e: e - 1, name: run };
        break;
      }
      const vj = verbAt(c, j);
      if ((!isWord(t) && t.text !== '’s' && t.text !== "'s" && t.text !== '-') || c.quoted[j] >= 0 || (vj && !c.actorByEndTok.has(j) && !nounUse(c, j, vj.end))) break;
    }
    e--;
  }
  if (e <= min) return null;
  let s: number;
  let headBad = false;
  const last = tok[e - 1];
  const act = c.actorByEndTok.get(e - 1);
  if (act) {
    s = tokAt(tok, act.start);
    if (s < min) return null;
    if (s - 1 >= min && /^(the|a|an)$/.test(tok[s - 1].lower)) s--;
  } else if (isPronoun(c, e - 1)) {
    return { s: e - 1, e };
  } else {
    if (!isWord(last) || c.lex.stops.has(last.lower) || c.lex.determiners.has(last.lower)) return null;
    s = e;
    let n = 0;
    while (s - 1 >= min && n < 9) {
      const t = tok[s - 1];
      if (!isWord(t)) break;
      if (c.lex.determiners.has(t.lower)) { s--; n++; break; }
      if (c.lex.stops.has(t.lower) || verbAt(c, s - 1)) break;
      if (c.quoted[s - 1] >= 0) break;
      // an actor ending here: take all of it
      const a2 = c.actorByEndTok.get(s - 1);
      if (a2) {
        const as = tokAt(tok, a2.start);
        if (as < min) break;
        // an actor that starts inside token s-1 ("Hajj" in "al-Hajj") maps back to s: step over the token instead
        if (as >= s) {
          s--;
          n++;
          continue;
        }
        n += s - as;
        s = as;
        continue;
      }
      s--;
      n++;
    }
    if (s === e) return null;
    // head must look like a speaker: a name, a role noun, a generic agent, a plural noun
    const head = last.lower;
    // "another player", "a veteran Boston-based engineer": a short phrase led by a determiner
    const opensClause = s === min || s === 0 || tok[s - 1].sentence !== tok[s].sentence || /^[,;:(—–]$/.test(tok[s - 1].text) || /^(but|and|while|as|because|so|yet|although|though)$/.test(tok[s - 1].lower);
    const detLed = opensClause && c.lex.determiners.has(tok[s].lower) && e - s <= 5 && /^\p{Ll}/u.test(last.text) && !/(ly|ing)$/.test(head) && !/^(that|this|it|there)$/.test(tok[s].lower);
    const ok = capital(last) || c.alex.roleNouns.has(head) || c.alex.generic.has(head) || c.lex.statementNouns.has(head) || detLed;
    if (!ok) headBad = true;
    // a bare run of capitalised words that begins the sentence with a lowercase-looking word is fine
  }
  // "ROLE of/for X": extend left over the role ("the head of Amnesty International", "a spokesman for the ministry")
  let extended = false;
  for (let g = 0; g < 2; g++) {
    if (s - 2 < min || !PREPS.has(tok[s - 1].lower)) break;
    const r = s - 1;
    if (!isWord(tok[r - 1]) || !c.alex.roleNouns.has(tok[r - 1].lower)) break;
    let k = r - 1;
    let m = 0;
    while (k - 1 >= min && m < 4 && isWord(tok[k - 1]) && !c.lex.stops.has(tok[k - 1].lower) && !verbAt(c, k - 1) && c.quoted[k - 1] < 0) {
      k--;
      m++;
      if (c.lex.determiners.has(tok[k].lower)) break;
    }
    s = k;
    extended = true;
  }
  // a head that does not look like a speaker is only taken inside a role ("a source at the civil registry")
  if (headBad && !extended) return null;
  // "the volunteer medics known as the White Helmets"
  if (s - 2 >= min && tok[s - 1].lower === 'as' && /^(known|called|dubbed|nicknamed)$/.test(tok[s - 2].lower)) {
    let k = s - 2;
    if (k - 1 >= min && tok[k - 1].lower === 'also') k--;
    let j = k;
    let m = 0;
    while (j - 1 >= min && m < 5 && isWord(tok[j - 1]) && !c.lex.stops.has(tok[j - 1].lower) && !verbAt(c, j - 1) && c.quoted[j - 1] < 0) {
      j--;
      m++;
      if (c.lex.determiners.has(tok[j].lower)) break;
    }
    if (m > 0) s = j;
  }
  // a name right before a role (apposition without commas): "Rami Abdel Rahman head of ..."
  let p = s;
  if (p - 1 >= min && tok[p - 1].text === ',') p--;
  const name = c.actorByEndTok.get(p - 1);
  if (name && name.kind === 'person' && p - 1 >= min && tokAt(tok, name.start) >= min && !c.actorByStartTok.has(s)) {
    const firstLower = tok[s].lower;
    // "Nadia Farouk head of the agency" / "X the head of Y": yes; "Abu Moussa the source": no
    if (p < s || c.alex.roleNouns.has(firstLower) || (c.lex.determiners.has(firstLower) && extended) || c.alex.titles.has(normKey(tok[s].text))) s = tokAt(tok, name.start);
  }
  else if (p < s && !c.actorByStartTok.has(s)) {
    const run = capRunBefore(c, p, min);
    if (run) {
      s = run.s;
      return { s, e, name: run } as NP;
    }
  }
  // a possessive is not a speaker ("the mayor's claims")
  if (tok[e - 1].text === "'s" || tok[e - 1].text === '’s') return null;
  return { s, e };
}

/** The speaker noun phrase starting at token k (after an inverted verb or a cue), or null. */
function npAfter(c: Ctx, k: number, limit: number): NP | null {
  const tok = c.tok;
  while (k < limit && (tok[k].text === ',' || tok[k].text === ':')) k++;
  if (k >= limit) return null;
  if (isPronoun(c, k)) return { s: k, e: k + 1 };
  const s = k;
  let e = k;
  let n = 0;
  while (e < limit && n < 12) {
    const a = c.actorByStartTok.get(e);
    if (a) {
      const ae = tokAt(tok, a.end);
      if (ae > limit) break;
      if (ae <= e) break; // an actor ending inside token e: never loop in place
      n += ae - e;
      e = ae;
      continue;
    }
    const t = tok[e];
    if (!isWord(t) || c.quoted[e] >= 0) break;
    if (e > s && (c.lex.stops.has(t.lower) && t.lower !== 'of') ) {
      // "for"/"at" continue a role phrase ("a spokesman for the ministry")
      if ((t.lower === 'for' || t.lower === 'at' || t.lower === 'to' || t.lower === 'with' || t.lower === 'in') && e > s && c.alex.roleNouns.has(tok[e - 1].lower)) { e++; n++; continue; }
      break;
    }
    if (e > s && verbAt(c, e)) break;
    if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)$/.test(t.lower)) break;
    e++;
    n++;
  }
  if (e === s) return null;
  // a description before a name: "said oil and gas worker Dale Fischer", "says Lisbon pensioner Rui Matos"
  for (let j = e; j < Math.min(limit, s + 9); j++) {
    const a = c.actorByStartTok.get(j);
    if (a && a.kind === 'person') {
      const ae = tokAt(tok, a.end);
      if (ae <= limit) e = ae;
      break;
    }
    const t = tok[j];
    if (!isWord(t) || verbAt(c, j) || c.quoted[j] >= 0 || (c.lex.stops.has(t.lower) && t.lower !== 'and' && t.lower !== 'of')) break;
  }
  return { s, e };
}

/** A capitalised run of 2–4 words ending right before token p (an unknown name), as a token range. */
function capRunBefore(c: Ctx, p: number, min: number): NP | null {
  const tok = c.tok;
  let s = p;
  while (s - 1 >= min && p - s < 5 && isWord(tok[s - 1]) && (capital(tok[s - 1]) || /^(van|der|de|da|di|al|el|bin|le|la|von)$/.test(tok[s - 1].lower))) s--;
  while (s < p && !capital(tok[s])) s++;
  if (p - s < 2 || p - s > 4) return null;
  if (c.alex.notNames.has(normKey(tok[s].text)) || c.quoted[s] >= 0) return null;
  return { s, e: p };
}

// ---------------------------------------------------------------- speaker resolution
function lastActor(c: Ctx, before: number, pred: (a: Actor) => boolean): Actor | null {
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

function speakerFrom(c: Ctx, np: NP): Speaker | null {
  const tok = c.tok;
  const start = tok[np.s].start;
  const end = tok[np.e - 1].end;
  const surface = c.text.slice(start, end);
  // pronoun
  if (np.e - np.s === 1 && isPronoun(c, np.s)) {
    const p = tok[np.s].lower;
    const kind = c.lex.pronouns.get(p);
    // the last speaker of the same kind (statements so far), else the last actor of that kind
    // resolved after all statements are known (resolvePronouns); a placeholder keeps the span
    if (!c.final) return { start, end, name: '', kind: kind === 'person' ? 'person' : kind === 'organization' ? 'organization' : 'group', pronoun: true } as Speaker;
    const want = p === 'he' ? 'm' : p === 'she' ? 'f' : null;
    const fits = (id: string | undefined, name: string) => !want || !c.gender || (c.gender.get(id ?? name) ?? want) === want;
    const prevSp = [...c.out].reverse().find((s) => s.speaker && s.speaker.name && s.start < start && (kind === 'person' ? s.speaker.kind === 'person' && fits(s.speaker.actorId, s.speaker.name) : s.speaker.kind !== 'person'));
    // a person whose gender is known to match, mentioned not long before, beats a nearer unknown one
    const known = want && c.gender ? lastActor(c, start, (a) => a.kind === 'person' && c.gender!.get(a.id) === want) : null;
    const act =
      kind === 'person'
        ? known && start - known.start < 600 ? known : lastActor(c, start, (a) => a.kind === 'person' && fits(a.id, a.name))
        : lastActor(c, start, (a) => !a.generic && (a.kind === 'organization' || a.kind === 'group'));
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
    }
    if (!name) return null;
    return { start, end, name, ...(actorId ? { actorId } : {}), ...(k ? { kind: k } : {}) };
  }
  // actors inside the phrase: a person wins, then the last organisation/group
  let person: Actor | null = null;
  let org: Actor | null = null;
  for (const a of c.actors) {
    if (a.start < start) continue;
    if (a.start >= end) break;
    if (a.end > end) continue;
    // the last name is the head ("MaRS director Adam Jagelewski"); a possessive name is not ("Trudeau's spokesman")
    if (a.kind === 'person') {
      if (!/^['’]s\b/.test(c.text.slice(a.end, a.end + 3))) person = a;
    }
    else if (!a.generic) org = a;
  }
  // a title standing alone that the actors stage could not tie to a name falls through to the descriptions below
  if (person && person.id.startsWith('role:') && tok[np.s].lower === 'the') person = null;
  if (person) return { start, end, name: person.name, actorId: person.id, kind: 'person' };
  if (np.name) return { start, end, name: c.text.slice(tok[np.name.s].start, tok[np.name.e - 1].end), kind: 'person' };
  const stripped = surface.replace(/^(the|a|an)\s+/i, '').replace(PUNCT_TRIM, '');
  if (org) {
    // "a statement from the European Union", "a spokesperson for X" keeps X's name for statements
    const fromOrg = c.lex.statementNouns.has(tok[np.s].lower) || c.lex.statementNouns.has(tok[np.s + 1]?.lower ?? '');
    const knownAs = org.end === end && /\b(known as|called|dubbed)\s+(the\s+)?$/i.test(c.text.slice(start, org.start));
    // "Syria's state-run news agency SANA": a description before the name, no preposition → the name is the head
    let prepBefore = false;
    for (let x = np.s; x < tokAt(tok, org.start); x++) if (PREPS.has(tok[x].lower)) prepBefore = true;
    const orgIsHead = (org.end === end && (tokAt(tok, org.start) <= np.s + 1 || !prepBefore)) || fromOrg || knownAs;
    if (orgIsHead) return { start, end, name: org.name, actorId: org.id, kind: org.kind };
    // "a spokesman for the ministry" → "spokesman for <Ministry>"
    const name = (c.text.slice(start, org.start) + org.name + c.text.slice(org.end, end)).replace(/^(the|a|an)\s+/i, '').replace(PUNCT_TRIM, '');
    return { start, end, name, actorId: org.id, kind: 'person' };
  }
  // "the statement said" → the last named organisation or person before
  const head = tok[np.e - 1].lower;
  if (c.lex.statementNouns.has(head) && np.e - np.s <= 3) {
    const a = lastActor(c, start, (x) => !x.generic && x.kind !== 'other');
    if (a) return { start, end, name: a.name, actorId: a.id, kind: a.kind };
  }
  // "the agency", "the group", "the ministry" → the last organisation
  if (np.e - np.s === 2 && tok[np.s].lower === 'the' && /^(agency|group|organisation|organization|ministry|monitor|observatory|department|company|office|army|military|militia|movement|network|coalition|alliance|council|committee|force)$/.test(head)) {
    // an organisation whose name holds the noun ("the ministry" → Russian Defence Ministry), then the last
    // organisation that spoke, then the last organisation named
    const holds = new RegExp(`\\b${head}\\b`, 'i');
    const named = lastActor(c, start, (x) => !x.generic && x.kind !== 'person' && holds.test(x.name));
    if (named && start - named.start < 3000) return { start, end, name: named.name, actorId: named.id, kind: named.kind };
    for (let i = c.out.length - 1; i >= 0; i--) {
      const sp = c.out[i].speaker;
      if (sp && sp.name && sp.kind && sp.kind !== 'person' && sp.start < start && start - sp.start < 2000 && sp.actorId && !sp.actorId.startsWith('generic:')) return { ...sp, start, end, via: null };
    }
    const a = lastActor(c, start, (x) => !x.generic && (x.kind === 'organization' || x.kind === 'group'));
    if (a) return { start, end, name: a.name, actorId: a.id, kind: a.kind };
  }
  // "the source", "the official": the last speaker named with that head noun ("a military source")
  if (/^(the|this|that)$/.test(tok[np.s].lower) && np.e - np.s <= 3) {
    for (let i = c.out.length - 1; i >= 0; i--) {
      const sp = c.out[i].speaker;
      if (!sp || !sp.name || sp.start >= start) continue;
      const last = sp.name.toLowerCase().split(/\s+/).pop();
      if (last === head && sp.start < start) return { ...sp, start, end };
    }
  }
  // a definite description of a person ("the laid-back resident", "the judge") → the last person named
  if (tok[np.s].lower === 'the' && np.e - np.s <= 5 && /^\p{Ll}/u.test(tok[np.e - 1].text) && !/s$/.test(head) && !c.alex.orgHeads.has(head) && !/^(government|regime|army|military|police|state|city|province|country|university|court|board|commission|union|party|council|company|firm|report|study|survey|data|figures|website|statement|document|letter|decision|ruling|order)$/.test(head)) {
    const p = lastActor(c, start, (a) => a.kind === 'person');
    if (p && start - p.start < 4000) return { start, end, name: p.name, actorId: p.id, kind: 'person' };
  }
  // generic agent ("activists", "residents", "militants")
  const gen = c.actors.find((a) => a.generic && a.start >= start && a.end <= end);
  return { start, end, name: stripped || surface, ...(gen ? { actorId: gen.id, kind: gen.kind } : {}) };
}

function viaFrom(c: Ctx, np: NP | null): Speaker['via'] {
  if (!np) return null;
  const sp = speakerFrom(c, np);
  return sp ? { name: sp.name, ...(sp.actorId ? { actorId: sp.actorId } : {}) } : null;
}

// ---------------------------------------------------------------- building statements
function trimSpan(c: Ctx, s: number, e: number): Span | null {
  // token range → offsets, trimmed of edge punctuation
  const tok = c.tok;
  while (s < e && !isWord(tok[s]) && !c.lex.open.has(tok[s].text)) s++;
  while (e > s && !isWord(tok[e - 1]) && !c.lex.close.has(tok[e - 1].text) && !/[)\]]/.test(tok[e - 1].text)) e--;
  if (e <= s) return null;
  let words = 0;
  for (let i = s; i < e; i++) if (isWord(tok[i])) words++;
  if (words < 3) return null;
  return { start: tok[s].start, end: tok[e - 1].end };
}

/**
 * A late cue whose clause begins with a quotation ("“...,” Tomas Berg, the emergency coordinator for the region,
 * said"): the cue belongs to that quote, not to a new reported statement.
 */
function lateQuoteCue(c: Ctx, content: Span, cue: { s: number; e: number }, verb: string, sp: Speaker | null): boolean {
  const t = tokAt(c.tok, content.start);
  const qi = c.quoted[t];
  if (qi < 0) return false;
  const q = c.quotes[qi];
  const st = c.out.find((x) => x.direct && x.start === q.start);
  if (!st) return false;
  if (!st.speaker || st.evidence[0].rule === 'statements.quote.inherit') {
    st.speaker = sp;
    const cs = c.tok[cue.s].start;
    const ce = c.tok[cue.e - 1].end;
    st.cue = { start: cs, end: ce, text: c.text.slice(cs, ce) };
    st.verb = verb;
    st.evidence = [{ rule: 'statements.quote.late-cue', span: { start: st.start, end: ce } }];
  }
  return true;
}

function add(c: Ctx, content: Span, cue: { s: number; e: number }, verb: string, direct: boolean, speaker: Speaker | null, rule: string): Statement {
  const cs = c.tok[cue.s].start;
  const ce = c.tok[cue.e - 1].end;
  const st: Statement = {
    start: content.start,
    end: content.end,
    cue: { start: cs, end: ce, text: c.text.slice(cs, ce) },
    verb,
    direct,
    speaker,
    evidence: [{ rule: `statements.${rule}`, span: { start: Math.min(cs, content.start), end: Math.max(ce, content.end) } }],
  };
  c.out.push(st);
  return st;
}

function passive(c: Ctx, v: number): boolean {
  const p = c.tok[v - 1]?.lower;
  if (p === 'to' || p === "'s" || p === '’s') return true; // "to say", "the mayor's claims"
  if ((p === 'not' || p === "n't") && /^(do|does|did)$/.test(c.tok[v - 2]?.lower ?? '')) return false;
  return p === 'was' || p === 'were' || p === 'is' || p === 'are' || p === 'be' || p === 'been' || p === 'being' || p === "it's";
}

function nounUse(c: Ctx, v: number, vend: number): boolean {
  const p = c.tok[v - 1];
  if (p && (c.lex.determiners.has(p.lower) && p.lower !== 'that' && p.lower !== 'all' && p.lower !== 'both' && p.lower !== 'some' && p.lower !== 'many' && p.lower !== 'most' && p.lower !== 'other' && p.lower !== 'several')) return true;
  // "reports said", "claims that": followed by another reporting verb → a noun
  const nv = verbAt(c, vend);
  if (nv && nv.v.strong && !nv.v.participle) return true;
  return false;
}

// direct quotes
function directQuotes(c: Ctx) {
  const tok = c.tok;
  c.quotes.forEach((q, qi) => {
    const inner = c.text.slice(q.start + 1, q.closed ? q.end - 1 : q.end);
    const words = inner.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
    if (q.t1 <= q.t0) return;
    const sent = tok[Math.min(q.t1 - 1, tok.length - 1)].sentence;
    const lastInner = inner.replace(/\s+$/, '');
    const endsSentence = /[.!?]$/.test(lastInner);
    let speaker: Speaker | null = null;
    let cue: { s: number; e: number } | null = null;
    let verb = '';
    let rule = '';
    // after the closing mark
    let k = tokAt(tok, q.end);
    const para = (off: number) => c.text.lastIndexOf('\n', off);
    const limitAfter = Math.min(tok.length, k + 16);
    let nextQuote = -1;
    for (let j = k; j < limitAfter; j++) {
      if (c.quoted[j] >= 0) { nextQuote = j; break; }
    }
    const stopAt = nextQuote >= 0 ? nextQuote : limitAfter;
    if (q.closed && k < tok.length && para(tok[k].start) === para(q.start)) {
      // the cue must follow in the same sentence: end at . ! ? ;
      let j = k;
      let found = -1;
      let vinfo: { end: number; v: VerbInfo } | null = null;
      for (; j < stopAt; j++) {
        const t = tok[j];
        if (t.kind === 'punct' && /^[.!?;]$/.test(t.text) && j > k) break;
        if (endsSentence && j === k && capital(t) && !verbAt(c, j) && !isPronoun(c, j) && !c.actorByStartTok.has(j)) break;
        const m = verbAt(c, j);
        if (m && !c.usedVerb[j] && !passive(c, j)) { found = j; vinfo = m; break; }
      }
      if (found >= 0 && vinfo) {
        const between = npBefore(c, found, k);
        let np: NP | null = null;
        // only punctuation or adverbs between the closing mark and the speaker
        const onlyGap = (a: number, b: number) => tok.slice(a, b).every((t) => !isWord(t) || c.lex.gap.has(t.lower));
        // after "X said" nothing is reported (else the verb has its own content)
        const restEmpty = (from: number) => {
          const r = skipAdverbials(c, from, Math.min(tok.length, from + 12));
          const t = tok[r];
          return !t || t.lower !== 'that';
        };
        // "former harbour pilot Ines Varga replied": a description before the name
        const described = (a: number, b: number) => {
          if (b - a > 8) return false;
          const np0 = between ? c.actors.find((x) => x.kind === 'person' && x.start >= tok[b].start && x.end <= tok[found - 1].end) : null;
          if (!np0) return false;
          for (let x = a; x < b; x++) {
            const t = tok[x];
            if (!isWord(t) ? !(t.text === '-' || t.text === '’s') : c.lex.stops.has(t.lower) || !!verbAt(c, x)) return false;
          }
          return true;
        };
        if (between && between.s >= k && (onlyGap(k, between.s) || described(k, between.s)) && restEmpty(vinfo.v.object ? skipHearer(c, vinfo.end, Math.min(tok.length, vinfo.end + 8)) : vinfo.end)) np = between;
        else if (found === k || (found > k && onlyGap(k, found))) np = npAfter(c, vinfo.end, Math.min(tok.length, vinfo.end + 14));
        if (np || found - k <= 1) {
          speaker = np ? speakerFrom(c, np) : null;
          if (speaker && vinfo.v.object) {
            // "he told SANA": via
          }
          cue = { s: found, e: vinfo.end };
          verb = vinfo.v.lemma;
          rule = 'quote.after';
          for (let x = found; x < vinfo.end; x++) c.usedVerb[x] = 1;
        }
      }
    }
    // before the opening mark, in the same sentence (or a paragraph ending with ':')
    if (!cue) {
      const t0 = q.t0 - 1; // the opening mark token
      const sStart = c.sentStart[tok[Math.max(0, t0)].sentence];
      let from = Math.max(sStart, t0 - 14);
      // previous paragraph ending with ':' → look there too
      let j = t0 - 1;
      if (j >= 0 && tok[j].text === ':' && tok[j].sentence !== tok[t0].sentence) from = Math.max(c.sentStart[tok[j].sentence], j - 14);
      for (; j >= from; j--) {
        if (c.quoted[j] >= 0) break;
        const m = verbAt(c, j);
        if (m && !c.usedVerb[j] && !passive(c, j) && !nounUse(c, j, m.end)) {
          // between the verb and the quote: only adverbials, a hearer, ':' or ','
          const after = m.v.object ? skipHearer(c, m.end, t0) : m.end;
          const k2 = skipAdverbials(c, after, t0);
          let gapOk = true;
          for (let x = k2; x < t0; x++) if (isWord(tok[x]) && tok[x].lower !== 'that') gapOk = false;
          // "replied after a long pause, “...”": a short phrase, then ',' or ':' before the mark
          if (!gapOk && t0 - k2 <= 9 && /^[,:]$/.test(tok[t0 - 1]?.text ?? '') && /^(in|at|on|during|after|before|to|with|when|while|as|from)$/.test(tok[k2].lower)) gapOk = true;
          if (!gapOk) break;
          const np = npBefore(c, j, sStart) ?? (m.v.participle ? null : npAfter(c, m.end, t0));
          speaker = np ? speakerFrom(c, np) : null;
          if (!np && m.v.participle) speaker = prevSpeaker(c, tok[j].start);
          if (m.v.object) {
            const h = npAfter(c, m.end, t0);
            if (speaker && h) speaker.via = viaFrom(c, h);
          }
          cue = { s: j, e: m.end };
          verb = m.v.lemma;
          rule = 'quote.before';
          for (let x = j; x < m.end; x++) c.usedVerb[x] = 1;
          break;
        }
      }
    }
    if (!cue && words < c.lex.minQuoteWords) return; // scare quotes, titles
    if (!cue) {
      // a quote inside a reported clause is covered by that clause; skip if it sits mid-sentence with text around it
      const t0 = q.t0 - 1;
      const sStart = c.sentStart[tok[Math.max(0, t0)].sentence];
      const before = t0 - sStart;
      if (before > 3 && q.closed) {
        const sEnd = c.sentEnd[sent];
        // text after the quote in the sentence too → an embedded quotation
        if (tokAt(tok, q.end) < sEnd - 1) return;
      }
    }
    const content = { start: q.start, end: q.end };
    const st = add(c, content, cue ?? { s: Math.max(0, q.t0 - 1), e: Math.max(1, q.t0) }, verb || 'quote', true, speaker, rule || 'quote.inherit');
    if (!cue) st.cue = { start: q.start, end: q.start, text: '' };
    void sent;
    void qi;
  });
}

function skipHearer(c: Ctx, k: number, limit: number): number {
  const tok = c.tok;
  if (k >= limit) return k;
  const a = c.actorByStartTok.get(k);
  // "told SANA" — but "told Syria's state-run news agency SANA": the possessive goes on
  if (a) {
    let ae = tokAt(tok, a.end);
    // "told the state news agency SANA": a name in apposition goes with the hearer
    const b = c.actorByStartTok.get(ae);
    if (b && ae < limit) ae = tokAt(tok, b.end);
    if (!(ae < limit && (tok[ae].text === '’s' || tok[ae].text === "'s"))) return ae;
  }
  if (/^(him|her|them|us|me|reporters|journalists|parliament|lawmakers|legislators|delegates|supporters|residents|viewers|listeners|readers)$/.test(tok[k].lower)) return k + 1;
  // "the BBC", "a news conference", "Surrey's councillors": up to 4 words before "that"
  for (let j = k; j < Math.min(limit, k + 9); j++) {
    if (tok[j].lower === 'that') return j;
    if (!isWord(tok[j]) && tok[j].text !== '’s' && tok[j].text !== "'s" || verbAt(c, j) || c.quoted[j] >= 0) break;
  }
  if (/^(the|a|an|local|state|russian|syrian)$/.test(tok[k].lower)) {
    let j = k + 1;
    while (j < Math.min(limit, k + 4) && isWord(tok[j]) && !c.lex.stops.has(tok[j].lower) && !verbAt(c, j)) {
      j++;
      if (/^(reporters|journalists|agency|newspaper|channel|television|tv|radio|conference|briefing|press|media|outlet|website|news|station|daily|magazine|network)$/.test(tok[j - 1].lower)) return j;
    }
  }
  return k;
}

function prevSpeaker(c: Ctx, before: number): Speaker | null {
  for (let i = c.out.length - 1; i >= 0; i--) {
    const s = c.out[i];
    if (s.start < before && s.speaker) return { ...s.speaker };
  }
  return null;
}

// reported speech
function reported(c: Ctx) {
  const tok = c.tok;
  for (let si = 0; si < c.sentStart.length; si++) {
    const S = c.sentStart[si];
    const E = c.sentEnd[si];
    if (S < E && FURNITURE.test(c.text.slice(tok[S].start, Math.min(c.text.length, tok[S].start + 12)))) continue;
    let lastEnd = S; // content before a late cue starts after the previous statement's cue
    const firstOfSentence = c.out.length; // statements made from this sentence are pushed after this index
    for (let i = S; i < E; i++) {
      if (c.quoted[i] >= 0 || c.usedVerb[i]) continue;
      // inside a statement's content already (nested speech): skip
      let nested = false;
      for (let q = firstOfSentence; q < c.out.length && !nested; q++) {
        const st = c.out[q];
        if (!st.direct && tok[i].start >= st.start && tok[i].end <= st.end && st.start >= tok[S].start) nested = true;
      }
      if (nested) continue;
      // ---- according to / citing
      const cueM = c.lex.sourceCues.longestAt(c.keys as never, i);
      if (cueM) {
        const np = npAfter(c, cueM.end, E);
        if (np) {
          const sp = speakerFrom(c, np);
          const isCiting = /^(citing|quoting)/.test(cueM.value);
          const prev = c.out[c.out.length - 1];
          if (isCiting && prev && !prev.direct && prev.cue.end <= tok[i].start && tok[i].start - prev.cue.end < 30 && sp) {
            // "SANA reported citing a police spokesman": the spokesman is the speaker, SANA the one told
            const via = prev.speaker ? { name: prev.speaker.name, ...(prev.speaker.actorId ? { actorId: prev.speaker.actorId } : {}) } : null;
            prev.speaker = { ...sp, via };
            prev.evidence.push({ rule: 'statements.citing', span: { start: tok[i].start, end: tok[np.e - 1].end } });
            i = np.e - 1;
            continue;
          }
          let content: Span | null = null;
          const onlyLead = tok.slice(S, i).every((t) => !isWord(t) || /^(but|and|however|yet|so)$/.test(t.lower));
          // "..., according to ministry figures, 45 per cent ...": a comma after the source opens the clause
          const commaAfter = np.e < E && tok[np.e].text === ',' && trimSpan(c, np.e + 1, E) !== null && !isCiting;
          if (onlyLead || commaAfter) content = trimSpan(c, skipLeadComma(c, np.e, E), E);
          else content = trimSpan(c, lastEnd, i);
          if (content) {
            add(c, content, { s: i, e: cueM.end }, isCiting ? 'cite' : 'according to', false, sp, isCiting ? 'citing' : 'according-to');
            lastEnd = np.e;
          }
          i = np.e - 1;
          continue;
        }
      }
      // ---- reporting verbs
      const m = verbAt(c, i);
      if (!m) continue;
      if (passive(c, i) || nounUse(c, i, m.end)) continue;
      const v = m.v;
      if (v.quoteOnly && !(v.thatOnly && m.end < E && tok[m.end].lower === 'that')) continue;
      // content after the verb
      let k = m.end;
      let via: NP | null = null;
      if (v.object) {
        const h = skipHearer(c, k, E);
        if (h > k) via = { s: k, e: h };
        k = h;
      }
      k = skipAdverbials(c, k, E);
      // "announced on her verified Facebook page on Thursday that ...": a longer adverbial before "that"
      if (k < E && /^(on|in|at|during|after|via|through|to|from|with|before)$/.test(tok[k].lower)) {
        for (let j = k + 1; j < Math.min(E, k + 12); j++) {
          const t = tok[j];
          if (t.lower === 'that') {
            k = j;
            break;
          }
          if ((!isWord(t) && t.text !== '’s' && t.text !== "'s" && t.text !== ',') || c.quoted[j] >= 0 || (verbAt(c, j) && !nounUse(c, j, j + 1))) break;
        }
      }
      let hadThat = false;
      if (k < E && tok[k].lower === 'that') { k++; hadThat = true; }
      else if (k < E && tok[k].text === ':') k++;
      const afterStartsQuote = k < E && c.quoted[k] >= 0;
      const subj = v.participle ? null : npBefore(c, i, lastEnd);
      // "SPEAKER said (that) CONTENT"
      // the clause ends before a participle cue (", adding that ...") which starts its own statement
      let cEnd = E;
      for (let j = k + 1; j < E; j++) {
        if (c.quoted[j] >= 0) continue;
        const pv = verbAt(c, j);
        if (pv && pv.v.participle && (pv.v.strong || tok[pv.end]?.lower === 'that')) { cEnd = j; break; }
      }
      let afterContent = !afterStartsQuote && k < cEnd ? trimSpan(c, k, cEnd) : null;
      // "counters by killing 17", "claimed responsibility for": not what was said
      if (afterContent && !hadThat && k < E && (NOT_CONTENT_START.test(tok[k].lower) || c.lex.nonSpeechObjects.has(tok[k].lower))) afterContent = null;
      // "casualties reported in Idlib": a participle before a place
      if (!hadThat && v.lemma === 'report' && k < E && /^(in|on|at|near|across|around)$/.test(tok[k].lower)) continue;
      const tailIsNP = (() => {
        // what follows is just the speaker (inverted order) or a cue: not content
        if (k >= E) return true;
        const cue2 = c.lex.sourceCues.longestAt(c.keys as never, k);
        if (cue2) return true;
        return false;
      })();
      // ", she said, especially ...": a parenthetical cue closes the clause before it
      const parenthetical = !!subj && subj.s > S && tok[subj.s - 1].text === ',' && m.end < E && tok[m.end].text === ',';
      if (subj && afterContent && !tailIsNP && !parenthetical && (hadThat || !v.thatOnly)) {
        const sp = v.participle ? prevSpeaker(c, tok[i].start) : speakerFrom(c, subj);
        if (sp && via && v.object) sp.via = viaFrom(c, via);
        add(c, afterContent, { s: i, e: m.end }, v.lemma, false, sp, 'said.after');
        i = m.end - 1;
        lastEnd = m.end;
        continue;
      }
      if (v.participle && afterContent && (hadThat || !v.thatOnly) && !tailIsNP) {
        // ", adding that CONTENT": the speaker of the clause before
        const prev = c.out.length ? c.out[c.out.length - 1] : null;
        let sp = prev && prev.speaker && tok[S].start <= prev.cue.end ? { ...prev.speaker } : null;
        if (!sp) {
          // the subject of the nearest reporting verb before it in the sentence
          for (let j = i - 1; j >= S && !sp; j--) {
            const mv = verbAt(c, j);
            if (mv && !mv.v.participle) {
              const np0 = npBefore(c, j, S);
              if (np0) sp = speakerFrom(c, np0);
            }
          }
        }
        if (!sp) sp = prevSpeaker(c, tok[i].start);
        if (v.strong || hadThat) {
          add(c, afterContent, { s: i, e: m.end }, v.lemma, false, sp, 'said.adding');
          i = m.end - 1;
          lastEnd = m.end;
          continue;
        }
      }
      if (!v.strong || v.participle) continue;
      // "CONTENT(,) SPEAKER said" / "CONTENT said SPEAKER"
      if (subj && subj.s > lastEnd) {
        const content = trimSpan(c, lastEnd, subj.s);
        // the clause before must not end on a subordinator ("higher than city reports say")
        let lc = subj.s - 1;
        while (lc > lastEnd && !isWord(tok[lc])) lc--;
        const openEnd = c.lex.stops.has(tok[lc].lower) && !/^(it|them|him|her|us|me|too|now|then|here|there|already|yet|still|out|up|over)$/.test(tok[lc].lower);
        // "CONTENT, she said, especially ...": the cue closes the clause before a comma
        const commaTail = m.end < E && /^[,;—–]$/.test(tok[m.end].text);
        if (content && !openEnd && (k >= E || tailIsNP || isTrailing(c, k, E) || (commaTail && tok[subj.s - 1]?.text === ','))) {
          const sp = speakerFrom(c, subj);
          // "... an army source told SANA": the hearer is the second source
          if (sp && v.object && via && !sp.via) sp.via = viaFrom(c, via);
          if (!lateQuoteCue(c, content, { s: i, e: m.end }, v.lemma, sp)) add(c, content, { s: i, e: m.end }, v.lemma, false, sp, 'said.before');
          i = m.end - 1;
          lastEnd = m.end;
          continue;
        }
      }
      if (!subj && i > lastEnd && INVERT.has(v.lemma)) {
        const np = npAfter(c, m.end, E);
        const content = trimSpan(c, lastEnd, i);
        let lc = i - 1;
        while (lc > lastEnd && !isWord(tok[lc])) lc--;
        const openEnd = c.lex.stops.has(tok[lc].lower) && !/^(it|them|him|her|us|me|too|now|then|here|there|already|yet|still|out|up|over)$/.test(tok[lc].lower);
        const npOk = np && (isPronoun(c, np.s) || capital(tok[np.s]) || c.lex.determiners.has(tok[np.s].lower) || c.alex.roleNouns.has(tok[np.e - 1].lower) || c.alex.generic.has(tok[np.e - 1].lower)) && isTrailing(c, skipAdverbials(c, np.e, E), cutAtParticiple(c, np.e, E));
        if (np && content && npOk && !openEnd) {
          const sp = speakerFrom(c, np);
          if (!lateQuoteCue(c, content, { s: i, e: m.end }, v.lemma, sp)) add(c, content, { s: i, e: m.end }, v.lemma, false, sp, 'said.inverted');
          i = np.e - 1;
          lastEnd = np.e;
          continue;
        }
      }
    }
  }
}

const INVERT = new Set(['say', 'tell', 'add', 'write', 'explain', 'note', 'ask', 'reply', 'continue', 'state', 'announce', 'confirm', 'report', 'warn', 'insist', 'claim', 'point out', 'recall', 'conclude', 'argue', 'remark', 'tweet', 'observe', 'estimate', 'joke', 'concede', 'counter', 'predict', 'caution']);

/** The token where a participle cue (", adding ...") begins, or E. */
function cutAtParticiple(c: Ctx, k: number, E: number): number {
  for (let j = k; j < E; j++) {
    const t = c.tok[j];
    if (t.text === ',') return j;
    const pv = verbAt(c, j);
    if (pv && pv.v.participle) return j;
    if (c.quoted[j] >= 0) return j;
  }
  return E;
}

/** Tokens after a late cue that are not content: "on Tuesday", "in a statement", ", adding ..." handled elsewhere. */
function isTrailing(c: Ctx, k: number, E: number): boolean {
  const tok = c.tok;
  for (let j = k; j < E; j++) if (isWord(tok[j])) return false;
  return true;
}

function skipLeadComma(c: Ctx, k: number, E: number): number {
  while (k < E && (c.tok[k].text === ',' || c.tok[k].text === ':')) k++;
  return k;
}

const MALE = /^(he|his|him|himself)$/;
const FEMALE = /^(she|her|hers|herself)$/;
/** Gender of the people in the article, from "Mr./Ms." and from the first he/she pronoun after a mention. */
function inferGender(c: Ctx): Map<string, string> {
  const votes = new Map<string, number>();
  const tok = c.tok;
  const persons = c.actors.filter((a) => a.kind === 'person');
  for (let k = 0; k < persons.length; k++) {
    const a = persons[k];
    const id = a.id;
    const t0 = tokAt(tok, a.start);
    if (c.quoted[t0] >= 0) continue;
    const prev = tok[t0 - 1]?.lower.replace(/\.$/, '');
    let v = 0;
    if (prev === 'mr' || prev === 'sir' || prev === 'lord' || prev === 'king' || prev === 'father') v += 3;
    if (prev === 'ms' || prev === 'mrs' || prev === 'miss' || prev === 'madam' || prev === 'dame' || prev === 'queen') v -= 3;
    const role = (a.role ?? '').toLowerCase();
    if (/\b(mr|sir|king|prince|spokesman|chairman|congressman)\b/.test(role)) v += 2;
    if (/\b(ms|mrs|queen|princess|spokeswoman|chairwoman|congresswoman)\b/.test(role)) v -= 2;
    // the first gendered pronoun after the mention, before the next person, in the same or next sentence
    const nextStart = persons[k + 1]?.start ?? Infinity;
    const sent = tok[t0].sentence;
    for (let j = tokAt(tok, a.end); j < tok.length && tok[j].start < nextStart && tok[j].sentence <= sent + 1; j++) {
      if (c.quoted[j] >= 0) continue;
      // in the next sentence only its first word counts ("... fled in 2015. He said ...")
      if (tok[j].sentence > sent && j > 0 && tok[j - 1].sentence === tok[j].sentence) break;
      if (MALE.test(tok[j].lower)) { v += 1; break; }
      if (FEMALE.test(tok[j].lower)) { v -= 1; break; }
    }
    if (v) votes.set(id, (votes.get(id) ?? 0) + v);
  }
  const out = new Map<string, string>();
  for (const [id, v] of votes) if (v) out.set(id, v > 0 ? 'm' : 'f');
  // speakers carry the name when they have no id
  for (const a of persons) if (out.has(a.id)) out.set(a.name, out.get(a.id)!);
  return out;
}

function markContentActors(c: Ctx) {
  const m = new Map<Actor, number>();
  const rep = c.out.filter((s) => !s.direct).sort((a, b) => a.start - b.start);
  let j = 0;
  for (const a of c.actors) {
    while (j < rep.length && rep[j].end <= a.start) j++;
    // the clauses are few per sentence: look at the next few that may hold it
    for (let k = j; k < rep.length && rep[k].start <= a.start; k++) {
      if (a.end <= rep[k].end) {
        m.set(a, rep[k].end);
        break;
      }
    }
  }
  c.contentActors = m;
}

function resolvePronouns(c: Ctx) {
  if (GENDER) c.gender = inferGender(c);
  markContentActors(c);
  c.out.sort((a, b) => a.start - b.start);
  c.final = true;
  const all = c.out;
  c.out = [];
  for (const st of all) {
    const sp = st.speaker as (Speaker & { pronoun?: boolean }) | null;
    if (sp && sp.pronoun) {
      const i = tokAt(c.tok, sp.start);
      const r = speakerFrom(c, { s: i, e: i + 1 });
      st.speaker = r ? { ...r, ...(sp.via ? { via: sp.via } : {}) } : null;
    }
    c.out.push(st);
  }
  // speakers copied from a pronoun before it was resolved ("adding", inherited quotes)
  for (const st of c.out) if (st.speaker && !st.speaker.name) st.speaker = null;
}

/** A quotation inside a reported clause ("the message will have “a positive aspect”") is covered by it. */
function dropEmbedded(c: Ctx) {
  const reportedSt = c.out.filter((s) => !s.direct);
  if (!reportedSt.length) return;
  c.out = c.out.filter((s) => !s.direct || !reportedSt.some((r) => r.start <= s.start && r.end >= s.end && r.start < s.start));
}

function inherit(c: Ctx) {
  c.out.sort((a, b) => a.start - b.start);
  // one statement per content span
  c.out = c.out.filter((s, i) => i === 0 || s.start !== c.out[i - 1].start || s.end !== c.out[i - 1].end);
  let last: Speaker | null = null;
  for (const s of c.out) {
    if (s.speaker) last = s.speaker;
    else if (s.direct && last && s.evidence[0].rule === 'statements.quote.inherit') s.speaker = { ...last };
  }
}

export function findStatements(a: Analysis, lex: StatementLexicon, alex: ActorLexicon): Statement[] {
  const text = a.document.text;
  // zero-width and other format characters are not words ("Traeger\u200b said")
  const tok = a.tokens.some((t) => FORMAT.test(t.text)) ? a.tokens.filter((t) => !FORMAT.test(t.text)) : a.tokens;
  // pronoun mentions are resolved here with what statements know (speakers, gender), not taken as names
  const actors = a.actors.filter((x) => x.evidence[0]?.rule !== 'actors.pronoun').sort((x, y) => x.start - y.start || y.end - x.end);
  const actorByStartTok = new Map<number, Actor>();
  const actorByEndTok = new Map<number, Actor>();
  for (const x of actors) {
    const s = tokAt(tok, x.start);
    let e = tokAt(tok, x.end) - 1;
    if (e < s) e = s;
    if (!actorByStartTok.has(s)) actorByStartTok.set(s, x);
    const prev = actorByEndTok.get(e);
    if (!prev || prev.end - prev.start < x.end - x.start) actorByEndTok.set(e, x);
  }
  const sentStart: number[] = [];
  const sentEnd: number[] = [];
  for (let i = 0; i < tok.length; i++) {
    const s = tok[i].sentence;
    if (sentStart[s] === undefined) sentStart[s] = i;
    sentEnd[s] = i + 1;
  }
  for (let s = 0; s < a.sentences.length; s++) {
    if (sentStart[s] === undefined) {
      sentStart[s] = s > 0 ? sentEnd[s - 1] ?? 0 : 0;
      sentEnd[s] = sentStart[s];
    }
  }
  const quoted = new Int32Array(tok.length).fill(-1);
  const quotes: Quote[] = [];
  for (const q of findQuotes(text, lex)) {
    const t0 = tokAt(tok, q.start + 1);
    const t1 = q.closed ? tokAt(tok, q.end - 1) : tokAt(tok, q.end);
    const qi = quotes.length;
    quotes.push({ ...q, t0, t1 });
    for (let i = tokAt(tok, q.start); i < tokAt(tok, q.end); i++) quoted[i] = qi;
  }
  const c: Ctx = {
    text,
    tok,
    keys: tok.map((t) => ({ key: t.kind === 'word' || t.kind === 'number' ? normKey(t.text) : t.text })),
    lex,
    alex,
    actors,
    actorByStartTok,
    actorByEndTok,
    quoted,
    quotes,
    usedVerb: new Uint8Array(tok.length),
    sentStart,
    sentEnd,
    out: [],
  };
  directQuotes(c);
  reported(c);
  resolvePronouns(c);
  dropEmbedded(c);
  inherit(c);
  return c.out;
}

export const statementsStage: Stage = {
  name: 'statements',
  requires: ['sentences', 'tokens', 'actors'],
  assigns: ['statements'],
  run(a: Analysis, r: Resources) {
    const L = languageOf(a);
    const lex = r.get(L.lexiconKey('statements.lexicon'), () => loadStatementLexicon(L));
    const alex = r.get(L.lexiconKey('actors.lexicon'), () => loadActorLexicon(L));
    a.statements = findStatements(a, lex, alex);
  },
};
