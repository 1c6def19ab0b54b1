// Which pending claims the figure board shows disagreeing with other reports, for the review queue:
// read from the board's cached answer (boards.ts, one per ledger version), never computed for the
// queue alone. A claim disagrees when its figure group is disputed (reports of the same toll give
// different figures, not a rising toll), when it is the group's outlier, or when a party denies the
// toll. While the board of the current version is still being computed (seconds on a large
// ledger), the queue does not wait past WAIT_MS: it answers unchecked and the next request has it.
import type { Disagreement } from '../store/review/rank.js';
import type { BoardBody, Boards } from './boards.js';

export const WAIT_MS = 2000;

interface BoardEntry {
  docId: string;
  start: number;
  end: number;
  outlier?: boolean;
  copyOf?: string;
  value?: { min: number | null; max: number | null };
}
interface BoardGroup {
  reports: number;
  spread: number | null;
  flags: string[];
  entries: BoardEntry[];
  parts?: BoardEntry[];
}

/** The disagreeing claims of a figure board answer ({items: groups}). */
export function disagreementsOf(board: { items: BoardGroup[] }): Disagreement[] {
  const out: Disagreement[] = [];
  for (const g of board.items) {
    const disputed = g.flags.includes('disputed');
    const denied = g.flags.includes('denied');
    for (const e of g.entries) {
      const why: string[] = [];
      if (e.outlier) why.push(`an outlier among ${g.reports} reports`);
      else if (disputed) why.push(`${g.reports} reports${g.spread ? `, the largest ${g.spread}× the smallest` : ''}`);
      if (denied) why.push('denied by a party');
      if (why.length) out.push({ documentId: e.docId, start: e.start, end: e.end, note: why.join('; '), value: e.value?.max ?? e.value?.min ?? null });
    }
  }
  return out;
}

/** Reads the disagreements from the current figure board, memoised per board answer. */
export function boardDisagreement(boards: Boards, waitMs = WAIT_MS): () => Promise<Disagreement[] | undefined> {
  let memo: { body: BoardBody; list: Disagreement[] } | null = null;
  return async () => {
    const pending = boards.get({ board: 'figures', category: [], minReports: 2, limit: Number.MAX_SAFE_INTEGER, offset: 0 });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
    let body: BoardBody | null;
    try {
      body = await Promise.race([pending, late]);
    } catch {
      return undefined; // the board failed: the queue is still served, unchecked
    } finally {
      clearTimeout(timer);
    }
    pending.catch(() => undefined);
    if (!body) return undefined;
    if (memo?.body !== body) memo = { body, list: disagreementsOf(JSON.parse(body.body.toString('utf8')) as { items: BoardGroup[] }) };
    return memo.list;
  };
}
