// The options of `sitrep analyze` beside the input options, written once: the command parses with
// them, and main.ts reads an analyze command line ahead (to start the worker thread early) knowing
// which of them take no value. No imports, so reading them costs the cold start nothing.
export const ANALYZE_OPTIONS = {
  format: { type: 'string' },
  timings: { type: 'boolean', default: false },
  'doc-timeout': { type: 'string' },
  jobs: { type: 'string' },
  'no-color': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The analyze options that take no value, as written on a command line ("--timings"). */
export const ANALYZE_FLAGS: ReadonlySet<string> = new Set(
  Object.entries(ANALYZE_OPTIONS)
    .filter(([, o]) => o.type === 'boolean')
    .map(([name]) => `--${name}`),
);
