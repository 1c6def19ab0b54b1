// Worker thread entry for the boards (boards.ts): compares the documents it is sent, keeps the
// comparison of the last two ledger versions, and answers each board query with its JSON body and
// that body gzipped, so that the server's event loop never spends the seconds a comparison takes.
import { parentPort } from 'node:worker_threads';
import type { CompareDoc } from '../compare/index.js';
import { boardBody, computeComparison, type BoardComparison, type BoardQuery } from './board-bodies.js';

export type BoardRequest =
  | { id: number; type: 'docs'; version: number; docs: CompareDoc[] }
  | { id: number; type: 'load'; version: number }
  | { id: number; type: 'body'; version: number; query: BoardQuery };
export type BoardReply = { id: number; ok: true; body?: Uint8Array; gz?: Uint8Array; hash?: string } | { id: number; ok: false; message: string };

const comparisons = new Map<number, BoardComparison>();
/** The documents of each version being sent, in parts ('docs'), until 'load' compares them. */
const incoming = new Map<number, CompareDoc[]>();
const log = (m: string) => parentPort?.postMessage({ id: 0, ok: true, log: m });

parentPort?.on('message', (m: BoardRequest) => {
  try {
    if (m.type === 'docs') {
      const docs = incoming.get(m.version) ?? [];
      for (const d of m.docs) docs.push(d);
      incoming.set(m.version, docs);
      parentPort!.postMessage({ id: m.id, ok: true } satisfies BoardReply);
      return;
    }
    if (m.type === 'load') {
      const docs = incoming.get(m.version) ?? [];
      incoming.delete(m.version);
      comparisons.set(m.version, computeComparison(docs, log));
      for (const v of [...comparisons.keys()].sort((a, b) => a - b).slice(0, -2)) comparisons.delete(v);
      parentPort!.postMessage({ id: m.id, ok: true } satisfies BoardReply);
      return;
    }
    const c = comparisons.get(m.version);
    if (!c) throw new Error(`no comparison of ledger version ${m.version} in the board worker`);
    const { body, gz, hash } = boardBody(c, m.query);
    // moved, not copied, when a buffer owns its whole ArrayBuffer (a large one does; a pooled small one is copied)
    const moved = [body, gz].filter((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength).map((b) => b.buffer as ArrayBuffer);
    parentPort!.postMessage({ id: m.id, ok: true, body, gz, hash } satisfies BoardReply, moved);
  } catch (e) {
    parentPort!.postMessage({ id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) } satisfies BoardReply);
  }
});
