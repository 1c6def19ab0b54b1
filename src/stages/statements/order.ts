// The passes of the statements stage, in order. Each line says why it runs where it does.
// Every pass reads and extends one Ctx (context.ts); findStatements (index.ts) runs them in this order.
import type { Ctx } from './context.js';
import { directQuotes } from './direct-quotes.js';
import { reported } from './reported.js';
import { resolvePronouns } from './pronouns.js';
import { dropEmbedded, inherit } from './cleanup.js';

export interface Pass {
  name: string;
  run(c: Ctx): void;
}

export const PASSES: readonly Pass[] = [
  // quotations first: their marks are the strongest boundary, and they claim their cue verbs
  // (usedVerb) so that reported speech does not read "“…,” she said" a second time
  { name: 'direct-quotes', run: directQuotes },
  // reported speech (said.after/before, adding, joined, according-to and citing in source-cue.ts, quoted-as in
  // quoted-as.ts) on the verbs quotes left free;
  // a late cue whose clause starts with a quotation is handed back to that quote (lateQuoteCue)
  { name: 'reported', run: reported },
  // pronoun speakers once every statement is known: gender and the actors inside reported clauses
  // come from the whole article, and a pronoun is resolved against speakers found above. Salience
  // (salience.ts) runs inside this pass, after gender and before the pronouns are replaced: it needs
  // the named speakers of both passes above as mentions, and it also resolves "her statement" and
  // ranks the people where a cue-less quotation opens a paragraph (read by inherit below)
  { name: 'pronouns', run: resolvePronouns },
  // a quotation inside a reported clause is covered by it: needs both kinds in place
  { name: 'drop-embedded', run: dropEmbedded },
  // last: one statement per span, and quotes with no cue take the (now resolved) speaker before them,
  // or the clearly more salient person when the quotation opens a paragraph about someone else
  { name: 'inherit', run: inherit },
];
