// claims in general news (issue 13): one table per kind of miss or false claim, our own sentences.
// Each row: [sentence, quantity text, category expected on that claim (null: no claim on it)].
import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers.js';

type Row = [string, string, string | null];

const find = (text: string, q: string) => analyze(text).claims.filter((x) => x.quantity.text === q || x.quantity.text.endsWith(' ' + q));

const tables: Record<string, Row[]> = {
  // one person named by a singular noun the lexicon knew only in the plural
  'singular people nouns': [
    ['A fisherman drowned off the coast on Monday', 'A', 'killed'],
    ['A villager was wounded by a stray bullet', 'A', 'injured'],
    ['A protester was arrested outside the parliament', 'A', 'detained'],
    ['A farmer sold his crop at the market', 'A', null],
    ['A supporter waved a flag at the rally', 'A', null],
  ],
  // a vehicle word that modifies an event noun counts no vehicles
  'vehicle word before an event noun': [
    ['Two car bombings struck the capital on Sunday', 'Two', null],
    ['Three truck attacks hit the port this year', 'Three', null],
    ['Two cars were set alight by rioters', 'Two', 'vehicles'],
    ['Militants detonated two car bombs near the gate', 'two', 'vehicles'],
  ],
};

describe('claims in general news', () => {
  for (const [name, rows] of Object.entries(tables)) {
    describe(name, () => {
      it.each(rows)('%s → %s: %s', (text, q, category) => {
        const c = find(text, q)[0];
        if (category === null) expect(c).toBeUndefined();
        else expect(c?.category).toBe(category);
      });
    });
  }
});
