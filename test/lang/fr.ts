// French sentences for the language table (our own sentences, same labels as en.ts).
import type { LangTable } from './table.js';

export const fr: LangTable = {
  lang: 'fr',
  cases: [
    { label: 'count in digits, killed, source after', text: 'Au moins 14 civils ont été tués mardi dans des frappes aériennes sur Alep, a indiqué l’observatoire.', published: '2024-03-14',
      claims: [{ value: [14, null], category: 'killed', date: '2024-03-12' }], places: ['Alep'] },
    { label: 'count in words, injured', text: 'Vingt-trois personnes ont été blessées lorsqu’un obus est tombé sur le marché de Homs.',
      claims: [{ value: 23, category: 'injured' }], places: ['Homs'] },
    { label: 'vague count, displaced', text: 'Des milliers de familles ont fui les combats autour de Tal Rifaat depuis le week-end.',
      claims: [{ value: [2000, 9999], category: 'displaced' }] },
    { label: 'according to, abducted', text: 'Selon la police locale, des hommes armés ont enlevé 12 humanitaires près de Maiduguri.',
      claims: [{ value: 12, category: 'abducted', source: 'police' }], places: ['Maiduguri'] },
    { label: 'hedge without a source', text: 'Six soldats auraient été tués dans l’embuscade près de Gao.',
      claims: [{ value: 6, category: 'killed', source: null, hedged: true }], places: ['Gao'] },
    { label: 'a count included after a phrase takes the category', text: 'Plus de 300 civils sont morts dans les bombardements, dont 45 enfants, selon l’agence.',
      claims: [{ value: [301, null], category: 'killed', source: 'agence' }, { value: 45, category: 'killed', source: 'agence' }] },
    { label: 'a count that is an age is no claim', text: 'Le maire de la ville, âgé de 45 ans, a démissionné vendredi.', claims: [] },
    { label: 'a year is no count', text: 'La guerre qui a commencé en 2011 n’est pas terminée.', claims: [] },
    // French only
    { label: 'compound number words', text: 'Quatre-vingt-dix personnes ont été évacuées de la ville.',
      claims: [{ value: 90, category: 'displaced' }] },
    { label: 'vague "une cinquantaine"', text: 'Une cinquantaine de manifestants ont été interpellés samedi à Bamako.', published: '2024-03-12',
      claims: [{ value: 50, category: 'detained', date: '2024-03-09' }], places: ['Bamako'] },
    { label: 'thousands grouped by a space', text: 'Plus de 1 200 personnes ont été déplacées par les inondations.',
      claims: [{ value: [1201, null], category: 'displaced' }] },
    { label: 'the day before', text: 'Le 22 mars, un attentat a frappé la capitale. La veille, deux policiers avaient été tués à Kidal.', published: '2024-03-25',
      claims: [{ value: 2, category: 'killed', date: '2024-03-21' }], places: ['Kidal'] },
    { label: 'yesterday, according to (d’après)', text: 'D’après le ministère de la Santé, 31 blessés ont été admis hier à l’hôpital de Beyrouth.', published: '2024-03-12',
      claims: [{ value: 31, category: 'injured', source: 'ministère', date: '2024-03-11' }], places: ['Beyrouth'] },
    { label: 'an elided article set apart by a space', text: "Selon l' ONU , 12 civils ont été tués dans la nuit à Gaza.",
      claims: [{ value: 12, category: 'killed', source: 'ONU' }], places: ['Gaza'] },
    { label: 'a name of one after "un" is no count without a cue', text: 'Un responsable de la ville a visité le marché de Mopti.', claims: [] },
    { label: 'exonym and preposition "au"', text: 'Trois casques bleus ont été tués au Mali et deux autres blessés au Tchad.',
      places: ['Mali', 'Tchad'] },
  ],
};
