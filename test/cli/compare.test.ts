// sitrep compare on the team's example reports (five outlets on one fictional strike).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers.js';

describe('sitrep compare', () => {
  it('groups the death toll across outlets, finds the syndicated copy and the framing per outlet', () => {
    const r = runCli(['compare', '--format', 'json', join(ROOT, 'examples')]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.documents).toBe(5);
    expect(c.duplicates[0].ids).toEqual(['example-wire-ariha-strike', 'example-wire-copy-ariha']);
    const killed = c.figures.find((g: { category: string }) => g.category === 'killed');
    expect(killed).toBeTruthy();
    const outlets = new Set(killed.entries.map((e: { outlet: string }) => e.outlet));
    expect(outlets.size).toBeGreaterThanOrEqual(3);
    expect(killed.flags).toContain('denied');
    expect(killed.entries.some((e: { copyOf?: string }) => e.copyOf === 'example-wire-ariha-strike')).toBe(true);
    const opposition = Object.fromEntries(c.framing.map((o: { outlet: string; labels: Record<string, Record<string, number>> }) => [o.outlet, Object.keys(o.labels['non-state-armed-groups'] ?? {})]));
    expect(opposition['Damascus Daily']).toContain('terrorists');
  });

  it('prints both boards for a person', () => {
    const r = runCli(['compare', '--format', 'table', join(ROOT, 'examples')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/FIGURE BOARD/);
    expect(r.stdout).toMatch(/FRAMING BOARD/);
  });

  it('exits 2 without input', () => {
    expect(runCli(['compare']).code).toBe(2);
  });
});
