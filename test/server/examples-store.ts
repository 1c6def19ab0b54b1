// A store filled from the team's example reports (examples/*.json) with the real pipeline, for the
// comparison endpoints and the dashboard boards.
import { join } from 'node:path';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { readInputs } from '../../src/io/input.js';
import type { Analysis } from '../../src/core/types.js';
import type { Store } from '../../src/store/store.js';
import { ROOT } from '../helpers.js';

export async function ingestExamples(into: Store, pipeline: Pipeline = new Pipeline()): Promise<void> {
  const analyses: Analysis[] = [];
  for await (const item of readInputs([join(ROOT, 'examples')])) {
    if (!item.ok) throw new Error(item.error.message);
    analyses.push(pipeline.analyze(item.doc));
  }
  await into.putAnalyses(analyses);
}
