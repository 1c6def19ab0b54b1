// French: every lexicon in data/fr/ (elided articles split off by the tokenizer, decimal comma and
// space-grouped thousands in the numbers lexicon, the conditional as a hedge in the claims lexicon).
import { defineLanguage } from '../define.js';

export const french = defineLanguage({ code: 'fr', name: 'French', capitals: true, spaces: true, direction: 'ltr', adjectivesFollowNouns: true });
