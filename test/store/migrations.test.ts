// Both databases' migration lists move in step: the same versions and names, so that a ledger's
// schema version means the same on either. A new SQLite migration needs its PostgreSQL twin.
import { expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';

it('has a PostgreSQL twin for every SQLite migration', () => {
  expect(PG_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
});
