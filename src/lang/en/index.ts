// English: every lexicon in data/en/. The stages' remaining English-only grammar (word-order tests in
// stage code) is listed in src/lang/README.md.
import { defineLanguage } from '../define.js';

export const english = defineLanguage({ code: 'en', name: 'English', capitals: true, spaces: true, direction: 'ltr', adjectivesFollowNouns: false });
