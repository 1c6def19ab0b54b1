// The actor dictionary as a phrase index keyed on demand. Its ~10,000 aliases (the PETRARCH names)
// are grouped by their first key, each group kept as one JSON string; a group is parsed and put into
// the trie the first time a text has a unit with its key (a cold start on one article opens a few
// hundred of the groups), and an entry is parsed when an alias of it is keyed. Aliases with the same key sequence share their first key, so keying
// a group in its aliases' order keeps the trie's rule that the first alias added wins. A batch opens
// every group at load (core/on-demand.ts), as the eager index did. The index (one byte array of JSON,
// its offsets and the first keys) is kept in the compiled-lexicon cache (lexicons.bin) as built here.
import type { ActorKind } from '../../core/types.js';
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
}

/** One alias as the dictionary lists it: its keys (joined by spaces), its entry (number) and whether it is an acronym (exact case). */
export type Alias = [keys: string, entry: number, exact: boolean];

/** The first key of an alias's keys ('' when it has none: such an alias matches nothing). */
const firstKey = (keys: string): string => {
  const sp = keys.indexOf(' ');
  return sp < 0 ? keys : keys.slice(0, sp);
};

export class DictIndex extends PhraseIndex<DictActor> {
  /** the groups' JSON (each an Alias[] without the first key's group), then each entry's JSON (a DictActor with caseMode 'cap') */
  private readonly blob: Uint8Array;
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
  constructor(blob: Uint8Array, keyList: string, groupAt: Int32Array, entryAt: Int32Array) {
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
    for (const g of groups.values()) groupAt[++i] = put(JSON.stringify(g));
    const entryAt = new Int32Array(entries.length + 1);
    entryAt[0] = at;
    entries.forEach((e, j) => (entryAt[j + 1] = put(JSON.stringify(e))));
    return new DictIndex(new Uint8Array(Buffer.concat(parts)), [...groups.keys()].join('\n'), groupAt, entryAt);
  }

  private text(from: number, to: number): string {
    return Buffer.from(this.blob.buffer, this.blob.byteOffset + from, to - from).toString('utf8');
  }

  private groups(): Map<string, number> {
    if (this.groupOf) return this.groupOf;
    const m = new Map<string, number>();
    if (this.keyList) this.keyList.split('\n').forEach((k, i) => m.set(k, i));
    this.opened = new Uint8Array(m.size);
    return (this.groupOf = m);
  }

  /** Entry i, with the case mode of an alias. */
  private entry(i: number, exact: boolean): DictActor {
    const cache = (this.entries ??= []);
    const at = 2 * i + (exact ? 1 : 0);
    let e = cache[at];
    if (!e) {
      e = exact ? { ...this.entry(i, false), caseMode: 'exact' } : (JSON.parse(this.text(this.entryAt[i], this.entryAt[i + 1])) as DictActor);
      cache[at] = e;
    }
    return e;
  }

  /** Puts the aliases starting with `key` into the trie, on first use. */
  private open(key: string): void {
    const g = this.groups().get(key);
    if (g === undefined || this.opened![g]) return;
    this.opened![g] = 1;
    for (const [keys, entry, exact] of JSON.parse(this.text(this.groupAt[g], this.groupAt[g + 1])) as Alias[]) super.add(keys.split(' '), this.entry(entry, exact));
  }

  /** Keys every group (a batch: the text will ask for most of them). */
  openAll(): this {
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
      const e = this.entry(i, false);
      if (!out.has(e.id)) out.set(e.id, e);
    }
    return out;
  }
}
