// V8's flags for analysing processes (jit.ts, set by the pipeline, the CLI and the worker's loader),
// left alone under SITREP_V8_DEFAULTS. Run on the build, in a process of its own (flags are the
// process's).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/paths.js';

const jit = join(projectRoot(), 'dist', 'src', 'pipeline', 'jit.js');

function flagsIn(env: Record<string, string>): string {
  const code = `const m = await import(${JSON.stringify(jit)}); console.log(JSON.stringify(m.JIT_FLAGS));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, ...env } });
  return JSON.parse(out.trim().split('\n').pop()!) as string;
}

describe.skipIf(!existsSync(jit))('V8 flags of an analysing process', () => {
  it('turns TurboFan inlining off, unless SITREP_V8_DEFAULTS asks for V8 as it is', () => {
    expect(flagsIn({ SITREP_V8_DEFAULTS: '' })).toBe('--no-turbo-inlining');
    expect(flagsIn({ SITREP_V8_DEFAULTS: '1' })).toBe('');
  }, 60_000);
});
