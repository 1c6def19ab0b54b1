import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachePath } from '../../src/geo/build.js';
import { Gazetteer, loadGazetteer } from '../../src/geo/gazetteer.js';
import { preferOnDemand } from '../../src/core/on-demand.js';

// the real cache, held whole, against the same file read a chunk at a time
const whole = loadGazetteer({ log: () => {} });
preferOnDemand();
const onDemand = loadGazetteer({ log: () => {} });
const dir = mkdtempSync(join(tmpdir(), 'sitrep-gaz-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('sitrep.load-on-demand')];
});

describe('gazetteer read on demand', () => {
  it('is read on demand when asked, and gives the same answers as the whole file', () => {
    expect((onDemand as unknown as { onDemand: unknown }).onDemand).not.toBeNull();
    expect((whole as unknown as { onDemand: unknown }).onDemand).toBeNull();
    for (const name of ['Aleppo', 'Deir Ezzor', 'Khan Shaykhun', 'Idlib', 'London', 'Zzyzx', 'A', 'Saint-Étienne']) {
      const a = whole.lookup(name);
      expect(onDemand.lookup(name)).toEqual(a);
      expect(onDemand.find(whole.translit.key(name)).longer).toBe(whole.find(whole.translit.key(name)).longer);
      for (const p of a) expect(onDemand.entry(p.idx)).toEqual(whole.entry(p.idx));
    }
    expect(onDemand.country('SY')).toEqual(whole.country('SY'));
    expect(onDemand.admin1('SY.09')).toEqual(whole.admin1('SY.09'));
    for (const idx of [0, 1, whole.size - 1]) expect(onDemand.entry(idx)).toEqual(whole.entry(idx));
  });

  it('refuses a truncated file (which loadGazetteer then rebuilds)', () => {
    const f = join(dir, 'short.bin');
    copyFileSync(cachePath(), f);
    truncateSync(f, statSync(f).size - 10);
    expect(() => loadGazetteer({ path: f, build: false, log: () => {} })).toThrow(/unreadable.*not as long/);
    // held whole, the same file is refused too
    expect(() => new Gazetteer(readFileSync(f), whole.translit)).toThrow();
  });
});
