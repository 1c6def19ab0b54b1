// sitrep compare <paths...>: the same figure from every source side by side, and how each outlet
// frames the actors, over a set of articles.
import { parseArgs } from 'node:util';
import { readInputs } from '../io/input.js';
import { INPUT_OPTIONS, inputOptions } from './input-options.js';
import { AnalysisWorker, DEFAULT_DOC_TIMEOUT_S } from '../store/ingest/pool.js';
import { SitrepError } from '../core/errors.js';
import { compare, regionNameTest, toCompareDoc, type Comparison } from '../compare/index.js';
import { loadGazetteer } from '../geo/gazetteer.js';
import { formatValue } from '../output/table.js';
import { Progress } from './progress.js';
import { UsageError, checkDay, positiveSeconds, writeOut } from './util.js';
import type { CompareDoc } from '../compare/figures.js';
import { loadCompareDocs } from '../compare/from-store.js';
import { framingMeta } from '../compare/framing.js';
import { openStore } from '../store/open.js';

export const COMPARE_HELP = `Usage: sitrep compare [options] <paths...>
       sitrep compare [options] --db FILE

Analyse the articles (or take what the ledger holds, with --db) and compare them: groups of claims that report the same quantity with each
source's figure, day, outlet and sentence (spread, outlier, denial, rising toll, most conservative
and most recent figure), syndicated copies, and per outlet the labels used for each actor and the
loaded terms.

Options:
  --db FILE|URL           compare the documents stored in this ledger (SQLite file or postgres:// URL)
  --format table|json     output (default: table on a terminal, json otherwise)
  --published, --outlet, --max-chars, --columns, --date-format: as for sitrep analyze
  --min-reports N         show figure groups reported by at least N documents (default 2)
  --category C            only figure groups of this category
  --doc-timeout SECONDS   give up a document whose analysis takes longer (default ${DEFAULT_DOC_TIMEOUT_S})
  -h, --help              this help`;

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      db: { type: 'string' },
      ...INPUT_OPTIONS,
      'min-reports': { type: 'string' },
      category: { type: 'string' },
      'doc-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(COMPARE_HELP + '\n');
    return 0;
  }
  const format = values.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (!['table', 'json'].includes(format)) throw new UsageError(`--format must be table or json, got "${format}"`);
  checkDay(values.published, '--published');
  const minReports = values['min-reports'] ? Number(values['min-reports']) : 2;
  if (!Number.isInteger(minReports) || minReports < 1) throw new UsageError(`--min-reports must be a whole number ≥ 1, got "${values['min-reports']}"`);
  if (!positionals.length && !values.db) throw new UsageError('no input: give files or directories, or --db FILE');
  if (positionals.length && values.db) throw new UsageError('give either paths or --db, not both');
  const docTimeout = positiveSeconds(values['doc-timeout'], '--doc-timeout', DEFAULT_DOC_TIMEOUT_S);
  const docs: CompareDoc[] = [];
  let failed = 0;
  if (values.db) {
    let store;
    try {
      store = await openStore(values.db, { readonly: true });
    } catch (e) {
      process.stderr.write(`sitrep: ${(e as Error).message}\n`);
      return 2;
    }
    try {
      docs.push(...(await loadCompareDocs(store)));
    } finally {
      await store.close();
    }
  } else {
    // a worker thread with a time limit per document, as for analyze and ingest
    const analyzer = new AnalysisWorker(docTimeout * 1000);
    const progress = new Progress('analyzing');
    try {
      for await (const item of readInputs(positionals, inputOptions(values))) {
        if (!item.ok) {
          failed++;
          process.stderr.write(`sitrep: ${item.error.toLine()}\n`);
          continue;
        }
        try {
          docs.push(toCompareDoc(await analyzer.analyze(item.doc)));
        } catch (e) {
          failed++;
          const o = item.doc.origin;
          process.stderr.write(`sitrep: ${new SitrepError('E_STAGE', `analysis of "${item.doc.id}" failed: ${(e as Error).message}`, { file: o?.file, line: o?.line }).toLine()}\n`);
        }
        progress.tick(docs.length, failed);
      }
    } finally {
      progress.done();
      await analyzer.close();
    }
  }
  const result = compare(docs, undefined, { regionName: regionNameTest(loadGazetteer()) });
  result.figures = result.figures.filter((g) => g.reports >= minReports && (!values.category || g.category === values.category));
  if (format === 'json') await writeOut(JSON.stringify(result, null, 2) + '\n');
  else await writeOut(formatComparison(result, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR));
  return failed ? 1 : 0;
}

export function formatComparison(c: Comparison, color = false): string {
  const b = (s: string) => (color ? `\u001b[1m${s}\u001b[0m` : s);
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[0m` : s);
  const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n - 1) + '…' : s + ' '.repeat(n - s.length));
  const out: string[] = [];
  out.push(b(`${c.documents} documents, ${c.duplicates.length} clusters of syndicated copies, ${c.figures.length} figure groups`));
  if (c.undated.length) out.push(`${c.undated.length} document${c.undated.length === 1 ? '' : 's'} without a date ${c.undated.length === 1 ? 'was' : 'were'} left out of the figure board: ${c.undated.slice(0, 10).join(', ')}${c.undated.length > 10 ? ', …' : ''}`);
  for (const d of c.duplicates) out.push(dim(`  copies: ${d.ids.join(' = ')}`));
  out.push('');
  out.push(b('FIGURE BOARD'));
  for (const g of c.figures) {
    const span = g.from && g.until && g.from !== g.until ? `${g.from}..${g.until}` : g.from ?? '';
    out.push(b(`#${g.id} ${g.category} · ${g.group} · ${g.place ?? 'no place'}${g.placeLevel && g.placeLevel !== 'town' ? ` (${g.placeLevel})` : ''} · ${span}`) + `  ${g.reports} reports, spread ${g.spread ?? '—'}${g.flags.length ? '  [' + g.flags.join(', ') + ']' : ''}`);
    for (const e of g.entries) {
      const mark = e.outlier ? ' (outlier)' : e.copyOf ? ` (copy of ${e.copyOf})` : e.vague ? ' (vague)' : '';
      out.push(`  ${pad(e.date ?? '—', 11)}${pad(formatValue(e.value), 12)}${pad(e.outlet ?? '—', 20)}${pad(e.source ?? (e.hedged ? '(hedged)' : '—'), 30)}${mark}`);
      out.push(dim(`      ${e.sentence.slice(0, 160)}`));
    }
    out.push(`  most conservative: ${formatValue(g.mostConservative.value)} (${g.mostConservative.outlet ?? '—'}); most recent: ${formatValue(g.mostRecent.value)} (${g.mostRecent.outlet ?? '—'}, ${g.mostRecent.date ?? '—'})`);
    for (const p of g.parts) out.push(`    part: ${pad(formatValue(p.value) + ' ' + p.who, 24)}${pad(p.outlet ?? '—', 20)}${p.partOf ? dim(`of ${p.partOf}`) : ''}`);
    const said = { figure: 'denied by', responsibility: 'responsibility denied by', 'counter-claim': 'counter-claim by' } as const;
    for (const d of g.denials) out.push(`  ${said[d.kind]} ${d.source ?? '—'} (${d.outlet ?? '—'}): ${dim(d.sentence.slice(0, 140))}`);
    out.push('');
  }
  out.push(b('FRAMING BOARD') + dim('  uses per 100 documents of the outlet; * neutral name; words inside quotations counted apart'));
  const meta = framingMeta();
  const targets = [...new Set(c.framing.flatMap((o) => Object.keys(o.labels)))].sort((x, y) => Object.keys(meta.targets).indexOf(x) - Object.keys(meta.targets).indexOf(y));
  for (const t of targets) {
    out.push(b(`  ${meta.targets[t] ?? t}`));
    for (const o of c.framing) {
      const labels = Object.entries(o.per100[t] ?? {}).sort((x, y) => y[1] - x[1]);
      if (!labels.length) continue;
      out.push(`    ${pad(`${o.outlet} (${o.documents})`, 24)}${labels.map(([l, n]) => `${l.replace(/-/g, ' ')}${meta.neutralTerms.includes(l) ? '*' : ''} ${n}`).join(', ')}`);
    }
  }
  const quoted = c.framing.filter((o) => Object.keys(o.quoted).length);
  if (quoted.length) {
    out.push(b('  inside quotations (the speakers\' words)'));
    for (const o of quoted) out.push(`    ${pad(o.outlet, 24)}${Object.entries(o.quoted).sort((x, y) => y[1] - x[1]).map(([l, n]) => `${l.replace(/-/g, ' ')} ${n}`).join(', ')}`);
  }
  return out.join('\n') + '\n';
}
