// sitrep start (npm start): ingest the team's example reports (examples/) into the database, then
// serve the dashboard. Ingesting is idempotent, so starting again adds nothing and starts fast.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../core/paths.js';
import { DEFAULT_DB, dbSpec } from '../store/open.js';
import { ingestCommand } from './ingest.js';
import { serveCommand } from './serve.js';

export const START_HELP = `Usage: sitrep start [options] [paths...]

Ingest the example reports in examples/ (and any paths given) into the database, then serve the
dashboard and the API.

Options:
  --db FILE|URL  SQLite file or postgres:// URL (default $SITREP_DB, else ./${DEFAULT_DB})
  --host HOST    address to listen on (default 127.0.0.1)
  --port N       port (default $PORT, else 8080; PORT=8081 npm start when 8080 is taken)
  --token TOKEN  bearer token for write endpoints (needed beyond loopback)
  -h, --help     this help`;

export async function startCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string', default: dbSpec() },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: process.env.PORT || '8080' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(START_HELP + '\n');
    return 0;
  }
  const paths = [join(projectRoot(), 'examples'), ...positionals];
  const code = await ingestCommand(['--db', values.db, ...paths]);
  if (code === 130) return code;
  if (code !== 0) process.stderr.write('sitrep start: some records were not stored (see above); serving what is there\n');
  return serveCommand(['--db', values.db, '--host', values.host, '--port', values.port, ...(values.token ? ['--token', values.token] : [])]);
}
