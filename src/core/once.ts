// A value made at its first use and kept: for what a process may never need (the zod schemas of the
// lexicon files, used only when a lexicon is built, not when the compiled cache answers).
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
