// What the analysis worker needs from the pipeline, as one module: scripts/bundle-worker.mjs bundles
// it (and everything it loads) into analysis.bundle.cjs, which load-analysis.ts runs with V8's code cache.
export { Pipeline } from '../../pipeline/pipeline.js';
export { storedAnalysis } from '../rows.js';
