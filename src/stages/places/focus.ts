// The countries an article speaks of: each mention votes by its strongest candidate (a country named 3, a
// region or big city 1, another likely place 0.3), demonyms a little; the focus of a country is its share
// of the largest vote. Also the anchors for proximity: the likely places in countries in focus.
import { isAdmin1, isCountry, type GazEntry } from '../../geo/gazetteer.js';
import { km } from '../../geo/distance.js';
import { topByPrior, type Cand } from './candidates.js';
import type { PlacesLexicon } from './lexicon.js';
import { WB } from './word-bits.js';
import { wbits, type Mention, type Words } from './words.js';

/** the words focus reads: name indexes, lower-case forms and their bits */
type NameWords = Pick<Words, 'names' | 'lowers' | 'infos' | 'table'>;

export interface Vote {
  cc: string;
  w: number;
}

export const NO_VOTE: Vote = { cc: '', w: 0 };

const addTo = (map: Map<string, number>, cc: string, w: number) => map.set(cc, (map.get(cc) ?? 0) + w);

/** The votes of one document's mentions. */
export class Focus {
  /** focus: countries named, and the countries of strong first choices */
  readonly votes = new Map<string, number>();
  /** strong votes only (countries named, demonyms), to tell an unrelated country */
  readonly strongVotes = new Map<string, number>();
  readonly demonymVotes = new Map<string, number>();
  strongTotal = 0;
  demonymTotal = 0;
  maxVote = 0;
  /** how many countries stand out in the article */
  clear = 0;
  /** the vote each mention gives */
  readonly ownVote: Vote[];
  /** all the votes a name gives (its repetitions vouch for nothing) */
  readonly keyVote = new Map<string, Vote>();
  /** pass-1 anchors for proximity: the top candidate of each mention that is not a country */
  anchors: GazEntry[] = [];

  constructor(
    private readonly lex: PlacesLexicon,
    mentions: readonly Mention[],
    cands: readonly (readonly Cand[])[],
    ws: NameWords,
  ) {
    this.ownVote = this.mentionVotes(mentions, cands);
    this.countDemonyms(ws);
    this.totals();
    this.findAnchors(cands);
    this.findKeyVotes(mentions);
  }

  /** The vote a mention gives by its strongest candidate: a country named 3, a region or big city 1, another
   * likely place 0.3. */
  private voteOf(list: readonly Cand[]): Vote {
    if (!list.length) return NO_VOTE;
    const top = topByPrior(list);
    if (top.alt) return NO_VOTE;
    if (isCountry(top.e)) return { cc: top.e.country, w: 3 };
    if (isAdmin1(top.e) || top.e.population >= this.lex.bigPopulation) return { cc: top.e.country, w: 1 };
    if (top.prior >= 2) return { cc: top.e.country, w: 0.3 };
    return NO_VOTE;
  }

  private mentionVotes(mentions: readonly Mention[], cands: readonly (readonly Cand[])[]): Vote[] {
    const own: Vote[] = new Array(cands.length);
    for (let k = 0; k < cands.length; k++) {
      let v = this.voteOf(cands[k]);
      // a country standing for its state ("US airstrikes") says as little of where the article is as a demonym;
      // a dateline says where the report was filed
      if (mentions[k].attributive) v = v.w === 3 ? { cc: v.cc, w: 0.5 } : NO_VOTE;
      if (mentions[k].dateline) v = NO_VOTE;
      own[k] = v;
      if (v.w) addTo(this.votes, v.cc, v.w);
    }
    // countries named (the only votes of 3)
    for (const v of own) if (v.w === 3) addTo(this.strongVotes, v.cc, 3);
    return own;
  }

  /** demonyms count a little ("Turkish police" in an article about Kilis) */
  private countDemonyms(ws: NameWords): void {
    const { names, lowers } = ws;
    let demo = 0;
    for (let n = 0; n < names.length && demo < 40; n++) {
      const cc = wbits(ws, names[n]) & WB.demonym ? this.lex.demonymCountry.get(lowers[names[n]]) : undefined;
      if (cc) {
        addTo(this.demonymVotes, cc, 0.5);
        demo++;
      }
    }
    for (const [cc, v] of this.demonymVotes) {
      addTo(this.votes, cc, v);
      addTo(this.strongVotes, cc, v);
    }
  }

  private totals(): void {
    // (whether the rule applies at all: some country is named)
    // (demonyms count too: "two Syrians were killed in al-Jora" names no country, yet Jora in India is unrelated)
    for (const v of this.strongVotes.values()) this.strongTotal += v;
    for (const v of this.demonymVotes.values()) this.demonymTotal += v;
    for (const v of this.votes.values()) this.maxVote = Math.max(this.maxVote, v);
    for (const v of this.votes.values()) if (this.maxVote && v / this.maxVote >= 0.5 && v >= 1) this.clear++;
  }

  focus(cc: string): number {
    return this.maxVote ? (this.votes.get(cc) ?? 0) / this.maxVote : 0;
  }

  /** The focus the other mentions give a country (a name's own votes vouch for nothing). */
  focusOther(kv: Vote, cc: string): number {
    return this.maxVote ? ((this.votes.get(cc) ?? 0) - (kv.cc === cc ? kv.w : 0)) / this.maxVote : 0;
  }

  /** Does some country stand out by the other mentions (not this name's own votes)? */
  clearOther(kv: Vote): boolean {
    let out = false;
    for (const [cc, v] of this.votes) {
      const o = v - (kv.cc === cc ? kv.w : 0);
      if (o >= 1 && o / this.maxVote >= 0.5) out = true;
    }
    return out;
  }

  /** Do the other mentions speak of some country (a vote of 1 or more)? */
  othersSpeak(kv: Vote): boolean {
    for (const [cc, v] of this.votes) if (v - (kv.cc === cc ? kv.w : 0) >= 1) return true;
    return false;
  }

  private findAnchors(cands: readonly (readonly Cand[])[]): void {
    const set = new Set<GazEntry>();
    for (const list of cands) {
      if (!list.length) continue;
      let top = list[0];
      let topScore = top.prior + 3 * this.focus(top.e.country);
      for (let i = 1; i < list.length; i++) {
        const s = list[i].prior + 3 * this.focus(list[i].e.country);
        if (s > topScore) {
          top = list[i];
          topScore = s;
        }
      }
      if (!isCountry(top.e) && top.e.lat != null && this.focus(top.e.country) >= 0.3) set.add(top.e);
    }
    this.anchors = [...set];
  }

  private findKeyVotes(mentions: readonly Mention[]): void {
    const own = this.ownVote;
    for (let k = 0; k < mentions.length; k++) {
      const v = own[k];
      if (!v.w) continue;
      const key = mentions[k].key;
      const x = this.keyVote.get(key);
      if (x && x.cc === v.cc) x.w += v.w;
      else if (!x) this.keyVote.set(key, { cc: v.cc, w: v.w });
    }
  }

  /** Is an anchor other than e within 150 km of it? */
  near(e: GazEntry): boolean {
    for (const a of this.anchors) if (a !== e && Math.abs(a.lat! - e.lat!) < 1.5 && km(a, e) < 150) return true;
    return false;
  }
}
