// The actor dictionary as a phrase index keyed on demand. Its ~10,000 aliases (the PETRARCH names)
// are grouped by their first key, each group kept as one JSON string; a group is parsed and put into
// the trie the first time a text has a unit with its key (a cold start on one article opens a few
// hundred of the groups), and an entry is parsed when an alias of it is keyed. Aliases with the same key sequence share their first key, so keying
// a group in its aliases' order keeps the trie's rule that the first alias added wins. A batch opens
// every group at load (core/on-demand.ts), as the eager index did. The index (its JSON as one Bytes,
// offsets and first keys) is kept in the compiled-lexicon cache (lexicons.bin) as built here; loaded
// from there, the JSON stays in the file and each group is read from it when opened.
import type { ActorKind } from '../../core/types.js';
import { Bytes } from '../../pipeline/compiled-cache.js';
import { PhraseIndex } from './units.js';

export interface DictActor {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  role?: string;
  /** 'exact': acronym, the text must be upper case; 'cap': the first content word must be capitalised. */
  caseMode: 'exact' | 'cap';
  source: 'hand' | 'petrarch';
  relation?: Record<string, string>;
  /** the entry's short aliases also name other countries' own bodies: after a country or demonym ("the Kenya
   * Red Cross", "the Turkish Red Crescent") they are that country's, not this entry */
  nationalBranches?: boolean;
}

/** One alias as the dictionary lists it: its keys (joined by spaces), its entry (number) and whether it is an acronym (exact case). */
export type Alias = [keys: string, entry: number, exact: boolean];

/** An alias as a group stores it: with its entry's fields (caseMode 'cap'). */
type Stored = [...Alias, DictActor];

/** The first key of an alias's keys ('' when it has none: such an alias matches nothing). */
const firstKey = (keys: string): string => {
  const sp = keys.indexOf(' ');
  return sp < 0 ? keys : keys.slice(0, sp);
};

export class DictIndex extends PhraseIndex<DictActor> {
  /** the groups' JSON (each a Stored[]), then each entry's JSON (a DictActor with caseMode 'cap', for byId) */
  private readonly blob: Bytes;
  /** every first key, in the order the eager index had them, joined by newlines */
  private readonly keyList: string;
  /** where group i's JSON starts in blob (and ends: i + 1) */
  private readonly groupAt: Int32Array;
  /** where entry i's JSON starts in blob (and ends: i + 1) */
  private readonly entryAt: Int32Array;
  // made on first use, not stored
  private groupOf: Map<string, number> | null = null;
  private opened: Uint8Array | null = null;
  private entries: (DictActor | undefined)[] | null = null;

  /** (see DictIndex.of) */
  constructor(blob: Bytes, keyList: string, groupAt: Int32Array, entryAt: Int32Array) {
    super();
    this.blob = blob;
    this.keyList = keyList;
    this.groupAt = groupAt;
    this.entryAt = entryAt;
  }

  /** Builds the groups from the entries and their aliases in the dictionary's order (the cache's build step). */
  static of(entries: readonly DictActor[], aliases: Iterable<Alias>): DictIndex {
    const groups = new Map<string, Alias[]>();
    for (const a of aliases) {
      const k = firstKey(a[0]);
      if (!k) continue;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(a);
    }
    const parts: Buffer[] = [];
    let at = 0;
    const put = (json: string): number => {
      const b = Buffer.from(json);
      parts.push(b);
      return (at += b.length);
    };
    const groupAt = new Int32Array(groups.size + 1);
    let i = 0;
    // each alias with its entry, so that opening a group reads one slice
    for (const g of groups.values()) groupAt[++i] = put(JSON.stringify(g.map(([k, e, x]): Stored => [k, e, x, entries[e]])));
    const entryAt = new Int32Array(entries.length + 1);
    entryAt[0] = at;
    entries.forEach((e, j) => (entryAt[j + 1] = put(JSON.stringify(e))));
    return new DictIndex(new Bytes(Buffer.concat(parts)), [...groups.keys()].join('\n'), groupAt, entryAt);
  }

  private text(from: number, to: number): string {
    return this.blob.text(from, to);
  }

  private groups(): Map<string, number> {
    if (this.groupOf) return this.groupOf;
    const m = new Map<string, number>();
    if (this.keyList) this.keyList.split('\n').forEach((k, i) => m.set(k, i));
    this.opened = new Uint8Array(m.size);
    return (this.groupOf = m);
  }

  /** Entry i as the dictionary has it (caseMode 'cap'). */
  private entry(i: number): DictActor {
    const cache = (this.entries ??= []);
    return (cache[2 * i] ??= JSON.parse(this.text(this.entryAt[i], this.entryAt[i + 1])) as DictActor);
  }

  /** Puts the aliases starting with `key` into the trie, on first use. */
  private open(key: string): void {
    const g = this.groups().get(key);
    if (g === undefined || this.opened![g]) return;
    this.opened![g] = 1;
    const cache = (this.entries ??= []);
    for (const [keys, entry, exact, actor] of JSON.parse(this.text(this.groupAt[g], this.groupAt[g + 1])) as Stored[]) {
      const at = 2 * entry + (exact ? 1 : 0);
      super.add(keys.split(' '), (cache[at] ??= exact ? { ...actor, caseMode: 'exact' } : actor));
    }
  }

  /** Keys every group (a batch: the text will ask for most of them). */
  openAll(): this {
    this.blob.load();
    for (const k of this.groups().keys()) this.open(k);
    return this;
  }

  override add(): boolean {
    throw new Error('DictIndex: built with DictIndex.of');
  }

  override matchesAt(units: readonly { key: string }[], i: number): { end: number; value: DictActor }[] {
    if (i < units.length) this.open(units[i].key);
    return super.matchesAt(units, i);
  }

  override longestAt(units: readonly { key: string }[], i: number): { end: number; value: DictActor } | null {
    if (i < units.length) this.open(units[i].key);
    return super.longestAt(units, i);
  }

  override has(key: string): boolean {
    return this.groups().has(key);
  }

  override firstKeys(): IterableIterator<string> {
    return this.groups().keys();
  }

  /** id → entry (the first one with that id, in the dictionary's order); parses every entry. */
  byId(): Map<string, DictActor> {
    const out = new Map<string, DictActor>();
    for (let i = 0; i + 1 < this.entryAt.length; i++) {
      const e = this.entry(i);
      if (!out.has(e.id)) out.set(e.id, e);
    }
    return out;
  }
}
