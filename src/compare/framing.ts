// The framing board: per outlet, the words used for each side (state forces, non-state armed groups,
// foreign forces, civilians) and for what happened, filed by what they name (data/en/framing-board.json),
// counted per 100 documents. Forms of one term are merged ("terrorist", "terrorists", "terrorist
// groups" → terrorists). Words inside a quotation are the speaker's, not the outlet's: counted apart.
// Neutral names ("government", "army") are counted but never loaded.
import { readFileSync } from 'node:fs';
import { english } from '../lang/index.js';
import type { CompareDoc } from './figures.js';
import { sentenceAround } from './sentence.js';

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
  /** board target (e.g. "non-state-armed-groups") → term id → uses in the outlet's own words */
  labels: Record<string, Record<string, number>>;
  /** the same, per 100 documents of the outlet */
  per100: Record<string, Record<string, number>>;
  /** term id → uses inside quotations (the speakers' words, not the outlet's) */
  quoted: Record<string, number>;
  /** lexicon category → term id → count (outlet's own words) */
  terms: Record<string, Record<string, number>>;
  /** term id → the neutral alternative the lexicon suggests */
  neutral: Record<string, string>;
  examples: Record<string, FramingExample[]>;
}

export interface FramingMeta {
  /** board target id → its name */
  targets: Record<string, string>;
  /** term ids that name a side without judging it */
  neutralTerms: string[];
}

interface BoardData extends FramingMeta {
  fromTarget: Record<string, string>;
  byTerm: Record<string, string>;
  byNeighbour: Set<string>;
}

let board: BoardData | null = null;
function loadBoard(): BoardData {
  if (board) return board;
  const raw = JSON.parse(readFileSync(english.data('framing-board.json'), 'utf8')) as { targets: Record<string, string>; fromTarget: Record<string, string>; byTerm: Record<string, string>; byNeighbour: string[]; neutral: string[] };
  board = { targets: raw.targets, fromTarget: raw.fromTarget, byTerm: raw.byTerm, byNeighbour: new Set(raw.byNeighbour), neutralTerms: raw.neutral };
  return board;
}

export function framingMeta(): FramingMeta {
  const b = loadBoard();
  return { targets: b.targets, neutralTerms: b.neutralTerms };
}

const MAX_EXAMPLES = 3;
/** A term this close before or after another names what the other names ("Saudi-backed government forces"). */
const NEIGHBOUR_CHARS = 3;

type Term = CompareDoc['framing'][number];

/** The term's id: its rule ("framing.terrorists"), which merges its forms; else its words. */
export function termId(f: Term): string {
  const rule = f.evidence?.find((e) => e.rule.startsWith('framing.'))?.rule;
  return rule ? rule.slice('framing.'.length) : f.text.toLowerCase().replace(/\s+/g, ' ');
}

/** Spans inside quotation marks or direct quotes: the words of whoever is quoted. */
export function quotedSpans(doc: CompareDoc): [number, number][] {
  const spans: [number, number][] = doc.statements.filter((s) => s.direct).map((s) => [s.start, s.end]);
  const re = /"([^"\n]{1,600})"|“([^”\n]{1,600})”|«([^»\n]{1,600})»/g;
  for (const m of doc.text.matchAll(re)) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}

function boardTarget(f: Term, all: Term[], i: number, b: BoardData): string | null {
  const id = termId(f);
  if (b.byTerm[id]) return b.byTerm[id];
  if (b.byNeighbour.has(id)) {
    for (const o of [all[i + 1], all[i - 1]]) {
      if (!o || b.byNeighbour.has(termId(o))) continue;
      const gap = o.start >= f.end ? o.start - f.end : f.start - o.end;
      if (gap >= 0 && gap <= NEIGHBOUR_CHARS) return boardTarget(o, all, all.indexOf(o), b);
    }
  }
  return f.target ? (b.fromTarget[f.target] ?? f.target) : null;
}

export function framingByOutlet(docs: CompareDoc[], copies: Set<string> = new Set()): OutletFraming[] {
  const b = loadBoard();
  const byOutlet = new Map<string, OutletFraming>();
  for (const doc of docs) {
    if (copies.has(doc.id)) continue; // a syndicated copy repeats the wire's words, not the outlet's
    const outlet = doc.outlet ?? '(unknown outlet)';
    let o = byOutlet.get(outlet);
    if (!o) {
      o = { outlet, documents: 0, labels: {}, per100: {}, quoted: {}, terms: {}, neutral: {}, examples: {} };
      byOutlet.set(outlet, o);
    }
    o.documents++;
    const quotes = quotedSpans(doc);
    const terms = [...doc.framing].sort((x, y) => x.start - y.start);
    terms.forEach((f, i) => {
      const id = termId(f);
      if (quotes.some(([s, e]) => s <= f.start && f.end <= e)) {
        o.quoted[id] = (o.quoted[id] ?? 0) + 1;
        return;
      }
      const target = boardTarget(f, terms, i, b);
      const bump = (table: Record<string, Record<string, number>>, key: string) => {
        table[key] ??= {};
        table[key][id] = (table[key][id] ?? 0) + 1;
      };
      if (target) bump(o.labels, target);
      bump(o.terms, f.category);
      if (f.neutral) o.neutral[id] = f.neutral;
      const ex = (o.examples[id] ??= []);
      if (ex.length < MAX_EXAMPLES) ex.push({ docId: doc.id, start: f.start, end: f.end, text: f.text, sentence: sentenceAround(doc.text, f.start, f.end) });
    });
  }
  for (const o of byOutlet.values()) {
    for (const [t, counts] of Object.entries(o.labels)) {
      o.per100[t] = Object.fromEntries(Object.entries(counts).map(([id, n]) => [id, Math.round((n / o.documents) * 1000) / 10]));
    }
  }
  return [...byOutlet.values()].sort((a, b) => b.documents - a.documents || a.outlet.localeCompare(b.outlet));
}
