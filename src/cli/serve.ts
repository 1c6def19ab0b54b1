// sitrep serve: the JSON API and the dashboard over the ledger database.
import { parseArgs } from 'node:util';
import { DEFAULT_DB, dbSpec, openStore, storeExists, storeWritable } from '../store/open.js';
import { DEFAULT_MAX_BODY, DEFAULT_REVIEWER, SitrepServer, checkExposure } from '../server/server.js';
import { readTokenFile } from './token-file.js';
import { DEFAULT_MAX_CHARS } from '../io/input.js';
import { DEFAULT_DOC_TIMEOUT_S } from '../store/ingest/pool.js';
import { UsageError, positiveSeconds } from './util.js';

export const SERVE_HELP = `Usage: sitrep serve [options]

Serve the dashboard and the JSON API (documented at /api/openapi.json) over the ledger database.

Options:
  --db FILE|URL      SQLite file or postgres:// URL (default $SITREP_DB, else ./${DEFAULT_DB}); a
                     SQLite file must exist (sitrep ingest makes it) unless --create is given. A file
                     this user cannot write is served read-only (POST /api/documents answers 403).
  --create           start an empty database when --db names none
  --read-only        open the database read-only even when it is writable
  --host HOST        address to listen on (default 127.0.0.1)
  --port N           port (default $PORT, else 8080; 0 picks a free one)
  --token TOKEN      bearer token for write endpoints (POST /api/documents); also SITREP_TOKEN.
                     Mandatory when --host is not a loopback address. Reads need no token: on an
                     address beyond loopback anyone who reaches it reads the whole ledger, so put
                     it behind a proxy that authenticates, or keep it on 127.0.0.1.
  --token-file FILE  write tokens with their owners, one "TOKEN NAME" a line (# comments): the
                     owner of the token a review is made with is its reviewer
  --user NAME        the reviewer of reviews made from the dashboard without a token that names
                     one (default $SITREP_USER, else "${DEFAULT_REVIEWER}")
  --max-body BYTES   largest request body (default ${DEFAULT_MAX_BODY})
  --max-chars N      largest posted article text (default ${DEFAULT_MAX_CHARS})
  --doc-timeout S    seconds a posted article may take to analyse (default ${DEFAULT_DOC_TIMEOUT_S}); analysis
                     runs in a worker thread, so the server keeps answering meanwhile
  --tiles URL        optional raster tile template for the map, e.g. http://tiles.local/{z}/{x}/{y}.png
                     (default: the offline Natural Earth basemap only)
  --quiet            no request log on stderr
  -h, --help         this help`;

function parseServeArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      db: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: process.env.PORT || '8080' },
      create: { type: 'boolean', default: false },
      'read-only': { type: 'boolean', default: false },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      user: { type: 'string' },
      'max-body': { type: 'string' },
      'max-chars': { type: 'string' },
      'doc-timeout': { type: 'string' },
      tiles: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { values, help: true as const };
  const port = Number(values.port);
  if (!/^\d{1,5}$/.test(values.port) || !Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port (or PORT) must be 0 to 65535, got "${values.port}"`);
  const num = (v: string | undefined, name: string) => {
    if (v == null) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number, got "${v}"`);
    return n;
  };
  const maxBody = num(values['max-body'], '--max-body');
  const maxChars = num(values['max-chars'], '--max-chars');
  const docTimeout = positiveSeconds(values['doc-timeout'], '--doc-timeout', DEFAULT_DOC_TIMEOUT_S);
  if (values.tiles && !/^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/.test(values.tiles)) throw new UsageError(`--tiles must be an http(s) URL with {z}, {x} and {y}, got "${values.tiles}"`);
  return {
    values,
    help: false as const,
    port,
    maxBody,
    maxChars,
    docTimeout,
    token: values.token ?? process.env.SITREP_TOKEN ?? undefined,
    dbPath: dbSpec(values.db),
  };
}

export async function serveCommand(argv: string[]): Promise<number> {
  const args = parseServeArgs(argv);
  if (args.help) {
    process.stdout.write(SERVE_HELP + '\n');
    return 0;
  }
  const { values, port, token, dbPath } = args;
  let tokenOwners: Record<string, string> | undefined;
  try {
    tokenOwners = values['token-file'] ? readTokenFile(values['token-file']) : undefined;
    checkExposure(values.host, token ?? Object.keys(tokenOwners ?? {})[0]);
  } catch (e) {
    process.stderr.write(`sitrep serve: ${(e as Error).message}\n`);
    return 2;
  }
  if (!values.create && !storeExists(dbPath)) {
    process.stderr.write(`sitrep serve: no database at ${dbPath}; give an existing one with --db (sitrep ingest --db ${dbPath} <paths> makes it), or add --create to serve a new empty one\n`);
    return 1;
  }
  const readOnly = values['read-only'] || (storeExists(dbPath) && !storeWritable(dbPath));
  let store;
  try {
    store = await openStore(dbPath, { readonly: readOnly });
  } catch (e) {
    process.stderr.write(`sitrep serve: ${(e as Error).message}\n`);
    return 1;
  }
  const server = new SitrepServer({
    store,
    host: values.host,
    port,
    token,
    maxBody: args.maxBody,
    maxChars: args.maxChars,
    docTimeout: args.docTimeout,
    readOnly,
    tiles: values.tiles,
    user: values.user?.trim() || process.env.SITREP_USER?.trim() || undefined,
    tokenOwners,
    log: values.quiet ? undefined : (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
  });
  let where;
  try {
    where = await server.listen();
  } catch (e) {
    const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
    process.stderr.write(
      `sitrep serve: cannot listen on ${values.host}:${port}: ${(e as Error).message}\n` +
        (busy ? `sitrep serve: port ${port} is in use (another sitrep?); pick another with --port N (npm start: PORT=N npm start), or --port 0 for any free port\n` : ''),
    );
    await store.close();
    return 1;
  }
  const stats = await store.stats();
  process.stderr.write(`sitrep serve: ${stats.documents} documents, ${stats.claims} claims in ${dbPath}${readOnly ? ' (read-only)' : ''}\n`);
  process.stderr.write(`sitrep serve: dashboard at ${where.url}/  API at ${where.url}/api/openapi.json${token ? '  (writes need the token)' : ''}\n`);
  // Machine-readable address on stdout (tests and scripts read it).
  process.stdout.write(JSON.stringify({ url: where.url, port: where.port }) + '\n');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stderr.write('sitrep serve: stopping\n');
  await server.close();
  await store.close();
  return 0;
}
