// Detection step 4: names a cue made places elsewhere in the article are places wherever they occur
// ("the villages of Foua and Kefraya" ... "Foua and Kefraya").
import type { DetectState } from './detect-state.js';
import { wordInfo } from './words.js';

/** The keys cued mentions have, and the last words of those keys (a quick "cannot be cued"). */
class CuedKeys {
  readonly keys = new Set<string>();
  readonly lastWords = new Set<string>();

  constructor(private readonly s: DetectState) {
    for (const m of s.mentions) if (m.cue) this.keys.add(m.key);
    for (const key of this.keys) this.lastWords.add(key.slice(key.lastIndexOf(' ') + 1));
  }

  /** (a name can have a cued key only if its last word folds to a cued key's last word: most names are let
   * go without folding them whole) */
  private mayBeCued(a: number, b: number): boolean {
    const { words, text, gaz } = this.s;
    const tr = gaz.translit;
    if (b > a && !tr.separates(text, words[b - 1].end, words[b].start)) return true;
    const ends = this.lastKeyWords(b);
    if (ends === null) return true;
    for (const e of ends) if (this.lastWords.has(e)) return true;
    return false;
  }

  /** the translit's lastKeyWords of word b, kept with the word's other facts (word-bits.ts) */
  private lastKeyWords(b: number): string[] | null {
    const info = wordInfo(this.s, b);
    const text = this.s.words[b].text;
    const tr = this.s.gaz.translit;
    if (info.lastText !== text || info.lastTr !== tr) {
      info.lastKeys = tr.lastKeyWords(text);
      info.lastText = text;
      info.lastTr = tr;
    }
    return info.lastKeys;
  }

  /** the key of words a..b when a cue made a place of it elsewhere, else '' */
  keyOf(a: number, b: number): string {
    if (!this.mayBeCued(a, b)) return '';
    const { words, text, gaz } = this.s;
    const key = gaz.translit.key(text.slice(words[a].start, words[b].end));
    return this.keys.has(key) ? key : '';
  }
}

function addSameName(s: DetectState, wi: number, wj: number, key: string): void {
  const start = s.words[wi].start;
  const end = s.words[wj].end;
  const m = s.add(start, end, wi, wj, key, [], [{ rule: 'places.cue.same-name', span: { start, end } }]);
  m.cue = { rule: 'same-name', kind: '', span: { start, end } };
}

/** 4. names a cue made places elsewhere in the article are places wherever they occur ("Foua and Kefraya") */
export function addSameNames(s: DetectState): void {
  const cued = new CuedKeys(s);
  if (!cued.keys.size) return;
  for (let k = 0; k < s.runs.length; k++) {
    const segs = s.segments[k];
    if (segs.length > 1 && !segs.some((x) => x.mention?.cue)) {
      // the whole run is a name a cue made a place ("Daraa al-Balad" again, though "Daraa" alone is in the gazetteer)
      const r = s.runs[k];
      const key = cued.keyOf(r.a, r.b);
      if (key) {
        for (const x of segs) if (x.mention) s.dropped.add(x.mention);
        addSameName(s, r.a, r.b, key);
        continue;
      }
    }
    for (const seg of segs) {
      if (seg.mention) continue;
      const key = cued.keyOf(seg.wi, seg.wj);
      if (key) addSameName(s, seg.wi, seg.wj, key);
    }
  }
}
