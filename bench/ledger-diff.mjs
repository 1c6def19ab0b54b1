// Compares two ledgers (any --db: SQLite files or postgres:// URLs) by what they hold: the same
// documents (by content hash, with id and metadata), and for each the same claims, places, actors,
// statements, events, framing and dates. Keys and timestamps are left out. Needs a build.
//   node bench/ledger-diff.mjs DB_A DB_B      exit 0 when equal, 1 with the first differences
import { join } from 'node:path';
import { root } from './fakes.mjs';

const { openStore } = await import(join(root, 'dist', 'src', 'store', 'open.js'));

/** hash → canonical JSON of the document and its items. */
export async function ledgerContent(spec) {
  const store = await openStore(spec, { readonly: true });
  const out = new Map();
  try {
    for (let offset = 0; ; offset += 500) {
      const page = await store.listDocuments({ limit: 500, offset });
      for (const s of page.items) {
        const d = await store.getDocument(s.id);
        const { key, ingestedAt, ...rest } = d;
        out.set(d.hash, JSON.stringify(rest));
      }
      if (page.items.length < 500) break;
    }
  } finally {
    await store.close();
  }
  return out;
}

export async function diffLedgers(a, b) {
  const [x, y] = await Promise.all([ledgerContent(a), ledgerContent(b)]);
  const problems = [];
  for (const [h, v] of x) {
    if (!y.has(h)) problems.push(`only in A: ${JSON.parse(v).id}`);
    else if (y.get(h) !== v) problems.push(`differs: ${JSON.parse(v).id}`);
  }
  for (const [h, v] of y) if (!x.has(h)) problems.push(`only in B: ${JSON.parse(v).id}`);
  return { documents: [x.size, y.size], equal: problems.length === 0, problems: problems.slice(0, 20), differences: problems.length };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) {
    console.error('usage: node bench/ledger-diff.mjs DB_A DB_B');
    process.exit(2);
  }
  const r = await diffLedgers(a, b);
  console.log(JSON.stringify(r, null, 2));
  process.exit(r.equal ? 0 : 1);
}
