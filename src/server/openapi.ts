// The OpenAPI 3 description of the API, served at /api/openapi.json.
import { CATEGORIES } from '../store/filters.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../store/store.js';

const str = { type: 'string' };
const nstr = { type: ['string', 'null'] };
const int = { type: 'integer' };
const nnum = { type: ['number', 'null'] };
const span = { type: 'object', properties: { start: int, end: int }, required: ['start', 'end'] };
const evidence = { type: 'array', items: { type: 'object', properties: { rule: str, span, note: str }, required: ['rule', 'span'] } };

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
];
const pagingParams = [
  q('limit', `Items per page, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`, { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
  q('offset', 'Items to skip.', { type: 'integer', minimum: 0, default: 0 }),
];
const movementEnd = { type: ['object', 'null'], properties: { name: str, geonameId: { type: ['integer', 'null'] }, lat: nnum, lon: nnum } };
const compared = { documents: { type: 'integer', description: 'Documents compared' }, computedAt: { type: 'string', format: 'date-time', description: 'When the comparison was computed (it is cached until a document is stored)' } };
const ok = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const page = (ref: string) => ({ type: 'object', properties: { total: int, limit: int, offset: int, items: { type: 'array', items: { $ref: ref } } }, required: ['total', 'limit', 'offset', 'items'] });

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
      schemas: {
        Error: {
          type: 'object',
          properties: { error: { type: 'object', properties: { status: int, code: str, message: str, field: str }, required: ['status', 'code', 'message'] } },
          required: ['error'],
        },
        DocumentSummary: {
          type: 'object',
          properties: {
            id: str,
            hash: { type: 'string', description: 'sha256 of the text; the same text is stored once' },
            title: nstr,
            outlet: nstr,
            published: nstr,
            url: nstr,
            referenceDate: nstr,
            lang: { type: ['string', 'null'], description: 'Language code the document was read in (its own lang, else detected); a language Sitrep does not read gives no items' },
            ingestedAt: str,
            chars: int,
            counts: { type: 'object', additionalProperties: int },
          },
        },
        DocumentDetail: {
          allOf: [
            { $ref: '#/components/schemas/DocumentSummary' },
            {
              type: 'object',
              properties: {
                text: { type: 'string', description: 'The article text, unmodified; every offset points into it.' },
                errors: { type: 'array', items: { type: 'object', properties: { stage: str, message: str } } },
                places: { type: 'array', items: { $ref: '#/components/schemas/Place' } },
                actors: { type: 'array', items: { type: 'object' } },
                statements: { type: 'array', items: { type: 'object' } },
                claims: { type: 'array', items: { $ref: '#/components/schemas/Claim' } },
                events: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
                framing: { type: 'array', items: { type: 'object' } },
                dates: { type: 'array', items: { type: 'object' } },
              },
            },
          ],
        },
        Place: {
          type: 'object',
          properties: { start: int, end: int, text: str, name: str, geonameId: { type: ['integer', 'null'] }, country: nstr, lat: nnum, lon: nnum, kind: str, precision: { type: 'integer', enum: [1, 2, 3], description: 'ACLED-style: 1 the place itself, 2 near or part of it, 3 its region' }, qualifier: nstr, evidence },
        },
        Claim: {
          type: 'object',
          properties: {
            id: { type: 'string', description: '<document id>#<index>' },
            documentId: str,
            start: int,
            end: int,
            text: str,
            quantity: { type: 'object', properties: { start: int, end: int, text: str } },
            value: { type: 'object', properties: { min: nnum, max: nnum, approx: { type: 'boolean' } } },
            category: { type: 'string', enum: [...CATEGORIES] },
            who: str,
            source: { type: ['object', 'null'], properties: { name: str, id: nstr, kind: nstr, start: { type: ['integer', 'null'] }, end: { type: ['integer', 'null'] } } },
            hedged: { type: 'boolean' },
            place: { type: ['object', 'null'], properties: { name: str, text: str, geonameId: { type: ['integer', 'null'] }, lat: nnum, lon: nnum, precision: { type: ['integer', 'null'] }, start: int, end: int } },
            date: nstr,
            day: nstr,
            outlet: nstr,
            title: nstr,
            published: nstr,
            evidence,
          },
        },
        Event: {
          type: 'object',
          properties: {
            id: str,
            documentId: str,
            type: { type: 'string', description: 'ACLED event type, or "Movements"' },
            subtype: str,
            actor1: { type: ['object', 'null'], properties: { id: str, name: str } },
            actor2: { type: ['object', 'null'], properties: { id: str, name: str } },
            place: { type: ['object', 'null'], properties: { name: str, geonameId: { type: ['integer', 'null'] }, country: nstr, lat: nnum, lon: nnum, precision: int } },
            date: nstr,
            day: nstr,
            timePrecision: { type: ['integer', 'null'], enum: [1, 2, 3, null] },
            fatalities: nnum,
            origin: { ...movementEnd, description: 'Movements: where people left from' },
            destination: { ...movementEnd, description: 'Movements: where people went' },
            claims: { type: 'array', items: int },
            sources: { type: 'array', items: str },
            outlet: nstr,
            evidence,
          },
        },
        FigureEntry: {
          type: 'object',
          properties: {
            docId: str,
            claim: { type: ['integer', 'null'], description: 'Index of the claim in its document (GET /api/documents/{id} → claims[claim])' },
            outlet: nstr,
            source: nstr,
            hedged: { type: 'boolean' },
            value: { type: 'object', properties: { min: nnum, max: nnum, approx: { type: 'boolean' } } },
            category: str,
            who: str,
            place: nstr,
            date: nstr,
            sentence: str,
            start: int,
            end: int,
            copyOf: { type: 'string', description: 'Set on a syndicated copy: the id of the document it copies' },
            outlier: { type: 'boolean' },
            vague: { type: 'boolean', description: 'A vague figure ("dozens"): never the range, the most conservative figure or an outlier' },
            part: { type: 'boolean', description: 'A count of a part of the toll ("including 11 children")' },
            partOf: { type: 'string', description: 'The whole a part breaks down, when its sentence gives it ("58 people")' },
          },
        },
        FigureGroup: {
          type: 'object',
          description: 'Claims from several documents that report the same quantity (category, compatible counted group, same place, overlapping days)',
          properties: {
            id: int,
            category: str,
            group: { type: 'string', description: 'The widest counted group of the entries (people, civilians, fighters...)' },
            place: { type: ['string', 'null'], description: 'The place the reports agree on, at the level they agree on' },
            placeLevel: { type: ['string', 'null'], enum: ['town', 'province', 'country', null] },
            from: nstr,
            until: nstr,
            parts: { type: 'array', description: 'Counts of a part of the toll (children, women, medics), shown under it', items: { $ref: '#/components/schemas/FigureEntry' } },
            reports: { type: 'integer', description: 'Distinct reports, syndicated copies counted once' },
            outlets: { type: 'array', items: str },
            sources: { type: 'array', items: str },
            spread: { type: ['number', 'null'], description: 'Highest figure / lowest figure' },
            rising: { type: 'boolean' },
            flags: { type: 'array', items: { type: 'string', enum: ['rising', 'disputed', 'outlier', 'denied'] } },
            mostConservative: { $ref: '#/components/schemas/FigureEntry' },
            mostRecent: { $ref: '#/components/schemas/FigureEntry' },
            entries: { type: 'array', items: { $ref: '#/components/schemas/FigureEntry' } },
            denials: { type: 'array', items: { type: 'object', properties: { docId: str, outlet: nstr, source: nstr, sentence: str, kind: { type: 'string', enum: ['figure', 'responsibility', 'counter-claim'] } } } },
          },
        },
        OutletFraming: {
          type: 'object',
          properties: {
            outlet: str,
            documents: { type: 'integer', description: 'Documents of the outlet, syndicated copies left out' },
            labels: { type: 'object', description: 'board target ("state-forces", "non-state-armed-groups", "foreign-forces", "civilians", "events") → term id (forms merged) → uses in the outlet’s own words', additionalProperties: { type: 'object', additionalProperties: int } },
            per100: { type: 'object', description: 'the same, per 100 documents of the outlet', additionalProperties: { type: 'object', additionalProperties: { type: 'number' } } },
            quoted: { type: 'object', description: 'term id → uses inside quotations (the speakers’ words, not counted as the outlet’s)', additionalProperties: int },
            terms: { type: 'object', description: 'lexicon category → term id → count', additionalProperties: { type: 'object', additionalProperties: int } },
            neutral: { type: 'object', description: 'term id → the neutral alternative', additionalProperties: str },
            examples: { type: 'object', description: 'term → up to 3 examples', additionalProperties: { type: 'array', items: { type: 'object', properties: { docId: str, start: int, end: int, text: str, sentence: str } } } },
          },
        },
        DuplicateCluster: {
          type: 'object',
          properties: {
            ids: { type: 'array', items: str, description: 'The original first, then its copies' },
            similarity: { type: 'object', additionalProperties: { type: 'number' } },
            documents: { type: 'array', items: { type: 'object', properties: { id: str, outlet: nstr, title: nstr, published: nstr } } },
          },
        },
        PlaceAggregate: {
          type: 'object',
          properties: { key: str, name: str, geonameId: { type: ['integer', 'null'] }, country: nstr, lat: nnum, lon: nnum, precision: int, kind: str, mentions: int, documents: int, claims: int, categories: { type: 'object', additionalProperties: int } },
        },
        ActorAggregate: { type: 'object', properties: { id: str, name: str, kind: str, country: nstr, mentions: int, documents: int, claims: int } },
        TimelineDay: { type: 'object', properties: { day: { type: 'string', format: 'date' }, claims: int, categories: { type: 'object', additionalProperties: int }, totals: { type: 'object', additionalProperties: { type: 'number' } } } },
        NewDocument: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: { id: { type: ['string', 'number'] }, text: { type: 'string', minLength: 1 }, published: { type: 'string', format: 'date' }, outlet: str, url: str, title: str, lang: { type: 'string', description: 'Language code ("en", "fr"); detected when absent' } },
        },
      },
    },
    paths: {
      '/api/documents': {
        get: {
          summary: 'List stored documents, newest first',
          parameters: [q('outlet', 'Outlet contains this.'), q('q', 'Title or id contains this.'), q('lang', 'Language code, exactly ("fr").'), q('since', 'Published on or after.', { type: 'string', format: 'date' }), q('until', 'Published on or before.', { type: 'string', format: 'date' }), ...pagingParams],
          responses: { '200': ok(page('#/components/schemas/DocumentSummary')), '400': err('Bad parameter') },
        },
        post: {
          summary: 'Analyse an article and store it (idempotent by text)',
          security: [{ bearer: [] }, {}],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewDocument' } } } },
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
          responses: { '200': ok({ $ref: '#/components/schemas/DocumentDetail' }), '404': err('No such document') },
        },
      },
      '/api/claims': {
        get: { summary: 'Claims, newest day first, filtered and paged', parameters: [...filterParams, ...pagingParams], responses: { '200': ok(page('#/components/schemas/Claim')), '400': err('Bad parameter') } },
      },
      '/api/events': {
        get: {
          summary: 'Events (with movements’ origin and destination), newest day first, filtered and paged',
          parameters: [...filterParams.filter((p) => ['outlet', 'place', 'since', 'until', 'document'].includes(p.name)), q('q', 'Event type, sub-type or article title contains this.'), ...pagingParams],
          responses: { '200': ok(page('#/components/schemas/Event')), '400': err('Bad parameter (category and source apply to claims, not events)') },
        },
      },
      '/api/places': {
        get: {
          summary: 'Places with mention and claim counts (with claim filters: only places with matching claims)',
          parameters: filterParams,
          responses: { '200': ok({ type: 'object', properties: { total: int, items: { type: 'array', items: { $ref: '#/components/schemas/PlaceAggregate' } } } }), '400': err('Bad parameter') },
        },
      },
      '/api/actors': {
        get: {
          summary: 'Actors by mentions',
          parameters: [q('q', 'Name or id contains this.'), pagingParams[0]],
          responses: { '200': ok({ type: 'object', properties: { total: int, items: { type: 'array', items: { $ref: '#/components/schemas/ActorAggregate' } } } }) },
        },
      },
      '/api/timeline': {
        get: { summary: 'Claims by day and category', parameters: filterParams, responses: { '200': ok({ type: 'object', properties: { days: { type: 'array', items: { $ref: '#/components/schemas/TimelineDay' } } } }), '400': err('Bad parameter') } },
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
          responses: { '200': ok({ type: 'object', properties: { ...compared, total: int, items: { type: 'array', items: { $ref: '#/components/schemas/DuplicateCluster' } } } }) },
        },
      },
      '/api/facets': { get: { summary: 'Values for filter menus: categories, outlets, sources, day range', responses: { '200': ok({ type: 'object' }) } } },
      '/api/config': { get: { summary: 'Dashboard settings: optional tile URL, limits', responses: { '200': ok({ type: 'object' }) } } },
      '/api/health': { get: { summary: 'Liveness and counts', responses: { '200': ok({ type: 'object' }) } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': ok({ type: 'object' }) } } },
    },
  };
}
