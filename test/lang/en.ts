// English sentences for the language table (our own sentences).
import type { LangTable } from './table.js';

export const en: LangTable = {
  lang: 'en',
  cases: [
    { label: 'count in digits, killed, source after', text: 'At least 14 civilians were killed in air strikes on Idlib on Tuesday, the observatory said.', published: '2024-03-14',
      claims: [{ value: [14, null], category: 'killed', date: '2024-03-12' }], places: ['Idlib'] },
    { label: 'count in words, injured', text: 'Twenty-three people were wounded when a shell hit the market in Homs.',
      claims: [{ value: 23, category: 'injured' }], places: ['Homs'] },
    { label: 'vague count, displaced', text: 'Thousands of families have fled the fighting around Tal Rifaat since the weekend.',
      claims: [{ value: [2000, 9999], category: 'displaced' }] },
    { label: 'according to, abducted', text: 'Gunmen kidnapped 12 aid workers near Maiduguri, according to the local police.',
      claims: [{ value: 12, category: 'abducted', source: 'police' }], places: ['Maiduguri'] },
    { label: 'hedge without a source', text: 'Six soldiers were reportedly killed in the ambush near Gao.',
      claims: [{ value: 6, category: 'killed', source: null }], places: ['Gao'] },
    { label: 'a count included after a phrase takes the category', text: 'More than 300 civilians have died in the shelling, including 45 children, the agency said.',
      claims: [{ value: [301, null], category: 'killed', source: 'agency' }, { value: 45, category: 'killed', source: 'agency' }] },
    { label: 'a count that is an age is no claim', text: 'The 45-year-old mayor of the town resigned on Friday.', claims: [] },
    { label: 'a year is no count', text: 'The war that began in 2011 has not ended.', claims: [] },
    { label: 'a verb before an opening quotation mark', text: 'The army said it had killed "dozens of militia members" near the border.',
      claims: [{ value: [24, 99], category: 'killed', source: 'army' }] },
    { label: 'a topic adverbial inside the passive', text: 'Dozens of civilians were in the meantime abducted by gunmen.',
      claims: [{ value: [24, 99], category: 'abducted' }] },
    { label: 'a count of wounded taken toward a place', text: 'Medics carried 40 wounded toward the clinic.',
      claims: [{ value: 40, category: 'injured' }] },
    { label: 'a quoted count of no people is no claim', text: 'The report cited "dozens of studies" on the subject.', claims: [] },
    { label: 'a loss told to an agency in a quotation', text: '"We lost six soldiers," an officer said to Reuters.',
      claims: [{ value: 6, category: 'killed', source: 'officer' }] },
    { label: 'a quoted predicate', text: 'Nine attackers were "neutralised" near the border.',
      claims: [{ value: 9, category: 'killed' }] },
  ],
};
