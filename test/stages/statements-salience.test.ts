// statements: he/she speakers go to the most salient person of that gender (salience.ts), not merely the
// last name written. Rows of [text, the speaker of the last statement]. Our own sentences.
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { Resources } from '../../src/pipeline/resources.js';
import type { Stage } from '../../src/pipeline/stage.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { numbersStage } from '../../src/stages/numbers/index.js';
import { actorsStage } from '../../src/stages/actors/index.js';
import { statementsStage } from '../../src/stages/statements/index.js';

const noPlaces: Stage = { name: 'places', requires: [], assigns: ['places'], run() {} };
const pipeline = new Pipeline([sentencesStage, numbersStage, noPlaces, actorsStage, statementsStage], new Resources());

const last = (text: string) => {
  const a = pipeline.analyze({ id: 't', text });
  expect(a.errors).toEqual([]);
  return a.statements[a.statements.length - 1]?.speaker?.name ?? null;
};

const rows: [string, string | null][] = [
  // the subject of the sentence, not a name in passing after it
  ['Even though Helen Lindqvist has written books with the famous baker Anna Berg, she insists that she is a home cook.', 'Helen Lindqvist'],
  // a chain of pronouns keeps its referent against a name met on the way
  ['Samuel Okafor moved to the city at seven. He grew up in a shelter. He failed school. Asked what he would tell Mayor John Harlow, he said: "Listen to us."', 'Samuel Okafor'],
  // a new paragraph with a new speaker: the pronoun follows the new one
  ['Karl Weber said the plant would close.\n\nPeter Novak, a welder at the plant, said he had heard nothing. "We learnt it from the radio," he said.', 'Peter Novak'],
  // a surname alone after the full name is the same person
  ['Ruth Adler, the board\'s chair, said the school was full. Adler told host Chris Lane that portables were needed.\n\nIt is something she said the board would fix.', 'Ruth Adler'],
  // the person the whole paragraph is about, after a quote from someone else
  ['"We were lucky," said Omar Haddad.\n\nMarta Ruiz, 41, lost her shop in the flood. She said the water came at night.', 'Marta Ruiz'],
  // a quotation opening a paragraph after a paragraph about someone: that person, not the last speaker
  ['Officials said the rules were clear.\n\nMarek Duda, a senior analyst with the department, outlined for his colleagues how the policy works.\n\n"Who may be included in a treatment plan is at the discretion of the doctor in charge of the case."', 'Marek Duda'],
  // "her statement said": the woman the possessive refers to
  ['Prime Minister Tom Haller spoke first. Later, Lena Brandt published a statement on her website.\n\n“Courts must stay free from any political pressure at all times,” her statement said.', 'Lena Brandt'],
  // a curly quotation closed by a straight mark still has its cue after it
  ['“I think this will change school food policy," said Ruth Okoye, director of a clinic.', 'Ruth Okoye'],
  // ", saying ...": the subject opening the sentence, when no statement came before in it
  ['Trucks drove slowly through the town.\n\nHenrik Dahl protested the new tolls, saying they are ruining the haulage firms.', 'Henrik Dahl'],
  // a definite description goes to the person it was said of
  ['Ana Ruiz, a resident of the old quarter, lost her shop. The resident said the water came at night.', 'Ana Ruiz'],
  // an epithet with a lower-case modifier ("the soft-spoken carpenter") is the person the text has named
  ['Maria Lindgren has repaired violins in the old town for thirty years. The soft-spoken craftswoman said the wood decides the sound.', 'Maria Lindgren'],
  ['Daniel Reyes stopped forty shots in the win. "I just watched the puck," the rookie netminder said after the game.', 'Daniel Reyes'],
];

const epithetNegatives: [string, string | null][] = [
  // negative: with nobody named before it, the epithet speaks for itself
  ['The ferry was late again on Sunday. The weary ticket clerk said the engines were old.', 'weary ticket clerk'],
  // negative: a bare title ("the judge") is still not the last person named
  ['Lena Moss was fined on Monday for the crash. The judge said the fine was fair.', 'judge'],
];

const negatives: [string, string | null][] = [
  ...epithetNegatives,
  // negative: a possessive opening the sentence is not its subject
  ['Officials said the road would reopen.\n\nHenrik Dahl\'s lorry was stuck for hours, leaving drivers to say the tolls are ruining them.', 'Officials'],
  // negative: "the judge" is not the defendant named before
  ['Tomas Brill was sentenced on Friday for the robberies. In his ruling, the judge said he saw no prospect of reform.', 'judge'],
  // negative: a paragraph-opening quotation after a quote keeps its speaker over a name in passing
  ['Karl Weber met Mayor Ana Ruiz on Monday. “We agreed on the new bridge,” Weber said.\n\n“Work on it starts in May and ends next year.”', 'Karl Weber'],
  ['Mr. Peter Hansen opened the clinic on Monday. She said the ward would reopen soon.', null],
];

describe('statements: salience of he/she speakers', () => {
  for (const [text, who] of [...rows, ...negatives]) it(text, () => expect(last(text)).toBe(who));
});
