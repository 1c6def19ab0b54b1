// Whether this process analyses little (sitrep analyze of one small input): then the big indexes
// (the gazetteer file, the actor dictionary) are read or keyed on demand, a part at a time as the
// text asks for it, instead of whole at load, which costs more than one article's analysis. A batch
// (workers, ingest, the benchmark) loads them whole, as the text would touch most of them anyway.
// Kept on globalThis: the inline analyzer sets it from outside the bundled pipeline that reads it.
const KEY = Symbol.for('sitrep.load-on-demand');
const g = globalThis as { [KEY]?: boolean };

/** Asks for on-demand loading in this thread (the inline analyzer, before the pipeline loads). */
export function preferOnDemand(): void {
  g[KEY] = true;
}

/** Whether preferOnDemand was called in this thread. */
export function onDemandWanted(): boolean {
  return g[KEY] === true;
}
