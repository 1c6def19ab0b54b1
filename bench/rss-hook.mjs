// Preloaded (node --import) by bench/throughput.mjs into the `sitrep analyze` it times from a cold
// start: at exit, writes the process's peak resident set (all threads, KB) to $SITREP_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.SITREP_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
