import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/store/formats.js';
import { parseFilter, FilterError } from '../../src/store/filters.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { annotatedExamples, ROOT } from './fixtures.js';

const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-export-'));
const db = join(dir, 'x.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  const s = await SqliteStore.open(db);
  await s.putAnalyses(annotatedExamples());
  await s.close();
});

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'export', '--db', db, ...args], { encoding: 'utf8' });

describe('filters', () => {
  it('parses and validates', () => {
    expect(parseFilter({ category: ['killed,injured', 'Killed'], since: '2024-03-01', q: 'x' })).toEqual({ category: ['killed', 'injured'], since: '2024-03-01', q: 'x' });
    expect(() => parseFilter({ category: 'dead' })).toThrow(FilterError);
    expect(() => parseFilter({ since: '2024-02-30' })).toThrow(/YYYY-MM-DD/);
    expect(() => parseFilter({ since: '2024-03-02', until: '2024-03-01' })).toThrow(/before since/);
    expect(() => parseFilter({ q: 'x'.repeat(500) })).toThrow(/longer/);
  });
  it('quotes CSV cells and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  }, 60_000);
});

describe.skipIf(!existsSync(CLI))('sitrep export', () => {
  it('writes claims as JSON Lines with filters', () => {
    const r = run('--category', 'killed', '--outlet', 'relief');
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.length).toBe(2);
    expect(rows.every((c) => c.category === 'killed' && c.outlet === 'Relief Monitor')).toBe(true);
    expect(r.stderr).toMatch(/2 claims written/);
  }, 60_000);

  it('writes CSV with a header and one line per claim', () => {
    const r = run('--format', 'csv', '--since', '2024-03-11', '--until', '2024-03-11');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,document,outlet,published,day,date,category,value_min/);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.slice(1).every((l) => l.includes('2024-03-11'))).toBe(true);
  }, 60_000);

  it('writes GeoJSON of places with claim counts, to a file', () => {
    const out = join(dir, 'places.geojson');
    const r = run('--format', 'geojson', '--what', 'places', '-o', out);
    expect(r.status).toBe(0);
    const g = JSON.parse(readFileSync(out, 'utf8'));
    expect(g.type).toBe('FeatureCollection');
    const ariha = g.features.find((f: { properties: { name: string } }) => f.properties.name === 'Ariha');
    expect(ariha.geometry.coordinates[1]).toBeCloseTo(35.8134, 3);
    expect(ariha.properties.claims).toBe(15);
    const claims = run('--format', 'geojson');
    expect(JSON.parse(claims.stdout).features.length).toBe(17);
    expect(claims.stderr).toMatch(/1 without coordinates left out/);
  }, 60_000);

  it('writes events', () => {
    const r = run('--what', 'events', '--format', 'csv');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toMatch(/^id,document,outlet,day,date,type/);
  }, 60_000);

  it('refuses bad options (2) and a missing database (1) with a clear message', () => {
    const bad = run('--category', 'dead');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--category unknown category "dead"/);
    expect(run('--format', 'xml').status).toBe(2);
    const missing = spawnSync(process.execPath, [CLI, 'export', '--db', join(dir, 'nope.db')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot open database/);
    const badOut = run('-o', join(dir, 'no', 'such', 'dir', 'x.csv'));
    expect(badOut.status).toBe(1);
    expect(badOut.stderr).toMatch(/cannot write .*x\.csv/);
  }, 60_000);
});
