// Shared, lazily loaded resources (lexicons, the gazetteer, the actor dictionary), loaded once per
// process and reused for every document. A stage asks for what it needs with its own loader:
//   const gaz = resources.get('gazetteer', loadGazetteer);
export class Resources {
  private readonly cache = new Map<string, unknown>();
  /** Milliseconds spent loading each resource, for the bench and --verbose. */
  readonly loadTimes: Record<string, number> = {};

  get<T>(key: string, load: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const t0 = performance.now();
    const value = load();
    this.loadTimes[key] = performance.now() - t0;
    this.cache.set(key, value);
    return value;
  }

  /** Put a resource in place (tests inject small fixtures this way). */
  set<T>(key: string, value: T): void {
    this.cache.set(key, value);
  }
}
