// Who gave a figure. One mechanism, shared with the statements stage: the source of a claim is the
// speaker of the statement whose content span covers the claim's number. When no statement covers it,
// a source carries over from the previous sentence only when that sentence ended inside a statement
// with a known speaker and this sentence opens no new report of its own (no statement cue of its
// own, no hedge, no topic break such as "Meanwhile"). Hedged figures have no source unless a statement
// with a speaker covers them.
import type { Analysis, ClaimSource, Evidence, Span, Statement } from '../../core/types.js';
import { tokenIndexAt } from '../sentences/index.js';

export interface Attribution {
  source: ClaimSource | null;
  evidence: Evidence | null;
}

/**
 * The statements and actors of an analysis by position, built once per analysis, so that attributing each
 * count does not walk every statement and actor of the text (a long report has thousands of both).
 */
interface Index {
  /** statements by start, with the longest statement's length: the ones covering a span start within it */
  byStart: Statement[];
  /** each statement's place in a.statements (ties go to the first, as statementCovering does) */
  order: Map<Statement, number>;
  maxLen: number;
  /** statements by the sentence holding their cue; actors by the sentence holding their start */
  cues: Map<number, Statement[]>;
  actors: Map<number, Analysis['actors']>;
}
const indexes = new WeakMap<Analysis, Index>();

function sentenceAt(a: Analysis, offset: number): number {
  const ss = a.sentences;
  let lo = 0, hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < ss[mid].start) hi = mid - 1;
    else if (offset >= ss[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function indexOf(a: Analysis): Index {
  let x = indexes.get(a);
  if (x) return x;
  const byStart = [...a.statements].sort((p, q) => p.start - q.start);
  const order = new Map(a.statements.map((st, i) => [st, i]));
  let maxLen = 0;
  for (const s of byStart) maxLen = Math.max(maxLen, s.end - s.start);
  const cues = new Map<number, Statement[]>();
  for (const s of a.statements) {
    const k = sentenceAt(a, s.cue.start);
    const l = cues.get(k) ?? [];
    l.push(s);
    cues.set(k, l);
  }
  const actors = new Map<number, Analysis['actors']>();
  for (const y of a.actors) {
    const k = sentenceAt(a, y.start);
    const l = actors.get(k) ?? [];
    l.push(y);
    actors.set(k, l);
  }
  for (const l of actors.values()) l.sort((p, q) => p.start - q.start);
  x = { byStart, order, maxLen, cues, actors };
  indexes.set(a, x);
  return x;
}

/** The innermost statement covering the span, through the index: the same answer as statementCovering. */
function coveringIndexed(ix: Index, span: Span): Statement | null {
  const list = ix.byStart;
  // last statement starting at or before span.start
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let best: Statement | null = null;
  let bestAt = -1;
  for (let k = lo - 1; k >= 0 && list[k].start >= span.start - ix.maxLen; k--) {
    const s = list[k];
    if (s.start <= span.start && span.end <= s.end) {
      const len = s.end - s.start;
      const at = ix.order.get(s)!;
      // ties go to the statement first in a.statements, as statementCovering does
      if (!best || len < best.end - best.start || (len === best.end - best.start && at < bestAt)) { best = s; bestAt = at; }
    }
  }
  return best;
}

/** The innermost statement whose content covers the span, or null. */
export function statementCovering(statements: readonly Statement[], span: Span): Statement | null {
  let best: Statement | null = null;
  for (const s of statements) {
    if (s.start <= span.start && span.end <= s.end) {
      if (!best || s.end - s.start < best.end - best.start) best = s;
    }
  }
  return best;
}

export function sourceOf(st: Statement): ClaimSource | null {
  const sp = st.speaker;
  if (!sp || !sp.name) return null;
  const src: ClaimSource = { name: sp.name, start: sp.start, end: sp.end };
  if (sp.actorId) src.actorId = sp.actorId;
  if (sp.kind) src.kind = sp.kind;
  if (sp.via !== undefined) src.via = sp.via;
  return src;
}

/** What may stand between a figure verb's subject and the verb, by token index. */
export interface SubjectWords {
  /** a figure verb */
  verbAt: (k: number) => boolean;
  /** a word that may stand between the actor and the verb ("also", "later", "on Friday") */
  skip: (k: number) => boolean;
  /** a word that ties a name to the phrase before it ("of") */
  complement?: (k: number) => boolean;
  /** an article after such a word */
  article?: (k: number) => boolean;
  /** a preposition of place: "Health officials in the Puno region raised the toll" (a place after it, and its
   * region noun, stand between) */
  placePrep?: (k: number) => boolean;
}

/**
 * "Local officials put the death toll at 9", "SNHR documented 236 deaths": the actor that is the
 * subject of a figure verb before the number, in the same sentence, is the source.
 */
export function figureSubject(a: Analysis, sentence: number, qStart: number, tokenAt: (offset: number) => number, w: SubjectWords): Attribution | null {
  const { verbAt, skip } = w;
  const complement = w.complement ?? (() => false);
  const article = w.article ?? (() => false);
  const s = a.sentences[sentence];
  if (!s) return null;
  // the last such actor before the number: read back from it, no further than SUBJECT_REACH characters (a sentence
  // of thousands of actors and counts stays linear)
  const actors = indexOf(a).actors.get(sentence) ?? [];
  for (let i = actors.length - 1; i >= 0; i--) {
    const actor = actors[i];
    if (actor.end < qStart - SUBJECT_REACH) break;
    if (actor.start < s.start || actor.end > qStart) continue;
    // '"We have counted 32 bodies," X said': a pronoun with no antecedent names nobody; the statement around it
    // gives the source
    if (actor.id.startsWith('pronoun:')) continue;
    // a name after "of" or "in" belongs to the phrase before it ("the Council of the Philippines")
    let before = tokenAt(actor.start) - 1;
    if (before > 0 && article(before)) before--;
    if (before >= 0 && complement(before) && a.tokens[before].start >= s.start) continue;
    const k0 = tokenAt(actor.end);
    let k = k0;
    let skipped = 0;
    // "The Relief Council (NRC) of Peru increased", "A commission, the X Commission, listed": brackets,
    // commas, an acronym and "of" + a capitalised word may stand between the actor and the verb
    while (k < a.tokens.length && a.tokens[k].start < qStart && skipped < 8) {
      const t = a.tokens[k];
      if ((skip(k) && skipped < 3) || t.text === ',' || t.text === '(' || t.text === ')') { k++; skipped++; continue; }
      if (complement(k)) {
        // "of (the) Philippines"
        let j = k + 1;
        if (j < a.tokens.length && article(j)) j++;
        if (j < a.tokens.length && /^\p{Lu}/u.test(a.tokens[j].text)) { skipped += j + 1 - k; k = j + 1; continue; }
      }
      if (/^\p{Lu}/u.test(t.text) && k > k0 && a.tokens[k - 1].text === '(') { k++; skipped++; continue; }
      const past = w.placePrep?.(k) ? pastPlace(a, k, tokenAt, article) : -1;
      if (past > k) { skipped += past - k; k = past; continue; }
      break;
    }

    if (k >= a.tokens.length || a.tokens[k].start >= qStart || !verbAt(k)) continue;
    const src: ClaimSource = { name: actor.name, actorId: actor.id, kind: actor.kind, start: actor.start, end: actor.end };
    return { source: src, evidence: { rule: 'claims.source:figure-subject', span: { start: actor.start, end: actor.end }, note: a.tokens[k].text } };
  }
  return null;
}

/** the farthest, in characters, a figure verb's subject may end before the number it reports */
const SUBJECT_REACH = 600;

/** Past "in (the) Puno (region)" at token k (the preposition): the token after the place and one lower-case word
 * after it, or -1 when no place follows the preposition (and its article). */
export function pastPlace(a: Analysis, k: number, tokenAt: (offset: number) => number, article: (k: number) => boolean): number {
  let j = k + 1;
  if (j < a.tokens.length && article(j)) j++;
  if (j >= a.tokens.length) return -1;
  const at = a.tokens[j].start;
  const place = a.places.find((p) => p.start === at);
  if (!place) return -1;
  let m = tokenAt(place.end);
  if (m < a.tokens.length && a.tokens[m].kind === 'word' && /^\p{Ll}/u.test(a.tokens[m].text) && !a.tokens[m].text.endsWith('ed') && m + 1 < a.tokens.length && a.tokens[m + 1].kind === 'word') m++;
  return m;
}

/**
 * "… according to an NRC report on Monday, which counted 14 injured": a count in a relative clause
 * opened right after a statement's speaker is that speaker's. `relative` tells whether a token is a
 * relative pronoun ("which", "who"); at most 6 tokens between the speaker and the comma, 24 between the
 * pronoun and the count.
 */
export function relativeSource(a: Analysis, sentence: number, qStart: number, relative: (k: number) => boolean, tokenAt: (offset: number) => number): Attribution | null {
  for (const st of indexOf(a).cues.get(sentence) ?? []) {
    const sp = st.speaker;
    if (!sp || !sp.name || sp.end > qStart || st.end > qStart) continue;
    const q = tokenAt(qStart);
    let k = tokenAt(sp.end);
    const k0 = k;
    while (k < q && a.tokens[k].text !== ',' && k - k0 <= 6) k++;
    if (k >= q || a.tokens[k].text !== ',' || !relative(k + 1)) continue;
    // the clause may go on as a list ("which counted 14 injured in X, 9 in Y and 3 in Z"), not past a
    // semicolon or another statement's cue
    if (q - (k + 1) > 24 || a.tokens.slice(k + 2, q).some((t) => t.text === ';')) continue;
    const cueBetween = (indexOf(a).cues.get(sentence) ?? []).some((o) => o !== st && o.cue.start > a.tokens[k].start && o.cue.start < qStart);
    if (cueBetween) continue;
    const src = sourceOf(st);
    if (src) return { source: src, evidence: { rule: 'claims.source:relative', span: { start: sp.start, end: sp.end }, note: a.tokens[k + 1].text } };
  }
  return null;
}

export interface AttributionOptions {
  /** The claim is hedged ("reportedly", "were said to"): no source. */
  hedged: boolean;
  /** The sentence opens with a topic break ("Meanwhile"): no carry-over. */
  topicBreak: boolean;
  /** Claims found so far (earlier in the text): a source carries over only from a statement that gave figures. */
  earlier?: readonly Span[];
  /** The subject of a figure verb in the sentence ("Local officials put the death toll at 9"), computed lazily. */
  subject?: () => Attribution | null;
  /** A name that names no source ("Initial" of "Initial reports"). */
  notSource?: (name: string) => boolean;
  /** Does a word open an apposition after a speaker (", a spokesperson for ...")? */
  appositionOpener?: (word: string) => boolean;
}

/** ", a spokesperson for the National Disaster Mitigation Agency.": from `from` to `to` only an apposition after
 * the speaker (a comma, an opener, no other comma nor a verb of report). */
function apposition(a: Analysis, from: number, to: number, opts: AttributionOptions): boolean {
  if (!opts.appositionOpener) return false;
  const k = tokenIndexAt(a.tokens, from);
  const t = a.tokens[k];
  const n = a.tokens[k + 1];
  if (!t || !n || t.text !== ',' || t.start >= to || !opts.appositionOpener(n.lower)) return false;
  for (let j = k + 2; j < a.tokens.length && a.tokens[j].start < to; j++) if (/^[,;:"“”«»]$/.test(a.tokens[j].text)) return false;
  return true;
}

/** Word tokens between two offsets (a count that stops at 5). */
function wordsBetween(a: Analysis, from: number, to: number): number {
  let n = 0;
  for (let k = tokenIndexAt(a.tokens, from); k < a.tokens.length && a.tokens[k].start < to && n < 5; k++) if (/[\p{L}\p{N}]/u.test(a.tokens[k].text)) n++;
  return n;
}

/**
 * The source of a claim whose number lies at `span` in sentence `sentence`.
 * Carry-over: the previous sentence of the same paragraph held a statement with a speaker whose
 * content reached the end of that sentence.
 */
export function attributeClaim(a: Analysis, span: Span, sentence: number, opts: AttributionOptions): Attribution {
  // a hedge ("reportedly", "there are reports") leaves the figure without a source unless a named
  // speaker reports it ("the monitor said 12 were reportedly killed")
  const ix = indexOf(a);
  const st = coveringIndexed(ix, span);
  if (opts.hedged && !(st && st.speaker)) return { source: null, evidence: null };
  if (st) {
    // "X said two people were shot dead, while Amnesty put the number of arrests at 52": the subject of a
    // figure verb inside what is reported gives its own figure
    const subj = opts.subject?.();
    // (a named actor: "Initial reports of 6 killed" names no one)
    if (subj?.source?.actorId && subj.evidence && subj.evidence.span.start >= st.start && subj.evidence.span.end <= st.end && !opts.notSource?.(subj.source.name)) return subj;
    const src = sourceOf(st);
    return { source: src, evidence: src ? { rule: 'claims.source:statement', span: { start: st.speaker!.start, end: st.speaker!.end }, note: st.verb } : null };
  }
  const subj = opts.subject?.();
  if (subj) return subj;
  if (opts.topicBreak || sentence <= 0) return { source: null, evidence: null };
  const cur = a.sentences[sentence];
  const prev = a.sentences[sentence - 1];
  if (!cur || !prev) return { source: null, evidence: null };
  // this sentence must not carry a report of its own, nor name a new speaker before the figure
  // ("The UNHCR now says roughly 18,000 ..." where the speech verb was missed)
  for (const s of ix.cues.get(sentence) ?? []) {
    if (s.cue.start >= cur.start && s.cue.end <= cur.end) return { source: null, evidence: null };
  }
  for (const x of ix.actors.get(sentence) ?? []) {
    if (x.start >= cur.start && x.end <= span.start && !x.generic && (x.kind === 'organization' || x.kind === 'person')) return { source: null, evidence: null };
  }
  // the previous sentence's last statement, ending at (or near) its end
  let last: Statement | null = null;
  for (const s of ix.cues.get(sentence - 1) ?? []) {
    if (s.cue.start >= prev.start && s.cue.end <= prev.end && s.speaker && (!last || s.end > last.end)) last = s;
  }
  if (!last) return { source: null, evidence: null };
  // a new paragraph is the writer's own voice again ("The war began when ...", a background paragraph)
  if (prev.paragraph !== cur.paragraph) return { source: null, evidence: null };
  // the report runs to the end of that sentence ("X said ...." or "...., X said."), but for a few words
  // after the speaker ("..., the agency said on Tuesday.", "..., a annoncé l'OIM (Organisation ...).")
  const reach = Math.max(last.end, last.cue.end, last.speaker!.end);
  if (reach < prev.end - 3 && wordsBetween(a, reach, prev.end) > 4 && !apposition(a, reach, prev.end, opts)) return { source: null, evidence: null };
  // and it gave figures: the next sentence goes on with a count report, not with a claim of
  // responsibility or a comment
  // (or it opened its sentence with the source, "According to X, the jets bombed the village": the sentence was all
  // that source's report, and the next goes on with it)
  const leadSource = last.verb === 'according to' && last.cue.start - prev.start <= 2;
  if (opts.earlier && !leadSource && !opts.earlier.some((q) => q.start >= last!.start && q.end <= last!.end)) return { source: null, evidence: null };
  const src = sourceOf(last);
  return { source: src, evidence: src ? { rule: 'claims.source:carried', span: { start: last.speaker!.start, end: last.speaker!.end }, note: 'previous sentence' } : null };
}
