// Detection steps 1 and 2: runs of name words (connectors inside), and in each run the gazetteer's
// matches, greedy longest first; the rest of a run is gaps, names the gazetteer does not know.
import { isConnector, nameWord, type DetectState, type Segment } from './detect-state.js';
import { gazetteerMatch, isWellKnown } from './gazetteer-match.js';
import { WB } from './word-bits.js';
import { wbits } from './words.js';

/** 1. runs of name words (with connectors inside), cut before cue words ("Alu Al-Azz | Farms") */
export function findRuns(s: DetectState): void {
  const { c, words, lowers, lex, runs } = s;
  let next = 0;
  const names = c.names;
  // (a cue after a name can start only at a word with its bit)
  const cueAt = (k: number) => !!s.cueAfterAt(k);
  for (let n = 0; n < names.length; n++) {
    const i = names[n];
    if (i < next) continue;
    if (!nameWord(c, i)) continue;
    // a cue word opens a run only as the first word of a longer name the gazetteer knows ("General Santos City"),
    // or capitalised inside a sentence as a well-known place's name after a preposition of place or before a
    // region's cue ("in Plateau", "Plateau state")
    if ((wbits(s, i) & (WB.cueWord | WB.nameHead)) === WB.cueWord && !cueWordName(s, i)) continue;
    if (wbits(s, i) & WB.functionWord && !compassName(s, i)) continue;
    let b = i;
    for (;;) {
      while (b + 1 < words.length && words[b + 1].sentence === words[i].sentence) {
        if (nameWord(c, b + 1) && !cueAt(b + 1)) b++;
        else if (isConnector(c, b + 1) && !cueAt(b + 2)) b += 1;
        else break;
      }
      // a name the gazetteer knows across a bridge word ("Gulf of Aden", "Bosnia and Herzegovina"): one run
      if (b + 2 < words.length && lex.nameBridges.has(lowers[b + 1]) && words[b + 1].sentence === words[i].sentence) {
        const m = gazetteerMatch(c, i);
        if (m && m.j > b + 1) {
          b = m.j;
          continue;
        }
      }
      break;
    }
    s.runAtWord.set(i, runs.length);
    runs.push({ a: i, b });
    next = b + 1;
  }
}

function cueWordName(s: DetectState, i: number): boolean {
  const { c, words, lowers, lex } = s;
  const m = gazetteerMatch(c, i);
  if (!m) return false;
  if (m.j > i) return true;
  // (after a preposition of place or before a region's cue word: "in Plateau", "Plateau state"; not "the Metro station")
  const placed = (i > 0 && words[i - 1].sentence === words[i].sentence && wbits(s, i - 1) & WB.locativePreposition) || (i + 1 < words.length && lex.regionCues.has(lowers[i + 1]));
  return !words[i].first && !!placed && m.postings.some((p) => !p.alt && isWellKnown(c.gaz.entry(p.idx), lex.bigPopulation));
}

/** "South Sudan", "North Carolina": a capitalised compass word opening the name of a well-known place */
function compassName(s: DetectState, i: number): boolean {
  const { c, lex } = s;
  if (!(wbits(s, i) & WB.direction)) return false;
  const m = gazetteerMatch(c, i);
  return !!m && m.j > i && m.postings.some((p) => !p.alt && isWellKnown(c.gaz.entry(p.idx), lex.bigPopulation));
}

/** The segments of a run so far, and the gap of unknown names being read. */
class RunReader {
  gapStart = -1;
  constructor(readonly segs: Segment[]) {}
  closeGap(end: number): void {
    if (this.gapStart >= 0) this.segs.push({ wi: this.gapStart, wj: end, mention: null });
    this.gapStart = -1;
  }
  openGap(i: number): void {
    if (this.gapStart < 0) this.gapStart = i;
  }
}

/** "Tal Abyad", "Kafr Nabl": a name head and the word after it (and any article-glued words after them,
 * "Tuloul al-Hawa al-Sharqiya") are one name, even when each alone is in the gazetteer; the second word's
 * own match is kept in reserve, for "Mount Sinjar" when no cue makes the pair a place. The word after. */
function headedName(s: DetectState, k: number, i: number, rr: RunReader): number {
  const { c, lowers, lex } = s;
  const r = s.runs[k];
  const m2 = gazetteerMatch(c, i + 1);
  if (m2 && m2.j <= r.b) s.fallbacks.push({ wi: i + 1, j: m2.j, key: m2.key, postings: m2.postings, trim: m2.trim });
  rr.closeGap(i - 1);
  rr.openGap(i);
  // ("Dayr Az Zawr": a capitalised article after the head takes the next word too)
  let j = i + 1;
  if (j + 1 <= r.b && wbits(s, j) & WB.connector && lex.articlePrefixes.has(lowers[j])) j++;
  // ("Tal al-Sheikh Hussein": a second word that is a name head itself takes the word after it)
  while (j + 1 <= r.b && (s.isGlued(j + 1) || (j > i && s.isGlued(j) && lex.nameHeads.has(s.bare(j)) && nameWord(c, j + 1) && !s.isGlued(j + 1) && !(wbits(s, j + 1) & WB.nameHead)))) j++;
  rr.closeGap(j);
  return j + 1;
}

/** 2. gazetteer matches inside run k, greedy longest first; the rest of the run is gaps */
export function matchRun(s: DetectState, k: number): void {
  const { c, words } = s;
  const r = s.runs[k];
  const segs = s.segments[k];
  const rr = new RunReader(segs);
  let i = r.a;
  while (i <= r.b) {
    // "Daraa al-Balad": an article-glued word right after a name belongs to it, it is no place of its own
    const afterName = i > r.a && s.isGlued(i) && segs.length > 0 && segs[segs.length - 1].wj === i - 1 && !!segs[segs.length - 1].mention;
    const m = nameWord(c, i) && !afterName ? gazetteerMatch(c, i) : null;
    if (i < r.b && (!m || m.j === i) && wbits(s, i) & WB.nameHead && nameWord(c, i + 1)) {
      i = headedName(s, k, i, rr);
      continue;
    }
    if (m && m.j > r.b && words[m.j].sentence === words[r.b].sentence) {
      // a gazetteer name that goes on over a cue word ("Golan Heights", "Ghab Plain"): the run goes on with it
      r.b = m.j;
    }
    if (m && m.j <= r.b) {
      rr.closeGap(i - 1);
      const start = words[i].start;
      const end = words[m.j].end - m.trim;
      const mention = s.add(start, end, i, m.j, m.key, m.postings, [{ rule: 'places.gazetteer', span: { start, end } }]);
      segs.push({ wi: i, wj: m.j, mention });
      i = m.j + 1;
    } else {
      rr.openGap(i);
      i++;
    }
  }
  rr.closeGap(r.b);
}
