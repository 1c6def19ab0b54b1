// The OpenAPI document is generated from the wire schema: every record it names is there, every
// reference resolves, and a claim's fields are the ones the store returns.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/server/openapi.js';
import { ClaimRow } from '../../src/store/wire.js';

describe('OpenAPI document', () => {
  const doc = openApiDocument();
  const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown>; required?: string[] }>;

  it('resolves every $ref to a component', () => {
    const refs = new Set<string>();
    JSON.stringify(doc, (k, v) => {
      if (k === '$ref') refs.add(v);
      return v;
    });
    expect(refs.size).toBeGreaterThan(5);
    for (const r of refs) expect(schemas).toHaveProperty([r.replace('#/components/schemas/', '')]);
  });

  it('describes a claim with exactly the fields of the wire schema', () => {
    expect(Object.keys(schemas.Claim.properties!).sort()).toEqual(Object.keys(ClaimRow.shape).sort());
    expect(schemas.Claim.required).toContain('evidence');
    expect(JSON.stringify(doc)).not.toMatch(/\$schema|9007199254740991/);
  });

  it('keeps request bodies strict and responses open', () => {
    expect(schemas.NewDocument).toMatchObject({ additionalProperties: false, required: ['text'] });
    expect(schemas.Claim).not.toHaveProperty('additionalProperties');
  });
});
