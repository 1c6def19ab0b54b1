// Finding place mentions: gazetteer matches over capitalised word n-grams (longest first) and cue
// patterns for places the gazetteer lacks ("the village of X", "X district", "X, north of Y", lists
// before a plural cue "X, Y and Z districts"). The words and the Mention shape are in words.ts;
// resolution (which place it is) is in resolve.ts.
import type { Evidence, Span } from '../../core/types.js';
import { isAdmin1, isCountry, type GazEntry, type Gazetteer, type Posting } from '../../geo/gazetteer.js';
import { skeletonKey } from '../../geo/normalize.js';
import type { CueRule, PlacesLexicon } from './lexicon.js';
import { LETTER_UPPER, Mention, isTitleSentence, type DetectContext, type Word } from './words.js';

export { Mention, toWords, isTitleSentence, type DetectContext, type MentionCue, type Word, type Words } from './words.js';

const SEPARATORS = new Set([',', 'and', 'or', '&', ';']);

/** Is words[j] a connector inside a name (al, de...) followed by a name word? */
function isConnector(c: DetectContext, j: number): boolean {
  const w = c.words[j];
  return !!w && c.lex.connectors.has(w.lower) && !!c.words[j + 1] && !!c.words[j + 1].name && c.words[j + 1].sentence === w.sentence;
}

/** A name word that can be part of a place name: capitalised, not a demonym, not a cue word. */
function nameWord(c: DetectContext, j: number): boolean {
  const w = c.words[j];
  if (!w || !w.name) return false;
  if (c.lex.demonyms.has(w.lower)) {
    // "Syrian" alone is a demonym; "Turkmen Bari" is a name
    const n = c.words[j + 1];
    return !!n && !!n.name && n.sentence === w.sentence && !c.lex.demonyms.has(n.lower) && !c.lex.stopNames.has(n.lower);
  }
  return true;
}

/** A country, a first-level region, a capital or a big city. */
function isWellKnown(e: GazEntry, big: number): boolean {
  return isCountry(e) || isAdmin1(e) || e.featureCode === 'PPLC' || e.population >= big;
}

interface Match {
  j: number;
  key: string;
  postings: Posting[];
  /** characters to cut from the end ("Syrias" → "Syria") */
  trim: number;
}

/** "Syrias Aleppo": a possessive whose apostrophe was lost, for well-known places only (remembered per word). */
const POSSESSIVES = new WeakMap<Gazetteer, Map<string, { key: string; postings: Posting[] } | null>>();
function possessive(c: DetectContext, word: string): { key: string; postings: Posting[] } | null {
  const gaz = c.gaz;
  let memo = POSSESSIVES.get(gaz);
  if (!memo) POSSESSIVES.set(gaz, (memo = new Map()));
  let out = memo.get(word);
  if (out !== undefined) return out;
  const key = gaz.translit.key(word.slice(0, -1));
  const postings = gaz.lookupKey(key).filter((p) => !p.alt && isWellKnown(gaz.entry(p.idx), c.lex.bigPopulation));
  out = postings.length && !gaz.lookupKey(gaz.translit.key(word)).length ? { key, postings } : null;
  if (memo.size > 100000) memo.clear();
  memo.set(word, out);
  return out;
}

/** The key of words i..j, folded word by word when only spaces or hyphens stand between them (each word's
 * work is then remembered across names), else as the whole text. */
function foldWords(c: DetectContext, i: number, j: number): string {
  const { words, text } = c;
  const tr = c.gaz.translit;
  const texts: string[] = [words[i].text];
  for (let k = i + 1; k <= j; k++) {
    if (!tr.separates(text, words[k - 1].end, words[k].start)) return tr.key(text.slice(words[i].start, words[j].end));
    texts.push(words[k].text);
  }
  return tr.keyOfWords(texts);
}

/** The longest gazetteer match starting at word i, or null. */
function gazetteerMatch(c: DetectContext, i: number): Match | null {
  const { words, text, gaz } = c;
  const first = words[i];
  let best: Match | null = null;
  for (let j = i; j < words.length && j - i < 8; j++) {
    const w = words[j];
    if (w.sentence !== first.sentence) break;
    if (j > i && !nameWord(c, j)) {
      if (isConnector(c, j)) continue;
      break;
    }
    if (j === i && !nameWord(c, j)) break;
    if (c.lex.articlePrefixes.has(w.lower)) continue; // "Al Bab": the article alone is no name
    const name = j === i ? first.text : text.slice(first.start, w.end);
    const found = gaz.knownName(name) ?? gaz.addName(name, foldWords(c, i, j));
    const key = found.key;
    if (!key) break;
    if (found.postings.length) best = { j, key, postings: found.postings, trim: 0 };
    if (!found.longer) break;
  }
  if (!best && first.text.length > 4 && first.lower.endsWith('s') && !first.short) {
    const p = possessive(c, first.text);
    if (p) return { j: i, key: p.key, postings: p.postings, trim: 1 };
  }
  if (!best) return null;
  if (best.j === i) {
    // a single word: not a stop word, not a short all-capital token unless a known acronym
    if (c.lex.stopNames.has(first.lower)) return null;
    if (first.short && !c.lex.acronyms.has(first.text)) return null;
  }
  return best;
}

interface Run {
  a: number;
  b: number;
}

/** A part of a run: a gazetteer match (mention) or a gap of names the gazetteer does not know (mention null). */
interface Segment {
  wi: number;
  wj: number;
  mention: Mention | null;
}

interface Fallback {
  wi: number;
  j: number;
  key: string;
  postings: Posting[];
  trim: number;
}

/** Finds mentions in the words of a document. */
export function detectMentions(c: DetectContext): Mention[] {
  return new Detector(c).run();
}

/**
 * The detector's steps, as small methods over shared per-document state (small functions are compiled
 * and optimised early by V8; one long function with closures stayed unoptimised for most of a batch).
 */
class Detector {
  private readonly words: Word[];
  private readonly lowers: string[];
  private readonly lex: PlacesLexicon;
  private readonly text: string;
  private readonly gaz: Gazetteer;
  private readonly mentions: Mention[] = [];
  private readonly runs: Run[] = [];
  private readonly runAtWord = new Map<number, number>();
  /** sentences known to be in title case or not */
  private readonly titles = new Map<number, boolean>();
  private segments: Segment[][] = [];
  private readonly fallbacks: Fallback[] = [];
  private readonly dropped = new Set<Mention>();
  private extEnd: number[] = [];

  constructor(private readonly c: DetectContext) {
    this.words = c.words;
    this.lowers = c.lowers;
    this.lex = c.lex;
    this.text = c.text;
    this.gaz = c.gaz;
  }

  run(): Mention[] {
    this.findRuns();
    this.segments = this.runs.map(() => []);
    for (let k = 0; k < this.runs.length; k++) this.matchRun(k);
    this.extEnd = this.runs.map((r) => r.b);
    for (let k = 0; k < this.runs.length; k++) {
      const ca = this.lex.cuesAfter.matchAt(this.lowers, this.runs[k].b + 1);
      if (ca) this.extEnd[k] = this.runs[k].b + ca.len;
    }
    for (let k = 0; k < this.runs.length; k++) if (this.segments[k].length) this.applyCues(k);
    if (this.fallbacks.length) this.addFallbacks();
    this.addSameNames();
    return this.merged();
  }

  /** 1. runs of name words (with connectors inside), cut before cue words ("Alu Al-Azz | Farms") */
  private findRuns(): void {
    const { c, words, lowers, lex, runs } = this;
    let next = 0;
    const names = c.names;
    for (let n = 0; n < names.length; n++) {
      const i = names[n];
      if (i < next) continue;
      if (!nameWord(c, i) || (lex.cueWords.has(lowers[i]) && !lex.nameHeads.has(lowers[i]))) continue;
      if (lex.functionWords.has(lowers[i]) && !this.compassName(i)) continue;
      let b = i;
      while (b + 1 < words.length && words[b + 1].sentence === words[i].sentence) {
        if (nameWord(c, b + 1) && !lex.cuesAfter.matchAt(lowers, b + 1)) b++;
        else if (isConnector(c, b + 1) && !lex.cuesAfter.matchAt(lowers, b + 2)) b += 1;
        else break;
      }
      this.runAtWord.set(i, runs.length);
      runs.push({ a: i, b });
      next = b + 1;
    }
  }

  /** "South Sudan", "North Carolina": a capitalised compass word opening the name of a well-known place */
  private compassName(i: number): boolean {
    const { c, lex } = this;
    if (!lex.directions.has(this.lowers[i])) return false;
    const m = gazetteerMatch(c, i);
    return !!m && m.j > i && m.postings.some((p) => !p.alt && isWellKnown(c.gaz.entry(p.idx), lex.bigPopulation));
  }

  private isTitle(sentence: number): boolean {
    let t = this.titles.get(sentence);
    if (t === undefined) this.titles.set(sentence, (t = isTitleSentence(this.c, this.lex, sentence)));
    return t;
  }

  private add(start: number, end: number, wi: number, wj: number, key: string, postings: Posting[], evidence: Evidence[]): Mention {
    const m = new Mention(start, end, wi, wj, key, postings, this.words[wi].sentence, evidence);
    this.mentions.push(m);
    return m;
  }

  /** a locative preposition before word k, over "the" and up to two capitalised words ("at the Medical University") */
  private locativeBefore(k: number): boolean {
    const { words, lowers } = this;
    let j = k - 1;
    for (let n = 0; j >= 0 && n < 2 && words[j].name && words[j].sentence === words[k].sentence; n++) j--;
    if (j >= 0 && lowers[j] === 'the') j--;
    return j >= 0 && words[j].sentence === words[k].sentence && this.lex.locativePrepositions.has(lowers[j]);
  }

  /** an article prefix glued to the word ("al-Balad") */
  private isGlued(k: number): boolean {
    const l = this.lowers[k];
    const h = l.indexOf('-');
    return h > 0 && this.lex.articlePrefixes.has(l.slice(0, h));
  }

  /** the word without a glued article prefix */
  private bare(k: number): string {
    const l = this.lowers[k];
    const h = l.indexOf('-');
    return h > 0 && this.lex.articlePrefixes.has(l.slice(0, h)) ? l.slice(h + 1) : l;
  }

  /** 2. gazetteer matches inside run k, greedy longest first; the rest of the run is gaps */
  private matchRun(k: number): void {
    const { c, words, lowers, lex } = this;
    const r = this.runs[k];
    const segs = this.segments[k];
    let i = r.a;
    let gapStart = -1;
    const closeGap = (end: number) => {
      if (gapStart >= 0) segs.push({ wi: gapStart, wj: end, mention: null });
      gapStart = -1;
    };
    while (i <= r.b) {
      // "Daraa al-Balad": an article-glued word right after a name belongs to it, it is no place of its own
      const afterName = i > r.a && this.isGlued(i) && segs.length > 0 && segs[segs.length - 1].wj === i - 1 && !!segs[segs.length - 1].mention;
      let m = nameWord(c, i) && !afterName ? gazetteerMatch(c, i) : null;
      if (i < r.b && (!m || m.j === i) && lex.nameHeads.has(lowers[i]) && nameWord(c, i + 1)) {
        // a name head ("Bab", "Tal", "Kafr") and the word after it are one name, even when each alone is in the gazetteer
        // (the second word's own match is kept in reserve, for "Mount Sinjar" when no cue makes the pair a place)
        const m2 = gazetteerMatch(c, i + 1);
        if (m2 && m2.j <= r.b) this.fallbacks.push({ wi: i + 1, j: m2.j, key: m2.key, postings: m2.postings, trim: m2.trim });
        m = null;
        closeGap(i - 1);
        if (gapStart < 0) gapStart = i;
        // the head, the word after it and any article-glued words that follow ("Tuloul al-Hawa al-Sharqiya")
        // ("Dayr Az Zawr": a capitalised article after the head takes the next word too)
        let j = i + 1;
        if (j + 1 <= r.b && lex.connectors.has(lowers[j]) && lex.articlePrefixes.has(lowers[j])) j++;
        while (j + 1 <= r.b && this.isGlued(j + 1)) j++;
        i = j + 1;
        closeGap(j);
        continue;
      }
      if (m && m.j > r.b && words[m.j].sentence === words[r.b].sentence) {
        // a gazetteer name that goes on over a cue word ("Golan Heights", "Ghab Plain"): the run goes on with it
        r.b = m.j;
      }
      if (m && m.j <= r.b) {
        closeGap(i - 1);
        const start = words[i].start;
        const end = words[m.j].end - m.trim;
        const mention = this.add(start, end, i, m.j, m.key, m.postings, [{ rule: 'places.gazetteer', span: { start, end } }]);
        segs.push({ wi: i, wj: m.j, mention });
        i = m.j + 1;
      } else {
        if (gapStart < 0) gapStart = i;
        i++;
      }
    }
    closeGap(r.b);
  }

  /** An unknown run of names without commas, split into names ("Ziyadiyah Bahrutah" is two, "Tal al-Sheikh Hussein" one). */
  private splitGap(wi: number, wj: number): [number, number][] {
    const { lowers, lex } = this;
    let names = 0;
    for (let k = wi; k <= wj; k++) if (!lex.connectors.has(lowers[k])) names++;
    const out: [number, number][] = [];
    let ps = wi;
    for (let k = wi + 1; k <= wj; k++) {
      const attach = lex.connectors.has(lowers[k]) || lex.connectors.has(lowers[k - 1]) || this.isGlued(k) || lex.nameHeads.has(this.bare(k - 1));
      if (!attach && (names >= 3 || this.isGlued(k - 1))) {
        out.push([ps, k - 1]);
        ps = k;
      }
    }
    out.push([ps, wj]);
    return out;
  }

  /** No stop word, title, organisation word or demonym: could be a place name. */
  private plausible(wi: number, wj: number): boolean {
    const { words, lowers, lex } = this;
    if (wi === wj && words[wi].short) return false;
    for (let k = wi; k <= wj; k++) {
      const l = lowers[k];
      const b = this.bare(k);
      if (lex.stopNames.has(l) || lex.stopNames.has(b) || lex.personTitles.has(l) || lex.orgHeadsAfter.has(l) || lex.demonyms.has(l) || lex.functionWords.has(l)) return false;
    }
    return true;
  }

  /** A gap made into mentions by a cue (trimmed, split into names). */
  private gapMention(wi: number, wj: number, rule: string, kind: string, cueSpan: Span, strict = false): Mention[] {
    const { words, lowers, lex, text, gaz } = this;
    // trim leading/trailing connectors and stop words (not before a capitalised cue word that is part of the
    // name: "the Green Zone")
    const proper = kind !== '' && cueSpan.start >= words[wj].end && LETTER_UPPER.test(text.slice(cueSpan.start, cueSpan.start + 1));
    while (wi <= wj && (lex.connectors.has(lowers[wi]) || (lex.stopNames.has(lowers[wi]) && !proper) || lex.personTitles.has(lowers[wi]) || lex.functionWords.has(lowers[wi]))) wi++;
    while (wj >= wi && lex.connectors.has(lowers[wj])) wj--;
    if (wi > wj) return [];
    if (this.isTitle(words[wi].sentence)) return [];
    if (strict && !this.plausible(wi, wj)) return [];
    // "a CBS station": an acronym before a building word names its owner
    if (wi === wj && words[wi].short && rule === 'building') return [];
    const out: Mention[] = [];
    for (const [a, b] of this.splitGap(wi, wj)) {
      const start = words[a].start;
      const end = words[b].end;
      const key = gaz.translit.key(text.slice(start, end));
      if (!key) continue;
      // a last resort for other vowels: the consonant skeleton (kept only where the article's country agrees)
      const sk = skeletonKey(key);
      const postings = sk ? gaz.lookupKey(sk) : [];
      const m = this.add(start, end, a, b, key, postings.length <= 8 ? postings : [], [{ rule: `places.cue.${rule}`, span: { start: Math.min(start, cueSpan.start), end: Math.max(end, cueSpan.end) } }]);
      m.skeleton = postings.length > 0;
      m.cue = { rule, kind, span: cueSpan };
      out.push(m);
    }
    return out;
  }

  private applyCue(segs: Segment[], which: 'first' | 'last', rule: CueRule, cueSpan: Span, after: boolean, cueEndWord: number, strict = false): Mention | null {
    let seg = segs[which === 'first' ? 0 : segs.length - 1];
    const span = segs[segs.length - 1].wj - segs[0].wi + 1;
    // (not after a possessive that lost its apostrophe: "Syrias Aleppo" is two places)
    const possessive = !!segs[0].mention && segs[0].mention.end < this.words[segs[0].wj].end;
    if (segs.length > 1 && span <= 2 && !possessive) {
      // a name the gazetteer knows only part of ("Tir | Mualla"): the whole run is the unknown place
      for (const x of segs) if (x.mention) this.dropped.add(x.mention);
      const whole: Segment = { wi: segs[0].wi, wj: segs[segs.length - 1].wj, mention: null };
      segs.splice(0, segs.length, whole);
      seg = whole;
    }
    if (segs.length > 1 && !(after && rule.include && !rule.plural)) {
      // a list without commas ("the area of Zyarah Bahloul Marj Akram"): every unknown name in it
      for (const x of segs) {
        if (x === seg || x.mention) continue;
        const ms = this.gapMention(x.wi, x.wj, rule.id, rule.kind, cueSpan, true);
        x.mention = ms[0] ?? null;
      }
    }
    let m = seg.mention;
    if (!m) {
      const ms = this.gapMention(seg.wi, seg.wj, rule.id, rule.kind, cueSpan, strict);
      m = seg.mention = (which === 'first' ? ms[0] : ms[ms.length - 1]) ?? null;
    } else if (!m.cue) {
      m.cue = { rule: rule.id, kind: rule.kind, span: cueSpan };
      m.evidence.push({ rule: `places.cue.${rule.id}`, span: cueSpan });
    }
    if (!m) return null;
    if (rule.kind === 'admin1') m.region = true;
    if (rule.kind === 'city') m.city = true;
    if (after && rule.include && !(rule.plural && rule.id !== 'farms')) {
      m.end = this.words[cueEndWord].end;
    }
    return m;
  }

  /** the runs that go on a list after run k ("X, Y and Z"): visit the segments of each, in order,
   * until one is not joined by a separator or visit returns false */
  private continueList(k: number, visit: (ns: Segment[]) => boolean): void {
    const { words, lowers, runs } = this;
    let q = runs[k].b + 1;
    let kk = k + 1;
    while (q < words.length && SEPARATORS.has(lowers[q])) {
      while (q < words.length && SEPARATORS.has(lowers[q])) q++;
      if (kk >= runs.length || runs[kk].a !== q) break;
      if (!visit(this.segments[kk])) break;
      q = runs[kk].b + 1;
      kk++;
    }
  }

  /** 3. cues after run k ("X district", "X, Y and Z villages") and before it ("the village of X") */
  private applyCues(k: number): void {
    const r = this.runs[k];
    const segs = this.segments[k];
    this.cueAfter(k, r, segs);
    this.cueBefore(k, r, segs);
    this.afterPreposition(k, r, segs);
    this.relativeTo(r, segs);
  }

  private cueAfter(k: number, r: Run, segs: Segment[]): void {
    const { words, lowers } = this;
    const after = this.lex.cuesAfter.matchAt(lowers, r.b + 1);
    if (!after || words[r.b + 1].sentence !== words[r.b].sentence) return;
    // a building word after a long run of capitalised words is a headline's ("Coalition Jets Hit Village School")
    if ((after.value.id === 'building' || after.value.id === 'institution') && r.b - r.a >= 3) return;
    // a university or school is where something happened only after a locative ("at X University"), else an organisation
    if (after.value.id === 'institution' && !this.locativeBefore(r.a)) return;
    const cueSpan = { start: words[r.b + 1].start, end: words[r.b + after.len].end };
    this.applyCue(segs, 'last', after.value, cueSpan, true, r.b + after.len);
    this.extEnd[k] = r.b + after.len;
    if (after.value.plural && !after.value.include) {
      // walk back over "X, Y and" to earlier runs in the list
      let p = r.a - 1;
      let kk = k - 1;
      while (p >= 0 && (SEPARATORS.has(lowers[p]) || lowers[p] === 'the')) {
        while (p >= 0 && (SEPARATORS.has(lowers[p]) || lowers[p] === 'the')) p--;
        if (kk < 0 || this.extEnd[kk] !== p) break;
        const ps = this.segments[kk];
        if (ps.length) this.applyCue(ps, 'last', after.value, cueSpan, false, r.b + after.len, true);
        p = this.runs[kk].a - 1;
        kk--;
      }
    }
  }

  private cueBefore(k: number, r: Run, segs: Segment[]): void {
    const { words, lowers } = this;
    let p = r.a - 1;
    if (p >= 0 && lowers[p] === 'the') p--;
    const before = p >= 0 ? this.lex.cuesBefore.matchEndingAt(lowers, p) : null;
    if (!before || words[p].sentence !== words[r.a].sentence) return;
    if (before.value.id === 'facility-of' && !this.locativeBefore(p - before.len + 1)) return;
    const cueSpan = { start: words[p - before.len + 1].start, end: words[p].end };
    this.applyCue(segs, 'first', before.value, cueSpan, false, p);
    // the list goes on: "the villages of X and Y", "the area of X Y and Z"
    this.continueList(k, (ns) => {
      if (ns.length) this.applyCue(ns, 'first', before.value, cueSpan, false, p, true);
      return true;
    });
  }

  private afterPreposition(k: number, r: Run, segs: Segment[]): void {
    const { words, lowers, lex } = this;
    if (r.a <= 0 || !lex.unknownPlacePrepositions.has(lowers[r.a - 1]) || words[r.a - 1].sentence !== words[r.a].sentence) return;
    const prepSpan = { start: words[r.a - 1].start, end: words[r.a - 1].end };
    // "in Ansari": a name the gazetteer knows only abroad, after a locative preposition, is a place here
    if (segs.length === 1 && segs[0].mention && !segs[0].mention.cue && this.plausible(r.a, r.b) && !this.isTitle(words[r.a].sentence)) {
      const m = segs[0].mention;
      const span = { start: prepSpan.start, end: prepSpan.end };
      m.cue = { rule: 'after-preposition', kind: '', span };
      m.evidence.push({ rule: 'places.cue.after-preposition', span });
    }
    // "in Kanasba", "near Skeik and Atshan": an unknown name after a locative preposition
    if (!segs.some((x) => !x.mention)) return;
    let found = 0;
    for (const seg of segs) {
      if (seg.mention) continue;
      const ms = this.gapMention(seg.wi, seg.wj, 'after-preposition', '', { start: prepSpan.start, end: prepSpan.end }, true);
      if (ms.length) {
        seg.mention = ms[0];
        found++;
      }
    }
    if (!found) return;
    this.continueList(k, (ns) => {
      if (ns.length && !ns[0].mention) {
        const more = this.gapMention(ns[0].wi, ns[0].wj, 'after-preposition', '', { start: prepSpan.start, end: prepSpan.end }, true);
        if (!more.length) return false;
        ns[0].mention = more[0];
      }
      return true;
    });
  }

  /** "X, north of Y" / "X north of Y": an unknown X before a directional relation to a gazetteer place */
  private relativeTo(r: Run, segs: Segment[]): void {
    const { words, lowers } = this;
    const lastSeg = segs[segs.length - 1];
    if (lastSeg.mention) return;
    let q = r.b + 1;
    if (lowers[q] === ',') q++;
    const rel = q < words.length ? this.lex.proximity.matchAt(lowers, q) : null;
    if (!rel || !/ of$| from$/.test(rel.value) || words[q].sentence !== words[r.b].sentence) return;
    let y = q + rel.len;
    if (lowers[y] === 'the') y++;
    const yr = this.runAtWord.get(y);
    if (yr !== undefined && this.segments[yr].length && this.segments[yr][0].mention) {
      this.gapMention(lastSeg.wi, lastSeg.wj, 'relative-to', 'area', { start: words[q].start, end: words[q + rel.len - 1].end });
    }
  }

  /** reserve matches after a name head, where no cue made a place of the pair */
  private addFallbacks(): void {
    const { words } = this;
    const used = new Set<number>();
    for (const m of this.mentions) if (!this.dropped.has(m)) for (let w = m.wi; w <= m.wj; w++) used.add(w);
    for (const f of this.fallbacks) {
      if (used.has(f.wi) || used.has(f.wi - 1)) continue;
      const start = words[f.wi].start;
      const end = words[f.j].end - f.trim;
      this.add(start, end, f.wi, f.j, f.key, f.postings, [{ rule: 'places.gazetteer', span: { start, end } }]);
    }
  }

  private addSameName(wi: number, wj: number, key: string): void {
    const start = this.words[wi].start;
    const end = this.words[wj].end;
    const m = this.add(start, end, wi, wj, key, [], [{ rule: 'places.cue.same-name', span: { start, end } }]);
    m.cue = { rule: 'same-name', kind: '', span: { start, end } };
  }

  /** 4. names a cue made places elsewhere in the article are places wherever they occur ("Foua and Kefraya") */
  private addSameNames(): void {
    const { words, text, gaz } = this;
    const cued = new Set<string>();
    for (const m of this.mentions) if (m.cue) cued.add(m.key);
    if (!cued.size) return;
    // (a name can have a cued key only if its last word folds to a cued key's last word: most names are let go
    // without folding them whole)
    const tr = gaz.translit;
    const lastWords = new Set<string>();
    for (const key of cued) lastWords.add(key.slice(key.lastIndexOf(' ') + 1));
    const mayBeCued = (a: number, b: number): boolean => {
      if (b > a && !tr.separates(text, words[b - 1].end, words[b].start)) return true;
      const ends = tr.lastKeyWords(words[b].text);
      if (ends === null) return true;
      for (const e of ends) if (lastWords.has(e)) return true;
      return false;
    };
    /** the key of words a..b when a cue made a place of it elsewhere, else '' */
    const cuedKey = (a: number, b: number): string => {
      if (!mayBeCued(a, b)) return '';
      const key = tr.key(text.slice(words[a].start, words[b].end));
      return cued.has(key) ? key : '';
    };
    for (let k = 0; k < this.runs.length; k++) {
      const segs = this.segments[k];
      if (segs.length > 1 && !segs.some((x) => x.mention?.cue)) {
        // the whole run is a name a cue made a place ("Daraa al-Balad" again, though "Daraa" alone is in the gazetteer)
        const r = this.runs[k];
        const key = cuedKey(r.a, r.b);
        if (key) {
          for (const x of segs) if (x.mention) this.dropped.add(x.mention);
          this.addSameName(r.a, r.b, key);
          continue;
        }
      }
      for (const seg of segs) {
        if (seg.mention) continue;
        const key = cuedKey(seg.wi, seg.wj);
        if (key) this.addSameName(seg.wi, seg.wj, key);
      }
    }
  }

  /** 5. one mention per span: overlapping mentions merge into the longest (its cue and evidence kept) */
  private merged(): Mention[] {
    const live: Mention[] = [];
    for (const m of this.mentions) if (!this.dropped.has(m)) live.push(m);
    live.sort((x, y) => x.start - y.start || y.end - x.end);
    const out: Mention[] = [];
    for (const m of live) {
      const last = out[out.length - 1];
      if (last && m.start < last.end) {
        if (!last.cue && m.cue) last.cue = m.cue;
        if (!last.postings.length && m.postings.length && m.nameStart === last.nameStart && m.nameEnd === last.nameEnd) last.postings = m.postings;
        for (const e of m.evidence) if (!last.evidence.some((x) => x.rule === e.rule)) last.evidence.push(e);
        last.region ||= m.region;
        last.city ||= m.city;
        continue;
      }
      out.push(m);
    }
    return out;
  }
}
