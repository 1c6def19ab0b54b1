// Finding place mentions: gazetteer matches over capitalised word n-grams (longest first) and cue
// patterns for places the gazetteer lacks ("the village of X", "X district", "X, north of Y", lists
// before a plural cue "X, Y and Z districts"). The steps: runs of names and the gazetteer's matches in
// them (runs.ts, gazetteer-match.ts), cues (cues.ts) that make places of the gaps (gaps.ts), names a
// cue made places elsewhere (same-name.ts), over per-document state (detect-state.ts). The words and the
// Mention shape are in words.ts; resolution (which place it is) is in resolve.ts.
import { applyCues, listedBeforeParent } from './cues.js';
import { DetectState } from './detect-state.js';
import { findRuns, matchRun } from './runs.js';
import { addSameNames } from './same-name.js';
import { WB } from './word-bits.js';
import { wbits, type DetectContext, type Mention } from './words.js';

export { Mention, toWords, isTitleSentence, type DetectContext, type MentionCue, type Word, type Words } from './words.js';

/** Finds mentions in the words of a document. */
export function detectMentions(c: DetectContext): Mention[] {
  const s = new DetectState(c);
  findRuns(s);
  s.segments = s.runs.map(() => []);
  for (let k = 0; k < s.runs.length; k++) matchRun(s, k);
  s.extEnd = s.runs.map((r) => r.b);
  for (let k = 0; k < s.runs.length; k++) {
    const at = s.runs[k].b + 1;
    const ca = s.cueAfterAt(at);
    if (ca) s.extEnd[k] = s.runs[k].b + ca.len;
  }
  for (let k = 0; k < s.runs.length; k++) if (s.segments[k].length) applyCues(s, k);
  for (let k = 1; k < s.runs.length; k++) listedBeforeParent(s, k);
  if (s.fallbacks.length) addFallbacks(s);
  addSameNames(s);
  return merged(s);
}

/** reserve matches after a name head, where no cue made a place of the pair */
function addFallbacks(s: DetectState): void {
  const { words } = s;
  const used = new Set<number>();
  for (const m of s.mentions) if (!s.dropped.has(m)) for (let w = m.wi; w <= m.wj; w++) used.add(w);
  for (const f of s.fallbacks) {
    if (used.has(f.wi) || used.has(f.wi - 1)) continue;
    const start = words[f.wi].start;
    const end = words[f.j].end - f.trim;
    s.add(start, end, f.wi, f.j, f.key, f.postings, [{ rule: 'places.gazetteer', span: { start, end } }]);
  }
}

/** Mention m merged into the longer mention it overlaps (its cue and evidence kept). */
function mergeInto(last: Mention, m: Mention): void {
  if (!last.cue && m.cue) last.cue = m.cue;
  if (!last.postings.length && m.postings.length && m.nameStart === last.nameStart && m.nameEnd === last.nameEnd) last.postings = m.postings;
  for (const e of m.evidence) if (!last.evidence.some((x) => x.rule === e.rule)) last.evidence.push(e);
  last.region ||= m.region;
  last.city ||= m.city;
}

/** 5. one mention per span: overlapping mentions merge into the longest (its cue and evidence kept) */
function merged(s: DetectState): Mention[] {
  const live: Mention[] = [];
  for (const m of s.mentions) if (!s.dropped.has(m)) live.push(m);
  live.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Mention[] = [];
  for (const m of live) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) mergeInto(last, m);
    else out.push(m);
  }
  return out;
}
