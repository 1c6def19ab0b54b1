// sitrep export --format acled: events as CSV with ACLED's columns, from a ledger we fill ourselves.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers.js';
import { parseCsv } from '../../src/io/csv.js';

const ARTICLE =
  'Government artillery shelled rebel positions in the town of Khan Shaykhun in northwestern Syria on Monday, killing at least nine fighters, a war monitor said.\n' +
  'Separately, about 400 families fled Saraqib toward the Turkish border on Sunday, aid workers said.';

describe('sitrep export --format acled', () => {
  it('writes one ACLED row per event with names, coordinates, precision and the conservative toll', () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    expect(runCli(['ingest', '--db', db, '--published', '2024-03-12', '--outlet', 'Test Wire', join(dir, 'a.txt')]).code).toBe(0);
    const r = runCli(['export', '--db', db, '--format', 'acled']);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual([
      'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
      'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
      'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
      'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
    ]);
    const rec = rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
    const shelling = rec.find((x) => x.sub_event_type === 'Shelling/artillery/missile attack');
    expect(shelling).toMatchObject({ event_date: '2024-03-11', year: '2024', time_precision: '1', disorder_type: 'Political violence', event_type: 'Explosions/Remote violence', country: 'Syria', source: 'Test Wire', fatalities: '9' });
    // actor 1 is the side that acted, never the one acted upon
    expect(shelling!.actor1).toMatch(/Government|artillery|Syria/i);
    expect(shelling!.event_id_cnty).toMatch(/^SY/);
    expect(Number(shelling!.timestamp)).toBe(Date.parse('2024-03-11T00:00:00Z') / 1000);
    expect(Number(shelling!.latitude)).toBeGreaterThan(35);
    const move = rec.find((x) => x.event_type === 'Movements');
    expect(move?.notes).toMatch(/->/);
  });

  it('refuses acled for anything but events', () => {
    const r = runCli(['export', '--format', 'acled', '--what', 'claims']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/acled exports events only/);
  });
});
