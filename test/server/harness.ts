// One server over an in-memory SQLite store for the API tests: filled by the test, listening on a
// free port, closed with its store; and a GET that answers status, JSON body and headers.
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { SitrepServer, type ServerOptions } from '../../src/server/server.js';

export interface Served {
  store: SqliteStore;
  server: SitrepServer;
  base: string;
}

export async function startServer(fill: (store: SqliteStore) => Promise<unknown>, opts: Omit<ServerOptions, 'store' | 'port'> = {}): Promise<Served> {
  const store = await SqliteStore.open(':memory:');
  await fill(store);
  const server = new SitrepServer({ store, port: 0, ...opts });
  return { store, server, base: (await server.listen()).url };
}

export async function stopServer(s: Partial<Served>): Promise<void> {
  await s.server?.close();
  await s.store?.close();
}

export async function getJson(base: string, path: string) {
  const r = await fetch(base + path);
  return { status: r.status, body: (await r.json()) as any, headers: r.headers };
}
