// The analyze options are written once (src/cli/analyze-options.ts): main.ts's early read of an
// analyze command line must know every option that takes no value, or it would take the path after
// it for that option's value.
import { describe, expect, it } from 'vitest';
import { ANALYZE_FLAGS, ANALYZE_OPTIONS } from '../../src/cli/analyze-options.js';
import { INPUT_OPTIONS } from '../../src/cli/input-options.js';

describe('analyze options', () => {
  it('lists the value-less options as flags, and no option that takes a value', () => {
    expect([...ANALYZE_FLAGS].sort()).toEqual(['--help', '--no-color', '--timings']);
    for (const f of ['--format', '--jobs', '--doc-timeout']) expect(ANALYZE_FLAGS.has(f)).toBe(false);
    expect(Object.keys(ANALYZE_OPTIONS)).toContain('jobs');
  });
  it('has input options that all take a value (the flags are the analyze ones only)', () => {
    const boolean = Object.entries(INPUT_OPTIONS).filter(([, o]) => (o as { type: string }).type === 'boolean');
    expect(boolean).toEqual([]);
  });
});
