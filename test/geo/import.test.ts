import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import { importGeonames, listImports } from '../../src/geo/import.js';
import { buildGazetteer } from '../../src/geo/build.js';
import { Gazetteer } from '../../src/geo/gazetteer.js';
import { loadTranslit } from '../../src/geo/normalize.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-gaz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// GeoNames rows written for this test (19 tab-separated columns), made-up places
const row = (id: number, name: string, alt: string, lat: number, lon: number, fc: string, code: string, cc: string, a1: string, pop: number) =>
  [id, name, name, alt, lat, lon, fc, code, cc, '', a1, '', '', '', pop, '', '300', 'Asia/Damascus', '2020-01-01'].join('\t');
const dump = [
  row(9000001, 'Tall Qasimiyah', 'Tal Qasimiya,Tell Kasimiyeh', 36.1, 37.5, 'P', 'PPL', 'SY', '09', 0),
  row(9000002, 'Mazraat al Wurud', '', 35.9, 36.7, 'L', 'FRM', 'SY', '12', 0),
  row(9000003, 'Madrasat an Nur', '', 35.9, 36.7, 'S', 'SCH', 'SY', '12', 0),
  row(9000004, 'Matar Jarrah', 'Jarrah airbase', 36.1, 37.9, 'S', 'AIRB', 'SY', '09', 0),
].join('\n');
// a tiny stand-in for cities500
const cities = [row(170063, 'Aleppo', 'Halab', 36.20124, 37.16117, 'P', 'PPLA', 'SY', '09', 1602264)].join('\n');

/** A zip file with one deflated entry, written by hand (stored the way download.geonames.org does). */
function zip(name: string, content: string): Buffer {
  const data = Buffer.from(content, 'utf8');
  const comp = deflateRawSync(data);
  const nameB = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(comp.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameB.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(comp.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameB.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = 30 + nameB.length + comp.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + nameB.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameB, comp, central, nameB, eocd]);
}

describe('gazetteer import', () => {
  it('keeps populated places and the useful feature codes of a plain GeoNames file', async () => {
    const f = join(dir, 'XX.txt');
    writeFileSync(f, dump + '\n');
    const imports = join(dir, 'imports');
    const r = await importGeonames(f, imports);
    expect(r).toMatchObject({ rows: 4, kept: 3 });
    expect(listImports(imports)).toEqual(['XX.tsv']);
    expect(readFileSync(r.stored, 'utf8')).not.toContain('Madrasat');
  });

  it('reads the zip files GeoNames publishes', async () => {
    const f = join(dir, 'YY.zip');
    writeFileSync(f, zip('YY.txt', dump + '\n'));
    const r = await importGeonames(f, join(dir, 'zipped'));
    expect(r).toMatchObject({ rows: 4, kept: 3 });
  });

  it('rejects a file that is not a GeoNames table, quoting the line', async () => {
    const f = join(dir, 'bad.txt');
    writeFileSync(f, 'name,lat,lon\nAleppo,36.2,37.1\n');
    await expect(importGeonames(f, join(dir, 'bad'))).rejects.toThrow(/not a GeoNames row.*name,lat,lon/);
  });

  it('merges the imported places into the index, matched by any of their names', { timeout: 90000 }, async () => {
    const imports = join(dir, 'imports');
    const cityFile = join(dir, 'cities.txt');
    writeFileSync(cityFile, cities + '\n');
    const out = join(dir, 'gaz.bin');
    const tr = loadTranslit();
    const b = buildGazetteer(out, tr, { cities500: cityFile, importsDir: imports });
    expect(b.entries).toBeGreaterThan(3);
    const g = new Gazetteer(readFileSync(out), tr);
    const hit = (name: string) => g.lookup(name).map((p) => g.entry(p.idx));
    expect(hit('Tal Qasimiya')).toMatchObject([{ id: 9000001, country: 'SY', source: 'import', featureClass: 'P' }]);
    expect(hit('Tell Kasimiyeh')[0].id).toBe(9000001);
    expect(hit('Jarrah airbase')[0]).toMatchObject({ id: 9000004, featureCode: 'AIRB' });
    expect(hit('Madrasat an Nur')).toEqual([]);
    expect(hit('Aleppo')[0]).toMatchObject({ id: 170063, source: 'cities500' });
  });
});
