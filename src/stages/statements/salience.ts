// Salience of the people in an article, for he/she speakers: a pronoun refers to the person the text
// has been talking about, not merely the last name it wrote. Each mention of a person adds weight to
// that person (more as a subject or a speaker, less as an object or a possessive); the weight falls to
// 0.6 with every sentence and halves again at a paragraph break. He/she pronouns outside quotations are read in
// text order, each resolved to the most salient person of its gender and then counted as a mention
// of that person, so a chain of "he said ... he added" keeps its referent against a name in passing.
import type { Speaker } from '../../core/types.js';
import { type Ctx, finiteLooking, isWord, tokAt, verbAt } from './context.js';
import { isWeaponActor } from '../actors/sides.js';

export interface Salient {
  name: string;
  actorId?: string;
  kind: Speaker['kind'];
}

interface Mention {
  tok: number;
  key: string;
  who: Salient;
  weight: number;
  /** gender votes of the mention's own person (> 0 male), 0 when unknown */
  votes: number;
}

const DECAY_SENTENCE = 0.6;
const DECAY_PARAGRAPH = 0.5;
const W_SUBJECT = 2;
const W_OTHER = 1;
const W_POSSESSIVE = 0.5;
const W_SPEAKER = 2;
const W_UNKNOWN = 0.8;
const W_WEAK_MISMATCH = 0.35;
const CAP = 6;

const keyOf = (s: { actorId?: string; name: string }) => s.actorId ?? `name:${s.name.toLowerCase()}`;

/** Is the mention ending before token e (starting at s) the subject of its clause? */
function subjectAt(c: Ctx, s: number, e: number): boolean {
  const tok = c.tok;
  const sent = tok[s].sentence;
  // opening its sentence, after at most a connective or a title ("But", "University spokesman")
  let k = s - 1;
  let lead = 0;
  while (k >= 0 && tok[k].sentence === sent && lead < 3 && (c.lex.open.has(tok[k].text) || c.alex.roleNouns.has(tok[k].lower) || c.lex.sentenceLead.has(tok[k].lower))) { k--; lead++; }
  if (k < 0 || tok[k].sentence !== sent) return true;
  // followed by a verb, after an apposition between commas ("X, the head of Y, has said")
  let j = e;
  if (tok[j]?.text === ',') {
    let m = j + 1;
    while (m < tok.length && m < j + 20 && tok[m].sentence === sent && tok[m].text !== ',') m++;
    if (tok[m]?.text === ',') j = m + 1;
  }
  const t = tok[j];
  if (!t || t.sentence !== sent || !isWord(t)) return false;
  return !!verbAt(c, j) || c.lex.subjectVerbs.has(t.lower) || (finiteLooking(c, t.text) && !c.lex.stops.has(t.lower) && !c.lex.determiners.has(t.lower));
}

function votesOf(c: Ctx, id: string | undefined, name: string): number {
  const v = id ? c.genderVotes?.get(id) : undefined;
  if (v !== undefined) return v;
  const g = c.gender?.get(id ?? name);
  return g === 'm' ? 2 : g === 'f' ? -2 : 0;
}

/** The mentions of people, in text order, before pronouns are resolved. */
function mentions(c: Ctx): Mention[] {
  const out: Mention[] = [];
  const tok = c.tok;
  for (const a of c.actors) {
    if (a.kind !== 'person' || a.id.startsWith('role:')) continue;
    const s = tokAt(tok, a.start);
    if (s >= tok.length || c.quoted[s] >= 0) continue;
    let e = tokAt(tok, a.end);
    if (e <= s) e = s + 1;
    const poss = c.lex.possessiveAfter.test(c.text.slice(a.end, a.end + 3));
    const weight = poss ? W_POSSESSIVE : subjectAt(c, s, e) ? W_SUBJECT : W_OTHER;
    out.push({ tok: s, key: keyOf({ actorId: a.id, name: a.name }), who: { name: a.name, actorId: a.id, kind: 'person' }, weight, votes: votesOf(c, a.id, a.name) });
  }
  // named speakers (an unknown name before an apposition has no actor)
  for (const st of c.out) {
    const sp = st.speaker as (Speaker & { pronoun?: boolean }) | null;
    if (!sp || sp.pronoun || !sp.name || (sp.kind && sp.kind !== 'person') || sp.start === undefined) continue;
    if (sp.actorId && !sp.actorId.startsWith('person:')) continue;
    if (!sp.actorId && !/^\p{Lu}/u.test(sp.name)) continue;
    const s = tokAt(tok, sp.start);
    if (s >= tok.length) continue;
    out.push({ tok: s, key: keyOf(sp), who: { name: sp.name, ...(sp.actorId ? { actorId: sp.actorId } : {}), kind: 'person' }, weight: W_SPEAKER, votes: votesOf(c, sp.actorId, sp.name) });
  }
  out.sort((x, y) => x.tok - y.tok);
  // one person under one key: a surname alone, or a name only a speaker carries, joins the full name
  // with that surname ("Baxter" after "Moyra Baxter"); the full name is shown
  const bySurname = new Map<string, Mention>();
  const surname = (n: string) => n.toLowerCase().split(/\s+/).pop() ?? '';
  for (const x of out) {
    const full = x.who.name.trim().includes(' ');
    const first = bySurname.get(surname(x.who.name));
    if (first && first.key !== x.key && (!full || !x.who.actorId)) {
      x.key = first.key;
      x.who = first.who;
    } else if (!first || (full && !first.who.name.includes(' '))) {
      if (first && full) for (const y of out) if (y.key === first.key) { y.key = x.key; y.who = x.who; }
      bySurname.set(surname(x.who.name), x);
    }
  }
  return out;
}

/**
 * He/she tokens outside quotations → the person each refers to (token index → person), resolved in
 * text order with the salience of every person mentioned before it.
 */
export function resolveBySalience(c: Ctx): Map<number, Salient> {
  const tok = c.tok;
  const ms = mentions(c);
  const res = new Map<number, Salient>();
  // running scores: key → { score, who, tok } decayed lazily by sentence and paragraph
  const score = new Map<string, { s: number; who: Salient; sent: number; para: number }>();
  const paraOf = (i: number) => c.para ? c.para[tok[i].sentence] ?? 0 : 0;
  const at = (i: number) => ({ sent: tok[i].sentence, para: paraOf(i) });
  const decayed = (x: { s: number; sent: number; para: number }, now: { sent: number; para: number }) =>
    x.s * DECAY_SENTENCE ** Math.max(0, now.sent - x.sent) * DECAY_PARAGRAPH ** Math.max(0, now.para - x.para);
  const add = (key: string, who: Salient, w: number, i: number) => {
    const now = at(i);
    const prev = score.get(key);
    const base = prev ? decayed(prev, now) : 0;
    score.set(key, { s: Math.min(CAP, base + w), who: prev?.who ?? who, sent: now.sent, para: now.para });
  };
  // the gender of a person seen under several names: the strongest evidence among them
  const votes = new Map<string, number>();
  for (const x of ms) if (Math.abs(x.votes) > Math.abs(votes.get(x.key) ?? 0)) votes.set(x.key, x.votes);
  const paraStart = (i: number) => i === 0 || (c.para?.[tok[i - 1].sentence] ?? 0) !== (c.para?.[tok[i].sentence] ?? 0);
  c.salientAtQuote = new Map();
  let m = 0;
  for (let i = 0; i < tok.length; i++) {
    while (m < ms.length && ms[m].tok <= i) {
      add(ms[m].key, ms[m].who, ms[m].weight, ms[m].tok);
      m++;
    }
    // at the first token of a quotation that opens its paragraph: the people by salience (quote.inherit)
    if (c.quoted[i] >= 0 && (i === 0 || c.quoted[i - 1] !== c.quoted[i]) && paraStart(i)) {
      const now = at(i);
      const ranked = new Map<string, number>();
      let top: { who: Salient; v: number } | null = null;
      for (const x of score.values()) {
        const v = decayed(x, now);
        ranked.set(x.who.name, v);
        if (!top || v > top.v) top = { who: x.who, v };
      }
      if (top) c.salientAtQuote?.set(c.quoted[i], { top: top.who, v: top.v, ranked });
    }
    if (c.quoted[i] >= 0) continue;
    const w = tok[i].lower;
    const male = c.lex.w.malePronouns.has(w);
    if (!male && !c.lex.w.femalePronouns.has(w)) continue;
    const want = male ? 'm' : 'f';
    const now = at(i);
    let best: { key: string; who: Salient; v: number } | null = null;
    for (const [key, x] of score) {
      const v0 = votes.get(key) ?? 0;
      const g = v0 > 0 ? 'm' : v0 < 0 ? 'f' : undefined;
      if (g && g !== want && Math.abs(v0) >= 2) continue;
      // a person of unknown gender, or whose gender rests on one vote, counts for less than one known to match
      const v = decayed(x, now) * (!g ? W_UNKNOWN : g !== want ? W_WEAK_MISMATCH : 1);
      if (!best || v > best.v) best = { key, who: x.who, v };
    }
    if (!best || best.v < 0.05) continue;
    res.set(i, best.who);
    // the pronoun is a mention too: a subject "he"/"she" as much as a name, "his"/"him" less
    add(best.key, best.who, c.lex.w.maleSubjectPronouns.has(w) || c.lex.w.femaleSubjectPronouns.has(w) ? W_SUBJECT : W_OTHER, i);
  }
  return res;
}

const ORG_WINDOW = 4000; // characters looked back for "the company"

/**
 * "the company", "the group": the organisation the text has been talking about, by the same weights
 * and decay as people (subject 2, else 1; halved per sentence and per paragraph), over the organisations
 * named in the last few thousand characters. A news agency cited once loses to the company named
 * throughout.
 */
export function salientOrg(c: Ctx, before: number, pred: (a: import('../../core/types.js').Actor) => boolean): import('../../core/types.js').Actor | null {
  const tok = c.tok;
  const at = tokAt(tok, before);
  if (at >= tok.length) return null;
  const now = { sent: tok[at].sentence, para: c.para?.[tok[at].sentence] ?? 0 };
  const score = new Map<string, { v: number; a: import('../../core/types.js').Actor }>();
  // actors are sorted by start: walk back from the last one before the offset
  let lo = 0, hi = c.actors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c.actors[mid].start < before) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    const a = c.actors[k];
    if (before - a.start > ORG_WINDOW) break;
    // (a weapon speaks for no one: "American missiles ... they claimed")
    if (a.generic || a.kind === 'person' || a.kind === 'other' || isWeaponActor(a) || !pred(a)) continue;
    const s = tokAt(tok, a.start);
    if (s >= tok.length || c.quoted[s] >= 0) continue;
    let e = tokAt(tok, a.end);
    if (e <= s) e = s + 1;
    const w = subjectAt(c, s, e) ? W_SUBJECT : W_OTHER;
    const sent = tok[s].sentence;
    const para = c.para?.[sent] ?? 0;
    const v = w * DECAY_SENTENCE ** Math.max(0, now.sent - sent) * DECAY_PARAGRAPH ** Math.max(0, now.para - para);
    const x = score.get(a.id);
    if (x) x.v += v;
    else score.set(a.id, { v, a });
  }
  // an organisation that spoke (a statement's speaker) is more salient again, as a person who spoke
  for (const st of c.out) {
    const sp = st.speaker;
    if (!sp?.actorId || sp.start === undefined || sp.start >= before || before - sp.start > ORG_WINDOW) continue;
    const x = score.get(sp.actorId);
    if (!x) continue;
    const sent = tok[tokAt(tok, sp.start)]?.sentence ?? now.sent;
    const para = c.para?.[sent] ?? 0;
    x.v += W_SPEAKER * DECAY_SENTENCE ** Math.max(0, now.sent - sent) * DECAY_PARAGRAPH ** Math.max(0, now.para - para);
  }
  let best: { v: number; a: import('../../core/types.js').Actor } | null = null;
  for (const x of score.values()) if (!best || x.v > best.v) best = x;
  return best?.a ?? null;
}
