// The OpenAPI 3.1 description of the API, served at /api/openapi.json. The endpoints and their
// parameters are listed here; every record they take or return is generated from the one wire
// schema (src/store/wire.ts), the zod schemas that also type the store.
import { z } from 'zod';
import { CATEGORIES } from '../store/filters.js';
import { DEFAULT_LIMIT, DOCUMENT_SORTS, MAX_LIMIT } from '../store/store.js';
import { WIRE_SCHEMAS } from '../store/wire.js';
import { ITEM_KINDS, REVIEW_SCHEMAS } from '../store/review/wire.js';
import { REVIEW_STATUSES } from '../store/filters.js';

const REF = '#/components/schemas/';

/** The wire schemas as OpenAPI components (JSON Schema 2020-12, which OpenAPI 3.1 uses). */
export function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries({ ...WIRE_SCHEMAS, ...REVIEW_SCHEMAS })) registry.add(schema, { id });
  // io "input": objects stay open to fields added later, unless a schema is strict (request bodies).
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => REF + id, io: 'input', unrepresentable: 'any' });
  return JSON.parse(JSON.stringify(schemas), (key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      delete v.$schema;
      delete v.$id;
      // z.number().int() says "within the safe integers": true of every count here, and only noise.
      if (v.minimum === Number.MIN_SAFE_INTEGER) delete v.minimum;
      if (v.maximum === Number.MAX_SAFE_INTEGER) delete v.maximum;
    }
    return v;
  }) as Record<string, unknown>;
}

const str = { type: 'string' };
const int = { type: 'integer' };
const nstr = { type: ['string', 'null'] };
const q = (name: string, description: string, schema: object = str) => ({ name, in: 'query', required: false, description, schema });
const filterParams = [
  { ...q('category', `Claim category; repeat or comma-separate for several.`, { type: 'string', enum: [...CATEGORIES] }), style: 'form', explode: true },
  q('source', 'Claim source name or id contains this (case-insensitive).'),
  q('outlet', 'Outlet contains this (case-insensitive).'),
  q('place', 'Place name contains this, or a GeoNames id (digits).'),
  q('since', 'On or after this day (the claim’s date, else its article’s reference date).', { type: 'string', format: 'date' }),
  q('until', 'On or before this day.', { type: 'string', format: 'date' }),
  q('q', 'Claim text, counted group, source or place contains this.'),
  q('document', 'Only this document id.'),
  { ...q('reviewed', 'Review status; repeat or comma-separate for several. Default: every status but rejected.', { type: 'string', enum: [...REVIEW_STATUSES] }), style: 'form', explode: true },
];
const pagingParams = [
  q('limit', `Items per page, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`, { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
  q('offset', 'Items to skip.', { type: 'integer', minimum: 0, default: 0 }),
];
const compared = { documents: { type: 'integer', description: 'Documents compared' }, computedAt: { type: 'string', format: 'date-time', description: 'When the comparison was computed (it is cached until a document is stored)' } };
const ok = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: REF + 'Error' } } } });
const capped = { type: 'boolean', description: 'More than total match: the count stopped there (claims and documents are counted up to 1,000, or to the end of the page asked for)' };
const page = (ref: string) => ({ type: 'object', properties: { total: int, limit: int, offset: int, items: { type: 'array', items: { $ref: ref } }, capped }, required: ['total', 'limit', 'offset', 'items'] });

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sitrep ledger API',
      version: '0.1.0',
      description:
        'Claims (counts of people and vehicles), places, actors, statements, events and framing read from news reports, each with its source and its UTF-16 offsets [start, end) into the stored article text. Errors are JSON: {"error": {"status", "code", "message", "field"?}}.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Needed by write endpoints when the server was started with a token (always when it listens beyond loopback).' } },
      schemas: componentSchemas(),
    },
    paths: {
      '/api/documents': {
        get: {
          summary: 'List stored documents, newest first (or as sort says)',
          parameters: [q('outlet', 'Outlet contains this.'), q('q', 'Words of the title or text (full-text search in the database; every word, the last one as a prefix), or the exact id.'), q('sort', 'Order.', { type: 'string', enum: [...DOCUMENT_SORTS], default: 'published-desc' }), q('lang', 'Language code, exactly ("fr").'), q('since', 'Published on or after.', { type: 'string', format: 'date' }), q('until', 'Published on or before.', { type: 'string', format: 'date' }), ...pagingParams],
          responses: { '200': ok(page('#/components/schemas/DocumentSummary')), '400': err('Bad parameter') },
        },
        post: {
          summary: 'Analyse an article and store it (idempotent by text)',
          security: [{ bearer: [] }, {}],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: REF + 'NewDocument' } } } },
          responses: {
            '201': ok({ type: 'object', properties: { status: { const: 'added' }, id: str, url: str, lang: str, warning: nstr, counts: { type: 'object' } } }, 'Analysed and stored (a language Sitrep does not read: stored without items, with a warning)'),
            '200': ok({ type: 'object', properties: { status: { const: 'exists' }, id: str, url: str } }, 'The same text was already stored'),
            '400': err('Not JSON, or an unknown field'),
            '401': err('Token needed'),
            '403': err('Wrong token'),
            '413': err('Body or text too large'),
            '415': err('Not application/json'),
            '422': err('A field is missing or has the wrong type'),
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'One document: its text and every item with offsets',
          parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
          responses: { '200': ok({ $ref: REF + 'DocumentDetail' }), '404': err('No such document') },
        },
      },
      '/api/documents/{id}/reviews': {
        get: {
          summary: 'The analysts’ decisions on this document’s items and their history (who, when, old and new values, note), oldest first',
          parameters: [{ name: 'id', in: 'path', required: true, schema: str }, q('kind', 'Only items of this kind.', { type: 'string', enum: [...ITEM_KINDS] }), q('start', 'Only the item starting here.', int), q('end', 'Only the item ending here.', int)],
          responses: { '200': ok({ $ref: REF + 'DocumentReviews' }), '400': err('Bad parameter'), '404': err('No such document') },
        },
        post: {
          summary: 'Accept, reject or correct an item, or add one the machine missed; kept apart from the analysis and laid over it after every reanalysis',
          description: 'The reviewer is the owner of the token (serve --token-file), else the name given to serve --user. Send the version you saw to be told (409) when someone else changed the item meanwhile.',
          security: [{ bearer: [] }, {}],
          parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: REF + 'ReviewRequest' } } } },
          responses: {
            '200': ok({ $ref: REF + 'ReviewResult' }),
            '400': err('Bad body, fields, or a span outside the text'),
            '401': err('Token needed'),
            '403': err('Wrong token, or the database is read-only'),
            '404': err('No such document, or no item of that kind at that span'),
            '409': ok({ type: 'object', properties: { error: { $ref: REF + 'Error' }, current: { oneOf: [{ $ref: REF + 'Review' }, { type: 'null' }] } } }, 'The item changed since the version sent: the current decision'),
          },
        },
      },
      '/api/reviews/queue': {
        get: {
          summary: 'What to review next: accepted or corrected items a reanalysis no longer produces, then pending claims and events, largest figures first, then places; with a counter of what is done',
          parameters: [q('limit', 'Items, 1 to 1000 (default 50).', int), q('document', 'Only this document id.')],
          responses: { '200': ok({ $ref: REF + 'ReviewQueue' }) },
        },
      },
      '/api/claims': {
        get: { summary: 'Claims, newest day first, filtered and paged', parameters: [...filterParams, ...pagingParams], responses: { '200': ok(page('#/components/schemas/Claim')), '400': err('Bad parameter') } },
      },
      '/api/events': {
        get: {
          summary: 'Events (with movements’ origin and destination), newest day first, filtered and paged',
          parameters: [...filterParams.filter((p) => ['outlet', 'place', 'since', 'until', 'document', 'reviewed'].includes(p.name)), q('q', 'Event type, sub-type or article title contains this.'), ...pagingParams],
          responses: { '200': ok(page('#/components/schemas/Event')), '400': err('Bad parameter (category and source apply to claims, not events)') },
        },
      },
      '/api/places': {
        get: {
          summary: 'Places with mention and claim counts (with claim filters: only places with matching claims)',
          parameters: filterParams,
          responses: { '200': ok({ type: 'object', properties: { total: int, items: { type: 'array', items: { $ref: REF + 'PlaceAggregate' } } } }), '400': err('Bad parameter') },
        },
      },
      '/api/actors': {
        get: {
          summary: 'Actors by mentions',
          parameters: [q('q', 'Name or id contains this.'), pagingParams[0]],
          responses: { '200': ok({ type: 'object', properties: { total: int, items: { type: 'array', items: { $ref: REF + 'ActorAggregate' } } } }) },
        },
      },
      '/api/timeline': {
        get: { summary: 'Claims by day and category', parameters: filterParams, responses: { '200': ok({ type: 'object', properties: { days: { type: 'array', items: { $ref: REF + 'TimelineDay' } } } }), '400': err('Bad parameter') } },
      },
      '/api/export': {
        get: {
          summary: 'Claims, places or events as a file (CSV, GeoJSON or JSON Lines), with the same filters; in GeoJSON a movement with both ends placed is a LineString',
          parameters: [q('format', 'File format.', { type: 'string', enum: ['csv', 'geojson', 'jsonl'], default: 'csv' }), q('what', 'What to export.', { type: 'string', enum: ['claims', 'places', 'events'], default: 'claims' }), q('bom', 'CSV only: 1 starts the file with a UTF-8 byte order mark, for spreadsheet programs.', { type: 'string', enum: ['0', '1'] }), ...filterParams],
          responses: {
            '200': { description: 'The file, as an attachment', content: { 'text/csv': { schema: str }, 'application/geo+json': { schema: { type: 'object' } }, 'application/x-ndjson': { schema: str } } },
            '400': err('Bad parameter'),
          },
        },
      },
      '/api/compare/figures': {
        get: {
          summary: 'The figure board: groups of claims from several documents that report the same quantity, every source’s figure side by side',
          description: 'Computed over the whole store on first request and cached until POST /api/documents stores a document.',
          parameters: [
            { ...q('category', 'Only groups of this claim category; repeat or comma-separate for several.', { type: 'string', enum: [...CATEGORIES] }), style: 'form', explode: true },
            q('minReports', 'Only groups reported by at least this many distinct documents (copies counted once).', { type: 'integer', minimum: 1, default: 2 }),
            q('limit', `Groups per page, 1 to ${MAX_LIMIT} (default 50).`, { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 50 }),
            pagingParams[1],
          ],
          responses: {
            '200': ok({ type: 'object', properties: { ...compared, undated: { type: 'array', description: 'Documents with figures but no date, left out of the board', items: str }, total: int, limit: int, offset: int, items: { type: 'array', items: { $ref: '#/components/schemas/FigureGroup' } } } }),
            '400': err('Bad parameter'),
          },
        },
      },
      '/api/compare/framing': {
        get: {
          summary: 'The framing board: per outlet, the labels used for each target and the loaded terms, with counts and neutral alternatives',
          responses: { '200': ok({ type: 'object', properties: { ...compared, targets: { type: 'array', items: str }, categories: { type: 'array', items: str }, targetNames: { type: 'object', description: 'board target id → its name', additionalProperties: str }, neutralTerms: { type: 'array', description: 'term ids that name a side without judging it (government, army)', items: str }, outlets: { type: 'array', items: { $ref: '#/components/schemas/OutletFraming' } } } }) },
        },
      },
      '/api/compare/duplicates': {
        get: {
          summary: 'Syndicated copies: clusters of near-duplicate documents (the original first)',
          responses: { '200': ok({ type: 'object', properties: { ...compared, total: int, items: { type: 'array', items: { $ref: REF + 'DuplicateCluster' } } } }) },
        },
      },
      '/api/facets': { get: { summary: 'Values for filter menus: categories, outlets, sources, day range', responses: { '200': ok({ $ref: REF + 'Facets' }) } } },
      '/api/config': { get: { summary: 'Dashboard settings: optional tile URL, limits', responses: { '200': ok({ type: 'object' }) } } },
      '/api/health': { get: { summary: 'Liveness and counts', responses: { '200': ok({ type: 'object' }) } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': ok({ type: 'object' }) } } },
    },
  };
}
