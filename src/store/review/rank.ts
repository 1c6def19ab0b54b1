// How the review queue ranks pending claims: the largest toll first, moved up when the figure board
// shows its reports disagreeing (a spread, an outlier, a denial) and when the machine was least sure
// (a rule known to guess, a hedged or approximate figure). The score is in powers of ten of the
// figure, so a disagreement weighs like a toll ten times larger, a weak rule like one three times larger.

/** Where a figure group of the figure board shows reports that disagree, for one claim (its span). */
export interface Disagreement {
  documentId: string;
  start: number;
  end: number;
  /** Shown in the queue: "disputed: 12–40 in 3 reports", "outlier". */
  note: string;
  /** The figure (upper bound), to take the largest first when there are many. */
  value?: number | null;
}

/**
 * Rules of the claims stage whose answer is a guess rather than a reading: the counted group implied
 * ("people"), taken from an earlier claim, the source or place carried from another sentence, a
 * coarse date, a figure read from a singular noun ("a child"). Rule ids, not words of a language.
 */
export const WEAK_RULES: Record<string, string> = {
  'claims.group:implicit': 'group implied',
  'claims.group:inherit': 'group from an earlier claim',
  'claims.category:inherit': 'category from an earlier claim',
  'claims.source:carried': 'source from another sentence',
  'claims.place:carried': 'place from another sentence',
  'claims.date:coarse': 'coarse date',
  'claims.singular': 'figure from a singular noun',
};

export const DISAGREE_WEIGHT = 1;
export const WEAK_WEIGHT = 0.5;
export const HEDGE_WEIGHT = 0.25;

/** The weak rules that fired for a claim (its evidence as stored: JSON text or an array). */
export function weakRules(evidence: unknown): string[] {
  let list: unknown = evidence;
  if (typeof evidence === 'string') {
    try {
      list = JSON.parse(evidence);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  const out = new Set<string>();
  for (const e of list) {
    const label = WEAK_RULES[String((e as { rule?: unknown })?.rule ?? '')];
    if (label) out.add(label);
  }
  return [...out];
}

export interface ClaimFacts {
  value: number | null;
  hedged: boolean;
  approx: boolean;
  weak: string[];
  disagree: string | null;
}

/** The claim's place in the queue: larger first. */
export function claimScore(f: ClaimFacts): number {
  const size = f.value != null && f.value >= 0 ? Math.log10(f.value + 1) : -1;
  return size + (f.disagree ? DISAGREE_WEIGHT : 0) + (f.weak.length ? WEAK_WEIGHT : 0) + (f.hedged || f.approx ? HEDGE_WEIGHT : 0);
}

/** The flags shown with a queue item (API field `flags`). */
export function claimFlags(f: ClaimFacts & { noSource: boolean }): string[] {
  const flags: string[] = [];
  if (f.disagree) flags.push('disagrees');
  if (f.weak.length) flags.push('weak rule');
  if (f.hedged) flags.push('hedged');
  if (f.approx) flags.push('approximate');
  if (f.noSource) flags.push('no source');
  return flags;
}

export const spanKey = (documentId: string, start: number, end: number) => `${documentId}\u0000${start}\u0000${end}`;

/** For the pending items of one table: their nth (place among the items of that kind at the same span). */
export function nthOf(rows: { doc_key: number; idx: number; start: number; end: number }[]): (docKey: number, idx: number, start: number, end: number) => number {
  const at = new Map<string, number[]>();
  for (const r of rows) {
    const k = `${r.doc_key}:${r.start}:${r.end}`;
    (at.get(k) ?? at.set(k, []).get(k)!).push(Number(r.idx));
  }
  for (const l of at.values()) l.sort((a, b) => a - b);
  return (docKey, idx, start, end) => Math.max(0, (at.get(`${docKey}:${start}:${end}`) ?? []).indexOf(Number(idx)));
}
