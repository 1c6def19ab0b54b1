// Compare many documents: syndicated copies, the figure board and the framing board.
import type { Analysis } from '../core/types.js';
import { toRecord } from '../output/record.js';
import { groupFigures, loadGroupLexicon, type CompareDoc, type FigureGroup, type GroupLexicon } from './figures.js';
import { framingByOutlet, type OutletFraming } from './framing.js';
import { nearDuplicates, type DuplicateCluster } from './near-duplicates.js';

export interface Comparison {
  documents: number;
  duplicates: DuplicateCluster[];
  figures: FigureGroup[];
  framing: OutletFraming[];
}

export function toCompareDoc(a: Analysis): CompareDoc {
  return { ...toRecord(a), text: a.document.text };
}

export function compare(docs: CompareDoc[], lex: GroupLexicon = loadGroupLexicon(), opts: { duplicateThreshold?: number } = {}): Comparison {
  const duplicates = nearDuplicates(docs.map((d) => ({ id: d.id, text: d.text, published: d.published })), opts.duplicateThreshold);
  const copies = new Set(duplicates.flatMap((c) => c.ids.slice(1)));
  return {
    documents: docs.length,
    duplicates,
    figures: groupFigures(docs, lex, duplicates),
    framing: framingByOutlet(docs, copies),
  };
}

export type { CompareDoc, FigureGroup, OutletFraming, DuplicateCluster };
