// The place an article names most often below country level (ties: the first named), among the
// places that pass `keep`. Events and the figure board both fall back to it when a sentence names
// no place of its own.
export function mainPlace<P extends { kind: string; geonameId: number | null; name: string }>(places: readonly P[], keep: (p: P) => boolean = () => true): P | null {
  const counts = new Map<string, { n: number; p: P }>();
  for (const p of places) {
    if (p.kind === 'country' || !keep(p)) continue;
    const key = String(p.geonameId ?? p.name);
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { n: 1, p });
  }
  let best: { n: number; p: P } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.p ?? null;
}
