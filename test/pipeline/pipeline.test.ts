import { describe, expect, it } from 'vitest';
import { Pipeline, checkOrder } from '../../src/pipeline/pipeline.js';
import { STAGES } from '../../src/pipeline/order.js';
import type { Stage } from '../../src/pipeline/stage.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';

describe('pipeline', () => {
  it('the declared order satisfies every stage requirement', () => {
    expect(() => checkOrder(STAGES)).not.toThrow();
  });

  it('rejects a stage whose requirement no earlier stage assigns', () => {
    const needsClaims: Stage = { name: 'x', requires: ['claims'], assigns: [], run() {} };
    expect(() => checkOrder([sentencesStage, needsClaims])).toThrow(/stage "x" requires "claims"/);
  });

  it('records a failing stage on the analysis and runs the rest', () => {
    const boom: Stage = { name: 'boom', requires: [], assigns: [], run() { throw new Error('bad lexicon entry'); } };
    const p = new Pipeline([boom, sentencesStage]);
    const a = p.analyze({ id: 'd', text: 'One sentence. Another one.' });
    expect(a.errors).toEqual([{ stage: 'boom', message: 'bad lexicon entry' }]);
    expect(a.sentences).toHaveLength(2);
    expect(Object.keys(a.timings)).toEqual(['language', 'boom', 'sentences']);
  });

  it('never modifies the document text', () => {
    const text = 'Aleppo ,  whose eastern parts   were held… 20,000 people left.\n\nDone.';
    const a = new Pipeline().analyze({ id: 'd', text, published: '2016-12-20' });
    expect(a.document.text).toBe(text);
  });
});
