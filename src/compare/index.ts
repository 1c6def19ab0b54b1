// Compare many documents: syndicated copies, the figure board and the framing board.
import type { Analysis } from '../core/types.js';
import { toRecord } from '../output/record.js';
import { groupFigures, loadGroupLexicon, undatedDocuments, type CompareDoc, type FigureGroup, type GroupLexicon, type RegionNameTest } from './figures.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { framingByOutlet, type OutletFraming } from './framing.js';
import { nearDuplicates, type DuplicateCluster } from './near-duplicates.js';

export interface Comparison {
  documents: number;
  duplicates: DuplicateCluster[];
  figures: FigureGroup[];
  /** Documents with figures but no date, left out of the figure board (ids). */
  undated: string[];
  framing: OutletFraming[];
}

export function toCompareDoc(a: Analysis): CompareDoc {
  return { ...toRecord(a), text: a.document.text };
}

/** With the gazetteer: is a place's name also a province of its country? (memoised) */
export function regionNameTest(gaz: Gazetteer): RegionNameTest {
  const memo = new Map<string, boolean>();
  return (p) => {
    const key = `${p.country}|${p.text}|${p.name}`;
    let v = memo.get(key);
    if (v == null) {
      v = [p.text, p.name].some((n) => gaz.lookup(n).some((x) => {
        const e = gaz.entry(x.idx);
        return e.source === 'admin1' && e.country === p.country;
      }));
      memo.set(key, v);
    }
    return v;
  };
}

export function compare(docs: CompareDoc[], lex: GroupLexicon = loadGroupLexicon(), opts: { duplicateThreshold?: number; regionName?: RegionNameTest } = {}): Comparison {
  const duplicates = nearDuplicates(docs.map((d) => ({ id: d.id, text: d.text, published: d.published })), opts.duplicateThreshold);
  const copies = new Set(duplicates.flatMap((c) => c.ids.slice(1)));
  return {
    documents: docs.length,
    duplicates,
    figures: groupFigures(docs, lex, duplicates, opts.regionName),
    undated: undatedDocuments(docs),
    framing: framingByOutlet(docs, copies),
  };
}

export type { CompareDoc, FigureGroup, OutletFraming, DuplicateCluster };
