// Shared test helpers: run the built CLI, make temporary folders, analyse a sentence.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { Pipeline } from '../src/pipeline/pipeline.js';
import { forgetCacheIndex } from '../src/pipeline/compiled-cache.js';
import type { Analysis, Document } from '../src/core/types.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

export function runCli(args: string[], input?: string | Buffer) {
  const r = spawnSync('node', [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sitrep-test-'));
}

/** Points the compiled-lexicon cache (SITREP_CACHE) at `dir` for the calling test file; its old value comes back after the file. */
export function useCacheDir(dir: string): void {
  const was = process.env.SITREP_CACHE;
  process.env.SITREP_CACHE = dir;
  forgetCacheIndex();
  afterAll(() => {
    if (was === undefined) delete process.env.SITREP_CACHE;
    else process.env.SITREP_CACHE = was;
    forgetCacheIndex();
  });
}

let shared: Pipeline | null = null;
/** Analyse one text with the full pipeline (resources shared across tests). */
export function analyze(text: string, doc: Partial<Document> = {}): Analysis {
  shared ??= new Pipeline();
  return shared.analyze({ id: doc.id ?? 't', text, published: doc.published ?? '2024-03-12', ...doc });
}
