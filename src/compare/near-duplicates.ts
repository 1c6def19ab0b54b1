// Syndicated copies: the same wire story republished with small edits or cuts. MinHash signatures
// over word 5-shingles, banded into an LSH index so that only likely pairs are compared. A copy that
// drops paragraphs has a low Jaccard similarity but a high containment (the share of the shorter
// text's shingles found in the longer one), estimated from Jaccard and the two shingle counts:
// |A∩B| = J(|A|+|B|)/(1+J). Pairs whose containment reaches the threshold are joined (union-find).

const SHINGLE = 5;
const HASHES = 96;
/** Texts shorter than this (in shingles) are never called copies: a few words say nothing. */
const MIN_SHINGLES = 20;
const BANDS = 48; // 2 rows a band: pairs at Jaccard 0.3 collide in some band with probability 0.99

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed, reproducible hash family: h_i(x) = (a_i * x + b_i) mod 2^32 with odd a_i.
const A = new Uint32Array(HASHES);
const B = new Uint32Array(HASHES);
{
  let seed = 0x9e3779b9;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  for (let i = 0; i < HASHES; i++) {
    A[i] = next() | 1;
    B[i] = next();
  }
}

export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? [];
}

export function signature(text: string): Uint32Array {
  return shingled(text).sig;
}

function shingled(text: string): { sig: Uint32Array; n: number } {
  const w = words(text);
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const n = Math.max(1, w.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const x = fnv1a(w.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < HASHES; k++) {
      const h = (Math.imul(A[k], x) + B[k]) >>> 0;
      if (h < sig[k]) sig[k] = h;
    }
  }
  return { sig, n };
}

/** Estimated share of the smaller shingle set found in the larger one. */
export function containment(jaccard: number, na: number, nb: number): number {
  return Math.min(1, (jaccard * (na + nb)) / ((1 + jaccard) * Math.min(na, nb)));
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

export interface DuplicateCluster {
  /** Document ids in the cluster, the representative (earliest published, then first seen) first. */
  ids: string[];
  /** Estimated containment of each member in the representative (or of the representative in it). */
  similarity: Record<string, number>;
}

/**
 * Clusters of near-duplicate documents (only clusters of two or more are returned).
 * @param threshold estimated containment of word 5-shingles at which two texts are copies
 */
export function nearDuplicates(docs: { id: string; text: string; published?: string | null }[], threshold = 0.75): DuplicateCluster[] {
  const sh = docs.map((d) => shingled(d.text));
  const sigs = sh.map((x) => x.sig);
  const score = (i: number, j: number) => containment(similarity(sigs[i], sigs[j]), sh[i].n, sh[j].n);
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const rows = HASHES / BANDS;
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < docs.length; i++) {
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sigs[i].subarray(b * rows, (b + 1) * rows)).join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  }
  const checked = new Set<string>();
  for (const list of buckets.values()) {
    if (list.length < 2) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x], j = list[y];
        const key = i < j ? `${i}:${j}` : `${j}:${i}`;
        if (checked.has(key)) continue;
        checked.add(key);
        if (Math.min(sh[i].n, sh[j].n) >= MIN_SHINGLES && score(i, j) >= threshold) parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < docs.length; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const out: DuplicateCluster[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    g.sort((i, j) => (docs[i].published ?? '9999').localeCompare(docs[j].published ?? '9999') || i - j);
    const rep = g[0];
    out.push({ ids: g.map((i) => docs[i].id), similarity: Object.fromEntries(g.map((i) => [docs[i].id, i === rep ? 1 : Math.round(score(rep, i) * 100) / 100])) });
  }
  return out;
}
