// The actor dictionary keyed on demand (stages/actors/dict.ts) answers as the eager phrase index it
// replaced: every alias of both languages' dictionaries, and text around them, finds the same entries
// in the same order, whether its groups are opened one by one or all at once.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { preferOnDemand } from '../../src/core/on-demand.js';
import { DictIndex, type DictActor } from '../../src/stages/actors/dict.js';
import { dictAliases, loadActorLexicon } from '../../src/stages/actors/lexicon.js';
import { PhraseIndex, phraseKeys, phraseUnits, type Unit } from '../../src/stages/actors/units.js';
import { languageOf } from '../../src/lang/index.js';

/** The dictionary as the eager loader keyed it: every alias added in order, the first one winning. */
function eager(code: string): { dict: PhraseIndex<DictActor>; byId: Map<string, DictActor> } {
  const lang = languageOf({ lang: code } as Parameters<typeof languageOf>[0]);
  const dict = new PhraseIndex<DictActor>();
  const byId = new Map<string, DictActor>();
  const { entries, aliases } = dictAliases(lang);
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e);
  for (const [keys, n, exact] of aliases) dict.add(keys.split(' '), exact ? { ...entries[n], caseMode: 'exact' } : entries[n]);
  return { dict, byId };
}

/** A match as plain data (undefined fields dropped, as JSON keeps them). */
const plain = (ms: { end: number; value: DictActor }[]) => JSON.parse(JSON.stringify(ms)) as unknown;

function aliasesOf(code: string): string[] {
  const lang = languageOf({ lang: code } as Parameters<typeof languageOf>[0]);
  const out: string[] = [];
  for (const f of ['actors.json', 'petrarch.json']) {
    for (const e of (JSON.parse(readFileSync(lang.data('actors', f), 'utf8')) as { entries: { aliases: string[] }[] }).entries) out.push(...e.aliases);
  }
  return out;
}

afterAll(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('sitrep.load-on-demand')];
});

describe('actor dictionary keyed on demand', () => {
  for (const code of ['en', 'fr']) {
    it(`gives the eager index's matches for every alias (${code})`, () => {
      const ref = eager(code);
      const lang = languageOf({ lang: code } as Parameters<typeof languageOf>[0]);
      preferOnDemand();
      loadActorLexicon(lang); // built and stored when the cache has no entry for this build of the code
      const lazy = loadActorLexicon(lang).dict; // read from the cache: its JSON read from the file group by group
      expect((lazy as unknown as { blob: { data: unknown } }).blob.data).toBeNull();
      const whole = DictIndex.prototype.openAll.call(loadActorLexicon(lang).dict);
      expect(lazy).toBeInstanceOf(DictIndex);
      expect(new Set(lazy.firstKeys())).toEqual(new Set(ref.dict.firstKeys()));
      const texts = aliasesOf(code);
      // runs of several aliases, so that a match may go on into the next one
      for (let i = 0; i + 3 < texts.length; i += 97) texts.push(texts.slice(i, i + 3).join(' '));
      let matched = 0;
      for (const t of texts) {
        const units: Unit[] = phraseUnits(t);
        for (let i = 0; i < units.length; i++) {
          const want = plain(ref.dict.matchesAt(units, i));
          expect(plain(lazy.matchesAt(units, i))).toEqual(want);
          expect(plain(whole.matchesAt(units, i))).toEqual(want);
          expect(lazy.longestAt(units, i)).toEqual(lazy.matchesAt(units, i)[0] ?? null);
          expect(lazy.has(units[i].key)).toBe(ref.dict.has(units[i].key));
          if ((want as unknown[]).length) matched++;
        }
      }
      expect(matched).toBeGreaterThan(1000);
      expect(plain([...loadActorLexicon(lang).byId].map(([, v]) => ({ end: 0, value: v })))).toEqual(plain([...ref.byId].map(([, v]) => ({ end: 0, value: v }))));
    });
  }
});
