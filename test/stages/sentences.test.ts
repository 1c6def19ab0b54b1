import { describe, expect, it } from 'vitest';
import { loadSentenceLexicon, splitSentences, tokenize, sentenceAt } from '../../src/stages/sentences/index.js';

const lex = loadSentenceLexicon();
const sents = (t: string) => splitSentences(t, lex).map((s) => t.slice(s.start, s.end));

describe('sentences', () => {
  it.each([
    ['Three people were killed. The army denied it.', ['Three people were killed.', 'The army denied it.']],
    ['Gen. Ali Hassan said the road was closed. Traffic resumed later.', ['Gen. Ali Hassan said the road was closed.', 'Traffic resumed later.']],
    ['The U.S. envoy arrived on Monday. He met officials.', ['The U.S. envoy arrived on Monday.', 'He met officials.']],
    ['"We have nothing left," she said. "Nothing at all."', ['"We have nothing left," she said.', '"Nothing at all."']],
    ['Shelling hit the town. 12 people were hurt.', ['Shelling hit the town.', '12 people were hurt.']],
    ['First paragraph without a stop\nSecond paragraph.', ['First paragraph without a stop', 'Second paragraph.']],
    ['A convoy of 1.2 million dollars worth of aid arrived.', ['A convoy of 1.2 million dollars worth of aid arrived.']],
    ['Mr. J. Smith spoke to reporters.', ['Mr. J. Smith spoke to reporters.']],
    // ranks and US states abbreviated in news style
    ['The soldier, Spc. Dana K. Ruiz, of Fort Hood, Tex., died on Sunday. Pfc. Lee Ortiz was hurt.', ['The soldier, Spc. Dana K. Ruiz, of Fort Hood, Tex., died on Sunday.', 'Pfc. Lee Ortiz was hurt.']],
    ['He was based at Fort Knox, Ky. His unit left in May.', ['He was based at Fort Knox, Ky. His unit left in May.']],
    // a state's abbreviation is one only with its capital: lower-case it is a word that ends a sentence
    ['Two of the guards fell ill. Doctors saw them on Friday.', ['Two of the guards fell ill.', 'Doctors saw them on Friday.']],
    ['The crowd grew en masse. Police withdrew.', ['The crowd grew en masse.', 'Police withdrew.']],
    // French quotation marks open a sentence, with the space inside them; a stop inside a quotation that goes on
    // with its cue ends nothing
    ['Le bilan est plus lourd. « Les hommes sont entrés », a dit un voisin.', ['Le bilan est plus lourd.', '« Les hommes sont entrés », a dit un voisin.']],
    ['« Ils ont tiré sur tout le monde. » Le voisin a fui.', ['« Ils ont tiré sur tout le monde. »', 'Le voisin a fui.']],
    ['« Ils ont tiré sur tout le monde. », a dit un voisin.', ['« Ils ont tiré sur tout le monde. », a dit un voisin.']],
  ])('%s', (text, expected) => {
    expect(sents(text)).toEqual(expected);
  });

  it('numbers paragraphs and keeps offsets into the text', () => {
    const t = 'One.\n\nTwo here. Three.';
    const s = splitSentences(t, lex);
    expect(s.map((x) => [x.start, x.end, x.paragraph])).toEqual([[0, 4, 0], [6, 15, 1], [16, 22, 1]]);
    expect(sentenceAt(s, 8)?.index).toBe(1);
    expect(sentenceAt(s, 5)).toBeUndefined();
  });
});

describe('tokens', () => {
  it('keeps hyphenated words, grouped numbers and splits possessives', () => {
    const t = 'Aleppo’s al-Rashideen district: 20,000 people, twenty-five buses.';
    const toks = tokenize(t, splitSentences(t, lex));
    expect(toks.map((x) => x.text)).toEqual(['Aleppo', '’s', 'al-Rashideen', 'district', ':', '20,000', 'people', ',', 'twenty-five', 'buses', '.']);
    for (const x of toks) expect(t.slice(x.start, x.end)).toBe(x.text);
    expect(toks[5].kind).toBe('number');
  });
});
