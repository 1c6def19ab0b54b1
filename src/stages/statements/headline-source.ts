// A headline ending in a colon or a dash set off by spaces and a body or person ("Seven soldiers killed in North
// Waziristan attack: ISPR", "... kills 28 – Emergencies Ministry") is that body's report. Used by reported().
import { type Ctx, isWord, tokAt } from './context.js';
import { add, trimSpan } from './build.js';
import { speakerFrom } from './speaker.js';

const DASHES = new Set(['–', '—', '-']);

/** "Seven soldiers killed in North Waziristan attack: ISPR": a headline ending with a colon and a body or person
 * the actors stage named is that body's report. True when it made the statement. */
export function headlineSource(c: Ctx, S: number, E: number): boolean {
  const tok = c.tok;
  let e = E;
  while (e > S && !isWord(tok[e - 1])) e--;
  for (let k = e - 1; k > S + 2 && k >= e - 6; k--) {
    // (or a dash set off by spaces: "Strike on bakery kills 28 – ministry")
    const dash = DASHES.has(tok[k].text) && tok[k].start > tok[k - 1].end && tok[k + 1].start > tok[k].end;
    if (tok[k].text !== ':' && !dash) continue;
    // a body or person the actors stage named (a generic one too: "...: police"), or an acronym ("...: ISPR")
    const a = c.actorByStartTok.get(k + 1);
    const acronym = e === k + 2 && /^\p{Lu}{2,6}$/u.test(tok[k + 1].text);
    if (!(a && tokAt(tok, a.end) >= e) && !acronym) return false;
    const content = trimSpan(c, S, k);
    const sp = content ? speakerFrom(c, { s: k + 1, e }) : null;
    if (!content || !sp) return false;
    add(c, content, { s: k, e: k + 1 }, 'say', false, sp, 'headline-source');
    return true;
  }
  return false;
}
