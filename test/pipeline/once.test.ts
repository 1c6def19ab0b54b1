// once(): a value made at its first use and kept (the lexicon files' zod schemas, built only when a lexicon is).
import { describe, expect, it } from 'vitest';
import { once } from '../../src/core/once.js';

describe('once', () => {
  it('makes the value at the first call only, and never before', () => {
    let made = 0;
    const get = once(() => ({ n: ++made }));
    expect(made).toBe(0);
    const a = get();
    expect(get()).toBe(a);
    expect(made).toBe(1);
  });

  it('keeps an undefined value too', () => {
    let made = 0;
    const get = once(() => {
      made++;
      return undefined;
    });
    get();
    get();
    expect(made).toBe(1);
  });
});
