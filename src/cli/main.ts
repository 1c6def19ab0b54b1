#!/usr/bin/env node
// The sitrep command: dispatches to one file per command.
import '../pipeline/jit.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../core/paths.js';
import { UsageError, didYouMean } from './util.js';
import { ANALYZE_FLAGS } from './analyze-options.js';

const HELP = `Usage: sitrep <command> [options]

Commands:
  extract <inputs...>  read files, folders, URLs, feeds, web pages, CSV and PDF into article records (JSON Lines), no analysis
  analyze <paths...>   analyse articles and print claims, places, actors, statements (see sitrep analyze --help)
  compare <paths...>   the same figure from every source side by side, and how each outlet frames the actors
  ingest <paths...>    analyse articles and store them in the ledger database (sitrep.db)
  watch <feeds...>     poll RSS/Atom feeds and pages, store each new article (--every 15m --db FILE)
  export               write claims, places or events from the ledger as CSV, GeoJSON or JSON Lines, filtered
  serve                the dashboard and the JSON API over the ledger, on http://127.0.0.1:8080
  start                ingest examples/ into sitrep.db and serve the dashboard (npm start)
  gazetteer <sub>      build the gazetteer cache, import GeoNames dumps (SY.txt, allCountries), look names up
  worker               analyse and store queued documents (PostgreSQL ledger; run any number)
  review <action>      accept, reject, correct or add items; the review queue, history, export as gold
  queue                jobs pending, running and failed in the analysis queue (PostgreSQL ledger)

Run "sitrep <command> --help" for a command's options; "sitrep --version" prints the version.
Environment: SITREP_DB (the database when --db is not given), PORT (serve and start), SITREP_TOKEN.`;

type Command = (argv: string[]) => Promise<number>;
// Each command is loaded when it runs, so that "analyze" never pays for the store or the server.
const COMMANDS: Record<string, Command> = {
  extract: (argv) => import('./extract.js').then((m) => m.extractCommand(argv)),
  analyze: (argv) => import('./analyze.js').then((m) => m.analyzeCommand(argv)),
  compare: (argv) => import('./compare.js').then((m) => m.compareCommand(argv)),
  ingest: (argv) => import('./ingest.js').then((m) => m.ingestCommand(argv)),
  watch: (argv) => import('./watch.js').then((m) => m.watchCommand(argv)),
  export: (argv) => import('./export.js').then((m) => m.exportCommand(argv)),
  serve: (argv) => import('./serve.js').then((m) => m.serveCommand(argv)),
  start: (argv) => import('./start.js').then((m) => m.startCommand(argv)),
  gazetteer: (argv) => import('./gazetteer.js').then((m) => m.gazetteerCommand(argv)),
  worker: (argv) => import('./worker.js').then((m) => m.workerCommand(argv)),
  queue: (argv) => import('./queue.js').then((m) => m.queueCommand(argv)),
  review: (argv) => import('./review.js').then((m) => m.reviewCommand(argv)),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(HELP + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
    process.stdout.write(`sitrep ${pkg.version}\n`);
    return 0;
  }
  // analyze: its worker thread starts before the command's modules load (Node's start of a thread
  // and the pipeline's loading overlap them: a cold start's critical path)
  // (unless the input is small enough to be analysed in this thread: see inline.ts)
  if (name === 'analyze' && !rest.some((a) => a === '-h' || a === '--help')) {
    const guess = analyzePaths(rest);
    if (!guess || !(await import('../store/ingest/inline.js')).inlineInputs(guess)) (await import('../store/ingest/pool.js')).prestartWorker();
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    const near = didYouMean(name, Object.keys(COMMANDS));
    process.stderr.write(`sitrep: unknown command "${name}"${near ? `; did you mean "${near}"?` : ''}\nRun "sitrep --help" for the commands.\n`);
    return 2;
  }
  try {
    return await cmd(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`sitrep ${name}: ${(e as Error).message}\nRun "sitrep ${name} --help" for the options.\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * The paths of an analyze command line, read ahead of its own parsing (which decides for good; an
 * option takes the next argument unless it is one of ANALYZE_FLAGS or written --name=value), or
 * null when --jobs is given (then the worker threads are wanted whatever the input).
 */
function analyzePaths(argv: string[]): string[] | null {
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return [...paths, ...argv.slice(i + 1)];
    if (a === '--jobs' || a.startsWith('--jobs=')) return null;
    if (a.length > 1 && a.startsWith('-')) {
      if (!a.includes('=') && !ANALYZE_FLAGS.has(a)) i++;
    } else paths.push(a);
  }
  return paths;
}

// A reader that stops early (sitrep analyze ... | head) closes the pipe: that is the end, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`sitrep: cannot write to standard output: ${e.message}\n`);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // analyze has nothing left to do once its output is written: leave then, rather than wait for
    // the collector's last full pass over the loaded lexicons (~25 ms at the end of a cold start)
    if (process.argv[2] === 'analyze') process.stdout.write('', () => process.exit(code));
  },
  (e) => {
    process.stderr.write(`sitrep: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 70;
  },
);
