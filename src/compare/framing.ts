// The framing board: per outlet, the labels used for each actor ("militants", "rebels",
// "terrorists" for the armed opposition; "regime", "government" for the state) and the loaded terms
// ("liberated", "martyred", "so-called"), counted, with examples that point into the texts.
import type { CompareDoc } from './figures.js';
import { sentenceAround } from './figures.js';

export interface FramingExample {
  docId: string;
  start: number;
  end: number;
  text: string;
  sentence: string;
}

export interface OutletFraming {
  outlet: string;
  documents: number;
  /** target (e.g. "armed-opposition") → label (lower-case) → count */
  labels: Record<string, Record<string, number>>;
  /** lexicon category → term (lower-case) → count */
  terms: Record<string, Record<string, number>>;
  /** per target, the neutral alternative the lexicon suggests for each label */
  neutral: Record<string, string>;
  examples: Record<string, FramingExample[]>;
}

const MAX_EXAMPLES = 3;

export function framingByOutlet(docs: CompareDoc[], copies: Set<string> = new Set()): OutletFraming[] {
  const byOutlet = new Map<string, OutletFraming>();
  for (const doc of docs) {
    if (copies.has(doc.id)) continue; // a syndicated copy repeats the wire's words, not the outlet's
    const outlet = doc.outlet ?? '(unknown outlet)';
    let o = byOutlet.get(outlet);
    if (!o) {
      o = { outlet, documents: 0, labels: {}, terms: {}, neutral: {}, examples: {} };
      byOutlet.set(outlet, o);
    }
    o.documents++;
    for (const f of doc.framing) {
      const label = f.text.toLowerCase().replace(/\s+/g, ' ');
      const bump = (table: Record<string, Record<string, number>>, key: string) => {
        table[key] ??= {};
        table[key][label] = (table[key][label] ?? 0) + 1;
      };
      if (f.target) bump(o.labels, f.target);
      bump(o.terms, f.category);
      if (f.neutral) o.neutral[label] = f.neutral;
      const ex = (o.examples[label] ??= []);
      if (ex.length < MAX_EXAMPLES) ex.push({ docId: doc.id, start: f.start, end: f.end, text: f.text, sentence: sentenceAround(doc.text, f.start, f.end) });
    }
  }
  return [...byOutlet.values()].sort((a, b) => b.documents - a.documents || a.outlet.localeCompare(b.outlet));
}
