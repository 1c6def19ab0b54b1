// Detection step 3: cue patterns around a run of names make places of names the gazetteer lacks, or say
// what kind of place a known name is: after it ("X district", "X, Y and Z villages"), before it ("the
// village of X", a list going on "and Y"), a locative preposition ("in Kanasba") and a directional
// relation to a known place ("X, north of Y").
import type { Span } from '../../core/types.js';
import type { DetectState, Run, Segment } from './detect-state.js';
import { gapMention, plausible } from './gaps.js';
import type { CueRule } from './lexicon.js';
import { WB } from './word-bits.js';
import { wbits, type Mention } from './words.js';

/** the marks joining the places of a list, besides the language's conjunctions (lex.listConjunctions) */
const LIST_MARKS = new Set([',', '&', ';']);

/** Does word p join the places of a list (",", "and", "or")? */
const separates = (s: DetectState, p: number) => LIST_MARKS.has(s.lowers[p]) || s.lex.listConjunctions.has(s.lowers[p]);

/** "Tir | Mualla": a name the gazetteer knows only part of; the whole run is the unknown place. */
function wholeRun(s: DetectState, segs: Segment[]): Segment {
  for (const x of segs) if (x.mention) s.dropped.add(x.mention);
  const whole: Segment = { wi: segs[0].wi, wj: segs[segs.length - 1].wj, mention: null };
  segs.splice(0, segs.length, whole);
  return whole;
}

/** The cue's mark on a mention the gazetteer found. */
function markCued(m: Mention, rule: CueRule, cueSpan: Span): void {
  if (m.cue) return;
  m.cue = { rule: rule.id, kind: rule.kind, span: cueSpan };
  m.evidence.push({ rule: `places.cue.${rule.id}`, span: cueSpan });
}

function applyCue(s: DetectState, segs: Segment[], which: 'first' | 'last', rule: CueRule, cueSpan: Span, after: boolean, cueEndWord: number, strict = false): Mention | null {
  let seg = segs[which === 'first' ? 0 : segs.length - 1];
  const span = segs[segs.length - 1].wj - segs[0].wi + 1;
  // (not after a possessive that lost its apostrophe: "Syrias Aleppo" is two places)
  const possessive = !!segs[0].mention && segs[0].mention.end < s.words[segs[0].wj].end;
  if (segs.length > 1 && span <= 2 && !possessive) seg = wholeRun(s, segs);
  if (segs.length > 1 && !(after && rule.include && !rule.plural)) {
    // a list without commas ("the area of Zyarah Bahloul Marj Akram"): every unknown name in it
    for (const x of segs) {
      if (x === seg || x.mention) continue;
      const ms = gapMention(s, x.wi, x.wj, rule.id, rule.kind, cueSpan, true);
      x.mention = ms[0] ?? null;
    }
  }
  let m = seg.mention;
  if (!m) {
    const ms = gapMention(s, seg.wi, seg.wj, rule.id, rule.kind, cueSpan, strict);
    m = seg.mention = (which === 'first' ? ms[0] : ms[ms.length - 1]) ?? null;
  } else markCued(m, rule, cueSpan);
  if (!m) return null;
  if (rule.kind === 'admin1') m.region = true;
  if (rule.kind === 'city') m.city = true;
  if (after && rule.include && !(rule.plural && rule.id !== 'farms')) m.end = s.words[cueEndWord].end;
  return m;
}

/** the runs that go on a list after run k ("X, Y and Z"): visit the segments of each, in order,
 * until one is not joined by a separator or visit returns false */
function continueList(s: DetectState, k: number, visit: (ns: Segment[]) => boolean): void {
  const { words, runs } = s;
  let q = runs[k].b + 1;
  let kk = k + 1;
  // ("les villages d'Ogossagou et de Djoura": a genitive preposition repeated after the conjunction)
  const sep = (p: number) => separates(s, p) || (p > 0 && s.lex.genitivePrepositions.has(s.lowers[p]) && s.lex.listConjunctions.has(s.lowers[p - 1]));
  while (q < words.length && sep(q)) {
    while (q < words.length && sep(q)) q++;
    if (kk >= runs.length || runs[kk].a !== q) break;
    // ("the district of Sikka, Muhari said": a name after a comma before a speech verb is the speaker, not the list
    // going on; "in Hardatain and Ratain said the Observatory" names its speaker after the verb)
    const after = runs[kk].b + 1;
    const verb = after < words.length && words[after].sentence === words[q].sentence ? s.lex.speakerVerbs.matchAt(s.lowers, after) : null;
    if (verb && s.lowers[q - 1] === ',' && !s.lex.definiteArticles.has(s.lowers[after + verb.len] ?? '')) break;
    if (!visit(s.segments[kk])) break;
    q = runs[kk].b + 1;
    kk++;
  }
}

/** 3. cues after run k ("X district", "X, Y and Z villages") and before it ("the village of X") */
export function applyCues(s: DetectState, k: number): void {
  const r = s.runs[k];
  const segs = s.segments[k];
  cueAfter(s, k, r, segs);
  cueBefore(s, k, r, segs);
  afterPreposition(s, k, r, segs);
  relativeTo(s, r, segs);
}

/** Does a run read as a place start at word y (past a definite article: "north of the capital")? */
function placeAt(s: DetectState, y: number): boolean {
  if (s.lex.definiteArticles.has(s.lowers[y])) y++;
  const yr = s.runAtWord.get(y);
  return yr !== undefined && s.segments[yr].length > 0 && !!s.segments[yr][0].mention;
}

/** 4. "Foua and Kafraya in Idlib province": an unknown name listed after a known place and before a locative
 * relation of containment ("in", "in the province of") to a known place is a place (after every cue) */
export function listedBeforeParent(s: DetectState, k: number): void {
  const { words, lowers, lex } = s;
  const r = s.runs[k];
  const segs = s.segments[k];
  if (k === 0 || segs.length !== 1 || segs[0].mention) return;
  let p = r.a - 1;
  if (p < 0 || !separates(s, p)) return;
  while (p >= 0 && separates(s, p)) p--;
  const before = s.segments[k - 1];
  if (s.runs[k - 1].b !== p || !before.length || !before[before.length - 1].mention) return;
  let q = r.b + 1;
  if (lowers[q] === ',') q++;
  const rel = q < words.length && words[q].sentence === words[r.b].sentence && wbits(s, q) & WB.locativePreposition ? lex.relations.matchAt(lowers, q) : null;
  if (!rel || !lex.containingRelations.has(rel.value)) return;
  if (!placeAt(s, q + rel.len)) return;
  const ms = gapMention(s, segs[0].wi, segs[0].wj, 'listed-in', '', { start: words[q].start, end: words[q + rel.len - 1].end }, true);
  if (ms.length) segs[0].mention = ms[0];
}

/** "X, Y and": a plural cue after run k reaches back to the runs of the list before it */
function cueBackOverList(s: DetectState, k: number, rule: CueRule, cueSpan: Span, cueEndWord: number): void {
  const { lowers, lex } = s;
  const joins = (p: number) => separates(s, p) || lex.definiteArticles.has(lowers[p]);
  let p = s.runs[k].a - 1;
  let kk = k - 1;
  while (p >= 0 && joins(p)) {
    while (p >= 0 && joins(p)) p--;
    if (kk < 0 || s.extEnd[kk] !== p) break;
    const ps = s.segments[kk];
    if (ps.length) applyCue(s, ps, 'last', rule, cueSpan, false, cueEndWord, true);
    p = s.runs[kk].a - 1;
    kk--;
  }
}

function cueAfter(s: DetectState, k: number, r: Run, segs: Segment[]): void {
  const { words, lowers } = s;
  const after = s.cueAfterAt(r.b + 1);
  if (!after || words[r.b + 1].sentence !== words[r.b].sentence) return;
  // a building word after a long run of capitalised words is a headline's ("Coalition Jets Hit Village School")
  if ((after.value.id === 'building' || after.value.id === 'institution') && r.b - r.a >= 3) return;
  // a university or school is where something happened only after a locative ("at X University"), else an organisation
  if (after.value.id === 'institution' && !s.locativeBefore(r.a)) return;
  // "the Black Sea city of Odesa": a natural feature before a kind noun is where the place lies, not the place
  if (s.lex.featureTails.has(lowers[r.b])) return;
  const cueSpan = { start: words[r.b + 1].start, end: words[r.b + after.len].end };
  applyCue(s, segs, 'last', after.value, cueSpan, true, r.b + after.len);
  s.extEnd[k] = r.b + after.len;
  // walk back over "X, Y and" to earlier runs in the list
  if (after.value.plural && !after.value.include) cueBackOverList(s, k, after.value, cueSpan, r.b + after.len);
}

function cueBefore(s: DetectState, k: number, r: Run, segs: Segment[]): void {
  const { words, lowers } = s;
  let p = r.a - 1;
  if (p >= 0 && s.lex.definiteArticles.has(lowers[p])) p--;
  const before = p >= 0 ? s.lex.cuesBefore.matchEndingAt(lowers, p) : null;
  if (!before || words[p].sentence !== words[r.a].sentence) return;
  if (before.value.id === 'facility-of' && !s.locativeBefore(p - before.len + 1)) return;
  const cueSpan = { start: words[p - before.len + 1].start, end: words[p].end };
  applyCue(s, segs, 'first', before.value, cueSpan, false, p);
  // the list goes on: "the villages of X and Y", "the area of X Y and Z"
  continueList(s, k, (ns) => {
    if (ns.length) applyCue(s, ns, 'first', before.value, cueSpan, false, p, true);
    return true;
  });
}

/** "in Ansari": a name the gazetteer knows only abroad, after a locative preposition, is a place here */
function knownAfterPreposition(s: DetectState, r: Run, segs: Segment[], prepSpan: Span): void {
  if (segs.length !== 1 || !segs[0].mention || segs[0].mention.cue || !plausible(s, r.a, r.b) || s.isTitle(s.words[r.a].sentence)) return;
  const m = segs[0].mention;
  const span = { start: prepSpan.start, end: prepSpan.end };
  m.cue = { rule: 'after-preposition', kind: '', span };
  m.evidence.push({ rule: 'places.cue.after-preposition', span });
}

function afterPreposition(s: DetectState, k: number, r: Run, segs: Segment[]): void {
  const { words } = s;
  if (r.a <= 0 || words[r.a - 1].sentence !== words[r.a].sentence) return;
  // (or a phrase of proximity ending there: "east of Kidal", "près de Kidal")
  const prox = wbits(s, r.a - 1) & WB.unknownPlacePreposition ? null : s.lex.proximity.matchEndingAt(s.lowers, r.a - 1);
  if (!prox && !(wbits(s, r.a - 1) & WB.unknownPlacePreposition)) return;
  const prepSpan = { start: words[r.a - (prox?.len ?? 1)].start, end: words[r.a - 1].end };
  knownAfterPreposition(s, r, segs, prepSpan);
  // (after a phrase of proximity only a name the gazetteer knows: "north of Daeshs" names no place)
  if (prox) return;
  // "in Kanasba", "near Skeik and Atshan": an unknown name after a locative preposition; and the list goes on
  // after a known one ("in Foua and Kafraya")
  let found = 0;
  for (const seg of segs) {
    if (seg.mention) continue;
    const ms = gapMention(s, seg.wi, seg.wj, 'after-preposition', '', { start: prepSpan.start, end: prepSpan.end }, true);
    if (ms.length) {
      seg.mention = ms[0];
      found++;
    }
  }
  // (after a known name, only a list joined by a conjunction: "in Pakistan, Mohammed Waseem" is no list)
  const knownFirst = !found;
  if (knownFirst && !(segs.length === 1 && segs[0].mention)) return;
  continueList(s, k, (ns) => {
    if (knownFirst && (!joinedByConjunction(s, ns[0]?.wi ?? -1) || (ns[0] && !ns[0].mention && allCapitals(s, ns[0])))) return false;
    if (ns.length && !ns[0].mention) {
      const more = gapMention(s, ns[0].wi, ns[0].wj, 'after-preposition', '', { start: prepSpan.start, end: prepSpan.end }, true);
      if (!more.length) return false;
      ns[0].mention = more[0];
    }
    return true;
  });
}

/** Is the segment one word in capitals ("UNSCR 2254": an acronym, no place)? */
function allCapitals(s: DetectState, seg: Segment): boolean {
  const t = s.words[seg.wi].text;
  return seg.wi === seg.wj && t.length > 1 && t === t.toUpperCase();
}

/** Is a list conjunction among the separators before word i ("X and Y", "X, Y and")? */
function joinedByConjunction(s: DetectState, i: number): boolean {
  for (let p = i - 1; p >= 0 && separates(s, p); p--) if (s.lex.listConjunctions.has(s.lowers[p])) return true;
  return false;
}

/** Does the proximity phrase measure from the place after it: two words or more, the last a reference
 * preposition ("north of", "10 km from"; not "near", "close to")? */
function measuresFrom(s: DetectState, phrase: string): boolean {
  const sp = phrase.lastIndexOf(' ');
  return sp > 0 && s.lex.referencePrepositions.has(phrase.slice(sp + 1));
}

/** "X, north of Y" / "X north of Y": an unknown X before a directional relation to a gazetteer place */
function relativeTo(s: DetectState, r: Run, segs: Segment[]): void {
  const { words, lowers } = s;
  const lastSeg = segs[segs.length - 1];
  if (lastSeg.mention) return;
  let q = r.b + 1;
  if (lowers[q] === ',') q++;
  const rel = q < words.length ? s.lex.proximity.matchAt(lowers, q) : null;
  if (!rel || !measuresFrom(s, rel.value) || words[q].sentence !== words[r.b].sentence) return;
  if (placeAt(s, q + rel.len)) {
    gapMention(s, lastSeg.wi, lastSeg.wj, 'relative-to', 'area', { start: words[q].start, end: words[q + rel.len - 1].end });
  }
}
