// Both sides' vocabularies, from any conflict, reach the framing board filed by what they name.
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { compare, toCompareDoc } from '../../src/compare/index.js';
import { framingMeta } from '../../src/compare/framing.js';

const pipeline = new Pipeline();
const board = (text: string) => {
  const c = compare([toCompareDoc(pipeline.analyze({ id: 'a', text, published: '2024-05-01', outlet: 'Test Post' }))]);
  return c.framing[0] ?? { labels: {}, quoted: {} };
};

describe('framing vocabulary of any conflict', () => {
  it.each([
    ['The junta sent troops into the valley on Monday.', 'state-forces', 'junta'],
    ['Separatists shelled the railway station overnight.', 'non-state-armed-groups', 'separatists'],
    ['The occupiers set up new checkpoints along the coast.', 'foreign-forces', 'occupiers'],
    ['The army was accused of using villagers as human shields near the dam.', 'civilians', 'human-shields'],
    ['Witnesses described the expulsions from the district as ethnic cleansing.', 'civilians', 'ethnic-cleansing'],
    ['The ministry announced an anti-terrorist operation in the hills.', 'events', 'anti-terrorist-operation'],
    ['Government forces liberated the town after a week of fighting.', 'events', 'liberated'],
    ['Militants ambushed a convoy on the highway.', 'non-state-armed-groups', 'militants'],
  ])('%s → %s: %s', (text, target, term) => {
    expect(board(text).labels[target]?.[term]).toBe(1);
  });

  it('does not take "human rights defenders" for a side', () => {
    expect(JSON.stringify(board('Human rights defenders met the envoy in the capital.').labels)).not.toContain('defenders');
  });

  it('keeps a neutral name counted but marked neutral', () => {
    const o = board('The army moved north while the government met in the capital.');
    expect(o.labels['state-forces']).toMatchObject({ army: 1 });
    expect(framingMeta().neutralTerms).toEqual(expect.arrayContaining(['army', 'government']));
  });

  it('counts a term inside a quotation as the speaker\'s', () => {
    const o = board('The governor said: "These terrorists will be defeated." Rebels left the town on Tuesday.');
    expect(o.quoted).toMatchObject({ terrorists: 1 });
    expect(o.labels['non-state-armed-groups']).toEqual({ rebels: 1 });
  });
});
