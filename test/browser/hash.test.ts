// The dashboard's URL-hash state (web/hash.js), without a browser: what a hash reads as, that a state
// written and read back is the same, and the ledger filters as an API query.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module of the dashboard
import { filterQuery, hashOf, readHash } from '../../web/hash.js';

describe('readHash', () => {
  it.each([
    ['', { view: 'ledger', events: false, min: 2, page: 0, category: [], outlet: '', doc: null }],
    ['view=figures&min=5&fpage=2', { view: 'figures', min: 5, fpage: 2 }],
    ['category=killed&category=injured&outlet=Daily%20Star', { category: ['killed', 'injured'], outlet: 'Daily Star' }],
    // malformed or unknown values fall back to their defaults
    ['view=nowhere&min=-3&page=abc&fpage=-1', { view: 'ledger', min: 1, page: 0, fpage: 0 }],
    ['min=0', { min: 2 }],
    ['events=yes', { events: false }],
  ])('reads %j', (hash, expected) => {
    expect(readHash(hash)).toMatchObject(expected);
  });
});

describe('hashOf', () => {
  it('leaves defaults out, so the first view has an empty hash', () => {
    expect(hashOf(readHash(''))).toBe('');
  });
  it.each([
    'view=figures&fcat=killed&min=3',
    'events=1&category=killed&source=the+ministry&since=2016-12-01&until=2016-12-31&page=2',
    'q=buses&doc=d1&claim=4',
  ])('gives back %j once read', (hash) => {
    expect(hashOf(readHash(hash))).toBe(hash);
  });
  it('drops a claim without its document', () => {
    expect(hashOf({ ...readHash(''), claim: '3' })).toBe('');
  });
});

describe('filterQuery', () => {
  const state = readHash('category=killed&outlet=Herald&since=2016-12-01&until=2016-12-05&page=3&view=ledger&doc=x');
  it('keeps only the ledger filters', () => {
    expect(filterQuery(state).toString()).toBe('category=killed&outlet=Herald&since=2016-12-01&until=2016-12-05');
  });
  it('leaves the days out when asked (the timeline shows every day)', () => {
    expect(filterQuery(state, { days: false }).toString()).toBe('category=killed&outlet=Herald');
  });
});
