// Finding place mentions: gazetteer matches over capitalised word n-grams (longest first) and cue
// patterns for places the gazetteer lacks ("the village of X", "X district", "X, north of Y", lists
// before a plural cue "X, Y and Z districts"). Resolution (which place it is) is in resolve.ts.
import type { Evidence, Token } from '../../core/types.js';
import type { GazEntry, Gazetteer, Posting } from '../../geo/gazetteer.js';
import { skeletonKey } from '../../geo/normalize.js';
import type { CueRule, PlacesLexicon } from './lexicon.js';

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  sentence: number;
  /** capitalised, or an article prefix glued to a capitalised word (al-Foua) */
  name: boolean;
  /** all capitals, four letters or fewer (US, ISIS, T4) */
  short: boolean;
  /** first word of its sentence */
  first: boolean;
}

export interface Mention {
  start: number;
  end: number;
  /** the name part (without an included cue word) */
  nameStart: number;
  nameEnd: number;
  /** index of the first and last word of the name */
  wi: number;
  wj: number;
  key: string;
  postings: Posting[];
  /** the postings come from the consonant skeleton only (other vowels): trusted in the article's country only */
  skeleton?: boolean;
  /** a cue says it is a place, of this kind */
  cue?: { rule: string; kind: string; span: { start: number; end: number } };
  /** admin1 wanted ("Idlib province", "province of Raqqa") */
  region?: boolean;
  /** city wanted ("Idleb city", "the city of X") */
  city?: boolean;
  qualifier?: string;
  qualifierSpan?: { start: number; end: number };
  precision: 1 | 2 | 3;
  /** a place named in a relation after it ("X, north of Y", "X in Y") */
  parentHint?: Mention;
  parentRelation?: string;
  sentence: number;
  evidence: Evidence[];
}

const LETTER_UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const DOTTED = /(?:\p{Lu}\.){2,4}/uy;
const NOT_LETTER = /[^\p{L}\d]/gu;

/** Words from tokens: hyphenated tokens split into their parts (US-led → US, led; al-Foua stays whole). */
export function toWords(text: string, tokens: readonly Token[], lex: PlacesLexicon): Word[] {
  const out: Word[] = [];
  let prevSentence = -1;
  let skipUntil = -1;
  const push = (t: string, start: number, sentence: number, lowerIn?: string) => {
    const lower = lowerIn ?? t.toLowerCase();
    const c0 = t.charCodeAt(0);
    let name = c0 >= 65 && c0 <= 90 ? true : c0 < 128 ? false : LETTER_UPPER.test(t);
    if (!name) {
      const h = t.indexOf('-');
      if (h > 0 && lex.articlePrefixes.has(lower.slice(0, h)) && LETTER_UPPER.test(t.slice(h + 1))) name = true;
    }
    const short = name && t.length <= 8 && !HAS_LOWER.test(t) && t.replace(NOT_LETTER, '').length <= 4;
    out.push({ text: t, lower, start, end: start + t.length, sentence, name, short, first: sentence !== prevSentence });
    prevSentence = sentence;
  };
  for (const tok of tokens) {
    if (tok.start < skipUntil) continue;
    const c0 = tok.text.charCodeAt(0);
    if (tok.kind === 'word' && c0 >= 65 && c0 <= 90) {
      DOTTED.lastIndex = tok.start;
      const m = DOTTED.exec(text);
      if (m && m.index === tok.start) {
        push(m[0], tok.start, tok.sentence);
        skipUntil = tok.start + m[0].length;
        continue;
      }
    }
    const t = tok.text;
    if (tok.kind !== 'word' || t.indexOf('-') < 0) {
      push(t, tok.start, tok.sentence, tok.lower);
      continue;
    }
    // hyphenated: split, gluing an article prefix to the part after it
    const parts = t.split('-');
    let at = tok.start;
    for (let k = 0; k < parts.length; k++) {
      let p = parts[k];
      const s = at;
      if (k + 1 < parts.length && lex.articlePrefixes.has(p.toLowerCase()) && parts[k + 1]) {
        p = p + '-' + parts[k + 1];
        k++;
      }
      if (p) push(p, s, tok.sentence);
      at = s + p.length + 1;
    }
  }
  return out;
}

export interface DetectContext {
  text: string;
  words: Word[];
  lowers: string[];
  gaz: Gazetteer;
  lex: PlacesLexicon;
}

const SEPARATORS = new Set([',', 'and', 'or', '&', ';']);

/** Is words[j] a connector inside a name (al, de...) followed by a name word? */
function isConnector(c: DetectContext, j: number): boolean {
  const w = c.words[j];
  return !!w && c.lex.connectors.has(w.lower) && !!c.words[j + 1] && c.words[j + 1].name && c.words[j + 1].sentence === w.sentence;
}

/** A name word that can be part of a place name: capitalised, not a demonym, not a cue word. */
function nameWord(c: DetectContext, j: number): boolean {
  const w = c.words[j];
  if (!w || !w.name) return false;
  if (c.lex.demonyms.has(w.lower)) {
    // "Syrian" alone is a demonym; "Turkmen Bari" is a name
    const n = c.words[j + 1];
    return !!n && n.name && n.sentence === w.sentence && !c.lex.demonyms.has(n.lower) && !c.lex.stopNames.has(n.lower);
  }
  return true;
}

/** The longest gazetteer match starting at word i: index of its last word, or -1. */
function isWellKnown(e: GazEntry, big: number): boolean {
  return e.featureCode.startsWith('PCL') || e.featureCode === 'ADM1' || e.featureCode === 'PPLC' || e.population >= big;
}

function gazetteerMatch(c: DetectContext, i: number): { j: number; key: string; postings: Posting[]; trim?: number } | null {
  const { words, text, gaz } = c;
  const first = words[i];
  let best: { j: number; key: string; postings: Posting[] } | null = null;
  for (let j = i; j < words.length && j - i < 8; j++) {
    const w = words[j];
    if (w.sentence !== first.sentence) break;
    if (j > i && !nameWord(c, j)) {
      if (isConnector(c, j)) continue;
      break;
    }
    if (j === i && !nameWord(c, j)) break;
    if (c.lex.articlePrefixes.has(w.lower)) continue; // "Al Bab": the article alone is no name
    const key = gaz.translit.key(text.slice(first.start, w.end));
    if (!key) break;
    const postings = gaz.lookupKey(key);
    if (postings.length) best = { j, key, postings };
    if (!gaz.hasPrefix(key + ' ')) break;
  }
  if (!best && first.text.length > 4 && first.lower.endsWith('s') && !first.short) {
    // "Syrias Aleppo": a possessive whose apostrophe was lost, for well-known places only
    const key = gaz.translit.key(first.text.slice(0, -1));
    const postings = gaz.lookupKey(key).filter((p) => !p.alt && isWellKnown(gaz.entry(p.idx), c.lex.bigPopulation));
    if (postings.length && !gaz.lookupKey(gaz.translit.key(first.text)).length) return { j: i, key, postings, trim: 1 };
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

/** Finds mentions in the words of a document. */
export function detectMentions(c: DetectContext): Mention[] {
  const { words, lowers, lex, text, gaz } = c;
  const mentions: Mention[] = [];
  // 1. runs of name words (with connectors inside), cut before cue words ("Alu Al-Azz | Farms")
  const runs: Run[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!nameWord(c, i) || (lex.cueWords.has(lowers[i]) && !lex.nameHeads.has(lowers[i])) || lex.functionWords.has(lowers[i])) continue;
    let b = i;
    while (b + 1 < words.length && words[b + 1].sentence === words[i].sentence) {
      if (nameWord(c, b + 1) && !lex.cuesAfter.matchAt(lowers, b + 1)) b++;
      else if (isConnector(c, b + 1) && !lex.cuesAfter.matchAt(lowers, b + 2)) b += 1;
      else break;
    }
    runs.push({ a: i, b });
    i = b;
  }
  const runAtWord = new Map<number, number>();
  runs.forEach((r, k) => runAtWord.set(r.a, k));

  // sentences in title case ("Army Shells Rebel Districts As Talks Stall In Capital"):
  // capitals say nothing there, so cue patterns do not make places of unknown names
  const titleSentences = new Set<number>();
  {
    // title case: hardly a lower-case content word of four letters or more
    let s = -1, low = 0, all = 0;
    const close = () => { if (s >= 0 && all - low >= 4 && low / all <= 0.15) titleSentences.add(s); };
    for (const w of words) {
      if (w.sentence !== s) { close(); s = w.sentence; low = 0; all = 0; }
      if (w.text.length < 4) continue;
      const ch = w.lower.charCodeAt(0);
      if (((ch >= 97 && ch <= 122) || ch > 191) && !lex.functionWords.has(w.lower)) { all++; if (!w.name) low++; }
    }
    close();
  }
  const add = (m: Omit<Mention, 'precision' | 'sentence' | 'evidence'> & { evidence?: Evidence[] }): Mention => {
    const full: Mention = { precision: 1, sentence: words[m.wi].sentence, evidence: m.evidence ?? [], ...m } as Mention;
    mentions.push(full);
    return full;
  };

  // 2. gazetteer matches inside runs, greedy longest first; the rest of a run is a gap
  const segments: { run: number; wi: number; wj: number; mention: Mention | null }[][] = runs.map(() => []);
  const fallbacks: { wi: number; j: number; key: string; postings: Posting[]; trim?: number }[] = [];
  const isGlued = (k: number) => {
    const h = lowers[k].indexOf('-');
    return h > 0 && lex.articlePrefixes.has(lowers[k].slice(0, h));
  };
  runs.forEach((r, k) => {
    let i = r.a;
    let gapStart = -1;
    const closeGap = (end: number) => {
      if (gapStart >= 0) segments[k].push({ run: k, wi: gapStart, wj: end, mention: null });
      gapStart = -1;
    };
    while (i <= r.b) {
      // "Daraa al-Balad": an article-glued word right after a name belongs to it, it is no place of its own
      const afterName = i > r.a && isGlued(i) && segments[k].length > 0 && segments[k][segments[k].length - 1].wj === i - 1 && !!segments[k][segments[k].length - 1].mention;
      let m = nameWord(c, i) && !afterName ? gazetteerMatch(c, i) : null;
      if (i < r.b && (!m || m.j === i) && lex.nameHeads.has(lowers[i]) && nameWord(c, i + 1)) {
        // a name head ("Bab", "Tal", "Kafr") and the word after it are one name, even when each alone is in the gazetteer
        // (the second word's own match is kept in reserve, for "Mount Sinjar" when no cue makes the pair a place)
        const m2 = gazetteerMatch(c, i + 1);
        if (m2 && m2.j <= r.b) fallbacks.push({ wi: i + 1, ...m2 });
        m = null;
        closeGap(i - 1);
        if (gapStart < 0) gapStart = i;
        // the head, the word after it and any article-glued words that follow ("Tuloul al-Hawa al-Sharqiya")
        let j = i + 1;
        while (j + 1 <= r.b && isGlued(j + 1)) j++;
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
        const end = words[m.j].end - (m.trim ?? 0);
        const mention = add({ start, end, nameStart: start, nameEnd: end, wi: i, wj: m.j, key: m.key, postings: m.postings, evidence: [{ rule: 'places.gazetteer', span: { start, end } }] });
        segments[k].push({ run: k, wi: i, wj: m.j, mention });
        i = m.j + 1;
      } else {
        if (gapStart < 0) gapStart = i;
        i++;
      }
    }
    closeGap(r.b);
  });

  // helpers to turn a gap into mentions
  const bare = (k: number) => {
    const h = lowers[k].indexOf('-');
    return h > 0 && lex.articlePrefixes.has(lowers[k].slice(0, h)) ? lowers[k].slice(h + 1) : lowers[k];
  };
  const glued = (k: number) => bare(k) !== lowers[k];
  /** An unknown run of names without commas, split into names ("Ziyadiyah Bahrutah" is two, "Tal al-Sheikh Hussein" one). */
  const splitGap = (wi: number, wj: number): [number, number][] => {
    let names = 0;
    for (let k = wi; k <= wj; k++) if (!lex.connectors.has(lowers[k])) names++;
    const out: [number, number][] = [];
    let ps = wi;
    for (let k = wi + 1; k <= wj; k++) {
      const attach = lex.connectors.has(lowers[k]) || lex.connectors.has(lowers[k - 1]) || glued(k) || lex.nameHeads.has(bare(k - 1));
      if (!attach && (names >= 3 || glued(k - 1))) {
        out.push([ps, k - 1]);
        ps = k;
      }
    }
    out.push([ps, wj]);
    return out;
  };
  /** No stop word, title, organisation word or demonym: could be a place name. */
  const plausible = (wi: number, wj: number): boolean => {
    if (wi === wj && words[wi].short) return false;
    for (let k = wi; k <= wj; k++) {
      const l = lowers[k];
      const b = bare(k);
      if (lex.stopNames.has(l) || lex.stopNames.has(b) || lex.personTitles.has(l) || lex.orgHeadsAfter.has(l) || lex.demonyms.has(l) || lex.functionWords.has(l)) return false;
    }
    return true;
  };
  const gapMention = (wi: number, wj: number, rule: string, kind: string, cueSpan: { start: number; end: number }, strict = false): Mention[] => {
    // trim leading/trailing connectors and stop words
    while (wi <= wj && (lex.connectors.has(lowers[wi]) || lex.stopNames.has(lowers[wi]) || lex.personTitles.has(lowers[wi]) || lex.functionWords.has(lowers[wi]))) wi++;
    while (wj >= wi && lex.connectors.has(lowers[wj])) wj--;
    if (wi > wj) return [];
    if (titleSentences.has(words[wi].sentence)) return [];
    if (strict && !plausible(wi, wj)) return [];
    const out: Mention[] = [];
    for (const [a, b] of splitGap(wi, wj)) {
      const start = words[a].start;
      const end = words[b].end;
      const key = gaz.translit.key(text.slice(start, end));
      if (!key) continue;
      // a last resort for other vowels: the consonant skeleton (kept only where the article's country agrees)
      const sk = skeletonKey(key);
      const postings = sk ? gaz.lookupKey(sk) : [];
      out.push(add({ start, end, nameStart: start, nameEnd: end, wi: a, wj: b, key, postings: postings.length <= 8 ? postings : [], skeleton: postings.length > 0, cue: { rule, kind, span: cueSpan }, evidence: [{ rule: `places.cue.${rule}`, span: { start: Math.min(start, cueSpan.start), end: Math.max(end, cueSpan.end) } }] }));
    }
    return out;
  };
  const dropped = new Set<Mention>();
  const applyCue = (segs: { wi: number; wj: number; mention: Mention | null }[], which: 'first' | 'last', rule: CueRule, cueSpan: { start: number; end: number }, after: boolean, cueEndWord: number, strict = false): Mention | null => {
    let seg = segs[which === 'first' ? 0 : segs.length - 1];
    const span = segs[segs.length - 1].wj - segs[0].wi + 1;
    if (segs.length > 1 && span <= 2) {
      // a name the gazetteer knows only part of ("Tir | Mualla"): the whole run is the unknown place
      for (const x of segs) if (x.mention) dropped.add(x.mention);
      const whole = { wi: segs[0].wi, wj: segs[segs.length - 1].wj, mention: null as Mention | null };
      segs.splice(0, segs.length, whole);
      seg = whole;
    }
    if (segs.length > 1) {
      // a list without commas ("the area of Zyarah Bahloul Marj Akram"): every unknown name in it
      for (const x of segs) {
        if (x === seg || x.mention) continue;
        const ms = gapMention(x.wi, x.wj, rule.id, rule.kind, cueSpan, true);
        x.mention = ms[0] ?? null;
      }
    }
    let m = seg.mention;
    if (!m) {
      const ms = gapMention(seg.wi, seg.wj, rule.id, rule.kind, cueSpan, strict);
      m = seg.mention = (which === 'first' ? ms[0] : ms[ms.length - 1]) ?? null;
    }
    else if (!m.cue) {
      m.cue = { rule: rule.id, kind: rule.kind, span: cueSpan };
      m.evidence.push({ rule: `places.cue.${rule.id}`, span: cueSpan });
    }
    if (!m) return null;
    if (rule.kind === 'admin1') m.region = true;
    if (rule.kind === 'city') m.city = true;
    if (after && rule.include && !(rule.plural && rule.id !== 'farms')) {
      m.end = words[cueEndWord].end;
    }
    return m;
  };

  // 3. cues after a run ("X district", "X, Y and Z villages") and before it ("the village of X")
  const extEnd = runs.map((r) => r.b);
  for (let k = 0; k < runs.length; k++) {
    const ca = lex.cuesAfter.matchAt(lowers, runs[k].b + 1);
    if (ca) extEnd[k] = runs[k].b + ca.len;
  }
  // the runs that go on a list after run k ("X, Y and Z"): visit the segments of each, in order,
  // until one is not joined by a separator or visit returns false
  const continueList = (k: number, visit: (ns: (typeof segments)[number]) => boolean) => {
    let q = runs[k].b + 1;
    let kk = k + 1;
    while (q < words.length && SEPARATORS.has(lowers[q])) {
      while (q < words.length && SEPARATORS.has(lowers[q])) q++;
      if (kk >= runs.length || runs[kk].a !== q) break;
      if (!visit(segments[kk])) break;
      q = runs[kk].b + 1;
      kk++;
    }
  };
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k];
    const segs = segments[k];
    if (!segs.length) continue;
    const after = lex.cuesAfter.matchAt(lowers, r.b + 1);
    if (after && words[r.b + 1].sentence === words[r.b].sentence) {
      const cueSpan = { start: words[r.b + 1].start, end: words[r.b + after.len].end };
      applyCue(segs, 'last', after.value, cueSpan, true, r.b + after.len);
      extEnd[k] = r.b + after.len;
      if (after.value.plural && !after.value.include) {
        // walk back over "X, Y and" to earlier runs in the list
        let p = r.a - 1;
        let kk = k - 1;
        while (p >= 0 && (SEPARATORS.has(lowers[p]) || (lowers[p] === 'the'))) {
          while (p >= 0 && (SEPARATORS.has(lowers[p]) || lowers[p] === 'the')) p--;
          if (kk < 0 || extEnd[kk] !== p) break;
          const ps = segments[kk];
          if (ps.length) applyCue(ps, 'last', after.value, cueSpan, false, r.b + after.len, true);
          p = runs[kk].a - 1;
          kk--;
        }
      }
    }
    let p = r.a - 1;
    if (p >= 0 && lowers[p] === 'the') p--;
    const before = p >= 0 ? lex.cuesBefore.matchEndingAt(lowers, p) : null;
    if (before && words[p].sentence === words[r.a].sentence) {
      const cueSpan = { start: words[p - before.len + 1].start, end: words[p].end };
      applyCue(segs, 'first', before.value, cueSpan, false, p);
      // the list goes on: "the villages of X and Y", "the area of X Y and Z"
      continueList(k, (ns) => {
        if (ns.length) applyCue(ns, 'first', before.value, cueSpan, false, p, true);
        return true;
      });
    }
    // "in Ansari": a name the gazetteer knows only abroad, after a locative preposition, is a place here
    if (segs.length === 1 && segs[0].mention && !segs[0].mention.cue && r.a > 0 && lex.unknownPlacePrepositions.has(lowers[r.a - 1]) && words[r.a - 1].sentence === words[r.a].sentence && plausible(r.a, r.b) && !titleSentences.has(words[r.a].sentence)) {
      const m = segs[0].mention;
      const span = { start: words[r.a - 1].start, end: words[r.a - 1].end };
      m.cue = { rule: 'after-preposition', kind: '', span };
      m.evidence.push({ rule: 'places.cue.after-preposition', span });
    }
    // "in Kanasba", "near Skeik and Atshan": an unknown name after a locative preposition
    if (segs.some((x) => !x.mention) && r.a > 0 && lex.unknownPlacePrepositions.has(lowers[r.a - 1]) && words[r.a - 1].sentence === words[r.a].sentence) {
      let found = 0;
      for (const seg of segs) {
        if (seg.mention) continue;
        const ms = gapMention(seg.wi, seg.wj, 'after-preposition', '', { start: words[r.a - 1].start, end: words[r.a - 1].end }, true);
        if (ms.length) {
          seg.mention = ms[0];
          found++;
        }
      }
      if (found) {
        continueList(k, (ns) => {
          if (ns.length && !ns[0].mention) {
            const more = gapMention(ns[0].wi, ns[0].wj, 'after-preposition', '', { start: words[r.a - 1].start, end: words[r.a - 1].end }, true);
            if (!more.length) return false;
            ns[0].mention = more[0];
          }
          return true;
        });
      }
    }
    // "X, north of Y" / "X north of Y": an unknown X before a directional relation to a gazetteer place
    const lastSeg = segs[segs.length - 1];
    if (!lastSeg.mention) {
      let q = r.b + 1;
      if (lowers[q] === ',') q++;
      const rel = q < words.length ? lex.proximity.matchAt(lowers, q) : null;
      if (rel && / of$| from$/.test(rel.value) && words[q].sentence === words[r.b].sentence) {
        let y = q + rel.len;
        if (lowers[y] === 'the') y++;
        const yr = runAtWord.get(y);
        if (yr !== undefined && segments[yr].length && segments[yr][0].mention) {
          gapMention(lastSeg.wi, lastSeg.wj, 'relative-to', 'area', { start: words[q].start, end: words[q + rel.len - 1].end });
        }
      }
    }
  }

  // reserve matches after a name head, where no cue made a place of the pair
  if (fallbacks.length) {
    const used = new Set<number>();
    for (const m of mentions) if (!dropped.has(m)) for (let w = m.wi; w <= m.wj; w++) used.add(w);
    for (const f of fallbacks) {
      if (used.has(f.wi) || used.has(f.wi - 1)) continue;
      const start = words[f.wi].start;
      const end = words[f.j].end - (f.trim ?? 0);
      add({ start, end, nameStart: start, nameEnd: end, wi: f.wi, wj: f.j, key: f.key, postings: f.postings, evidence: [{ rule: 'places.gazetteer', span: { start, end } }] });
    }
  }

  // 4. names a cue made places elsewhere in the article are places wherever they occur ("Foua and Kefraya")
  const cued = new Set(mentions.filter((m) => m.cue).map((m) => m.key));
  if (cued.size) {
    for (let k = 0; k < runs.length; k++) {
      const segs = segments[k];
      if (segs.length > 1 && !segs.some((x) => x.mention?.cue)) {
        // the whole run is a name a cue made a place ("Daraa al-Balad" again, though "Daraa" alone is in the gazetteer)
        const r = runs[k];
        const start = words[r.a].start;
        const end = words[r.b].end;
        const key = gaz.translit.key(text.slice(start, end));
        if (cued.has(key)) {
          for (const x of segs) if (x.mention) dropped.add(x.mention);
          add({ start, end, nameStart: start, nameEnd: end, wi: r.a, wj: r.b, key, postings: [], cue: { rule: 'same-name', kind: '', span: { start, end } }, evidence: [{ rule: 'places.cue.same-name', span: { start, end } }] });
          continue;
        }
      }
      for (const seg of segs) {
        if (seg.mention) continue;
        const start = words[seg.wi].start;
        const end = words[seg.wj].end;
        const key = gaz.translit.key(text.slice(start, end));
        if (cued.has(key)) add({ start, end, nameStart: start, nameEnd: end, wi: seg.wi, wj: seg.wj, key, postings: [], cue: { rule: 'same-name', kind: '', span: { start, end } }, evidence: [{ rule: 'places.cue.same-name', span: { start, end } }] });
      }
    }
  }
  // 5. one mention per span: overlapping mentions merge into the longest (its cue and evidence kept)
  const live = mentions.filter((m) => !dropped.has(m)).sort((x, y) => x.start - y.start || y.end - x.end);
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
