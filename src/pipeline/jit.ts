// V8's optimising compiler (TurboFan) without inlining, for every process that analyses (the CLI,
// its worker threads, the server, the bench: pipeline.ts imports this first). A first pass over a
// batch paid as much CPU on V8's background threads, compiling the pipeline's large functions (each
// with its callees inlined: 70-140 ms for one function, and again after each deoptimisation), as on
// the analysis itself: on the 804 FA-KES articles 8.3 s of compile jobs beside 3.9 s of analysis in
// one ingest worker. On two cores that compiling competes with the analysis. Without inlining the
// first pass took ~15% less time and CPU and the warm pass no longer (bench/throughput.mjs; wink's
// time, measured in the same process, did not move). V8 flags are the process's: set once, before
// the hot functions are optimised. SITREP_V8_DEFAULTS=1 leaves V8 as it is (to measure the difference).
import { setFlagsFromString } from 'node:v8';

/** The V8 flags set (none when SITREP_V8_DEFAULTS is set). */
export const JIT_FLAGS = process.env.SITREP_V8_DEFAULTS ? '' : '--no-turbo-inlining';

if (JIT_FLAGS) setFlagsFromString(JIT_FLAGS);
