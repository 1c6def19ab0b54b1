// Armed groups of the conflicts news covers beyond Syria, by their names and aliases (data/en/actors/actors.json):
// one id per group whatever the spelling. Our own sentences; negatives where a name is also a common word.
import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers.js';

const ids = (text: string) => analyze(text).actors.filter((a) => !a.generic).map((a) => `${a.text} → ${a.id}`);

describe('actors: groups of the world, one id per alias', () => {
  it.each<[string, string[]]>([
    ['Fano militiamen clashed with the Ethiopian National Defence Force near Gondar.', ['Fano militiamen → FANO', 'Ethiopian National Defence Force → ENDF']],
    ['The TPLF said the Tigray Defense Forces had withdrawn.', ['TPLF → TPLF', 'Tigray Defense Forces → TPLF']],
    ['The Arakan Army and the TNLA seized two towns, while the Tatmadaw shelled a third.', ['Arakan Army → ARAKAN', 'TNLA → TNLA', 'Tatmadaw → TATMADAW']],
    ['The Libyan National Army (LNA) said it had repelled the attack.', ['Libyan National Army → LNA', 'LNA → LNA']],
    ['A Houthi drone struck the tanker; Ansar Allah claimed the attack.', ['Houthi → HOUTHIS', 'Ansar Allah → HOUTHIS']],
    ['Gunmen from the Jalisco New Generation Cartel, or CJNG, killed five police officers.', ['Jalisco New Generation Cartel → CJNG', 'CJNG → CJNG']],
    // French spellings
    ['Des miliciens Fano ont affronté l’armée, selon le Front Polisario.', ['Fano → FANO', 'Front Polisario → POLISARIO']],
    // negative: a word that is also a name only as a name ("polisario" is never lower-case; "Seleka" stands alone)
    ['The talks on the border dispute ended without a deal.', []],
  ])('%s', (text, want) => {
    expect(ids(text)).toEqual(want);
  });
});
