/**
 * docs/openapi.json against the truth, three ways:
 *  - its component schemas against the TypeScript response types (server/src/types.ts and the
 *    render and JSON-LD types it re-exports), property by property, so neither can drift;
 *  - every content-API route the plugin registers against the document's paths, both ways;
 *  - real responses of the playground (status, content type, required headers, body) against
 *    the response the document gives for that path and status, with ajv in strict mode.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import * as ts from 'typescript';
import { DB, apiToken, startStrapi, type TestApp } from './helpers/strapi';
import { newsroom, fillPlaceholders } from './helpers/newsroom';
import { PUBLIC_ACTIONS } from '../../playground/src/public-permissions';

const ROOT = path.resolve(__dirname, '..', '..');
const DOC_FILE = path.join(ROOT, 'docs', 'openapi.json');
const TYPES_FILE = path.join(ROOT, 'server', 'src', 'types.ts');
const doc = JSON.parse(fs.readFileSync(DOC_FILE, 'utf8'));

const SLUG = 'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia';
/** A seeded stub that the story's second Baca Juga link points to, so it has a backlink. */
const TARGET_SLUG = 'as-serukan-hal-mencekam-ini-ke-rusia';
/** The story's two Baca Juga targets, in reading order. */
const LINKED_SLUGS = ['kenal-lewat-aplikasi-gadis-palembang-dinikahi-bule-rusia', TARGET_SLUG];
const PREVIEW_ACTION = 'plugin::newsroom.preview.draft';
const DOC_ID = 'openapi.json';

// ---------------------------------------------------------------------------------------------
// The document, loaded into ajv

const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats(ajv);
// OpenAPI's `discriminator` (with `mapping`) is an annotation here; `oneOf` does the checking,
// and a test below checks that the mapping agrees with the branches.
ajv.addKeyword({ keyword: 'discriminator', schemaType: 'object' });
// The document's own top-level fields, so that ajv can hold the whole document as the root that
// `#/components/...` references resolve in.
ajv.addVocabulary(Object.keys(doc).filter((key) => !key.startsWith('$')));
ajv.addSchema(doc, DOC_ID);

const escapePointer = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~');

const nodeAt = (pointer: string): any => {
  if (!pointer.startsWith('#/')) throw new Error(`not a local reference: ${pointer}`);
  let node: any = doc;
  for (const part of pointer.slice(2).split('/').map(unescapePointer)) {
    if (node === undefined || node === null) break;
    node = node[part];
  }
  return node;
};

/** Follows `$ref`s from a pointer; returns where it ended and what is there. */
const resolve = (pointer: string): { pointer: string; node: any } => {
  let node = nodeAt(pointer);
  for (let hops = 0; node && typeof node.$ref === 'string'; hops++) {
    if (hops > 10) throw new Error(`$ref loop at ${pointer}`);
    pointer = node.$ref;
    node = nodeAt(pointer);
  }
  return { pointer, node };
};

const validatorAt = (pointer: string) => {
  const validate = ajv.getSchema(DOC_ID + pointer);
  if (!validate) throw new Error(`no schema at ${pointer}`);
  return validate;
};

const errorsOf = (pointer: string, value: unknown): string[] => {
  const validate = validatorAt(pointer);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e) => `${pointer}: ${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`
  );
};

// ---------------------------------------------------------------------------------------------
// Real responses against the document

interface Response {
  status: number;
  body: any;
  headers: Headers;
}

/** Problems of one real response against the operation `get <template>` of the document. */
const conformance = (template: string, res: Response): string[] => {
  const where = `GET ${template} -> ${res.status}`;
  const operation = doc.paths?.[template]?.get;
  if (!operation) return [`${where}: no such operation in docs/openapi.json`];
  if (!(String(res.status) in operation.responses)) {
    return [`${where}: status not documented (body ${JSON.stringify(res.body)?.slice(0, 300)})`];
  }
  const problems: string[] = [];
  const response = resolve(`#/paths/${escapePointer(template)}/get/responses/${res.status}`);

  for (const [name, header] of Object.entries<any>(response.node.headers ?? {})) {
    const resolved = resolve(`${response.pointer}/headers/${escapePointer(name)}`);
    const value = res.headers.get(name);
    if (value === null) {
      if (header.required || resolved.node.required) problems.push(`${where}: no ${name} header`);
      continue;
    }
    problems.push(...errorsOf(`${resolved.pointer}/schema`, value).map((e) => `${where}: ${e}`));
  }

  const content = response.node.content;
  if (!content) {
    if (res.body !== null) problems.push(`${where}: documented without a body, got one`);
    return problems;
  }
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  if (!(mediaType in content)) {
    return [...problems, `${where}: content type ${mediaType} not documented`];
  }
  const schemaPointer = `${response.pointer}/content/${escapePointer(mediaType)}/schema`;
  problems.push(...errorsOf(schemaPointer, res.body).map((e) => `${where}: ${e}`));
  return problems;
};

// ---------------------------------------------------------------------------------------------
// TypeScript types against the component schemas

const INTERNAL_TYPES = ['ArticleRow', 'LinkRow', 'QuoteRow', 'BacklinkRow'];
/** Exported response types, each documented by the component schema of the same name. */
const DOCUMENTED_TYPES = [
  'ArticleSummary',
  'ArticleListResponse',
  'Pagination',
  'ArticleResponse',
  'SlugRedirectResponse',
  'ReaderEventsResponse',
  'RenderedArticle',
  'RenderedTarget',
  'RenderedParagraph',
  'RenderedBacaJuga',
  'RenderedBlock',
  'RenderedQuote',
  'RenderedBacklink',
  'RenderedTranslation',
  'RelatedItem',
  'RelatedResponse',
  'NewsArticleJsonLd',
  'JsonLdOrganization',
  'JsonLdPerson',
  'JsonLdQuotation',
  'JsonLdWork',
  'ErrorResponse',
];
/** Type aliases documented under another name. */
const ALIASED_TYPES: Record<string, string> = { ArticleJsonLdResponse: 'NewsArticleJsonLd' };

const loadTypes = () => {
  const program = ts.createProgram([TYPES_FILE], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(TYPES_FILE)!)!;
  const types = new Map<string, ts.Type>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    types.set(exported.getName(), checker.getDeclaredTypeOfSymbol(symbol));
  }
  return { checker, types };
};

const schemaName = (schema: any): string | undefined =>
  typeof schema?.$ref === 'string' ? schema.$ref.split('/').pop() : undefined;

const derefSchema = (schema: any): any =>
  typeof schema?.$ref === 'string' ? resolve(schema.$ref).node : schema;

const isTypeBranch = (s: any) =>
  s && (s.$ref !== undefined || s.type !== undefined || s.const !== undefined || s.enum);

/** The alternatives a schema allows, `null` apart: [{ name?, schema }]. */
const alternativesOf = (
  raw: any
): { nullable: boolean; alts: { name?: string; schema: any }[] } => {
  const schema = derefSchema(raw);
  const branches = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(branches) && branches.every(isTypeBranch)) {
    const alts = branches
      .filter((b: any) => b.type !== 'null')
      .map((b: any) => ({ name: schemaName(b), schema: derefSchema(b) }));
    return { nullable: alts.length < branches.length, alts };
  }
  if (Array.isArray(schema.type)) {
    const rest = schema.type.filter((t: string) => t !== 'null');
    const nullable = rest.length < schema.type.length;
    if (rest.length === 0) return { nullable, alts: [] };
    return { nullable, alts: [{ name: schemaName(raw), schema: { ...schema, type: rest[0] } }] };
  }
  if (schema.type === 'null') return { nullable: true, alts: [] };
  return { nullable: false, alts: [{ name: schemaName(raw), schema }] };
};

/** Differences between a TypeScript type and a schema, as readable lines. */
const typeDrift = (checker: ts.TypeChecker, type: ts.Type, raw: any, where: string): string[] => {
  const members = (type.isUnion() ? type.types : [type]).filter(
    (t) => !(t.flags & ts.TypeFlags.Undefined)
  );
  const nullInType = members.some((t) => t.flags & ts.TypeFlags.Null);
  const rest = members.filter((t) => !(t.flags & ts.TypeFlags.Null));
  const { nullable, alts } = alternativesOf(raw);
  const problems: string[] = [];
  if (nullInType !== nullable) {
    problems.push(`${where}: TypeScript ${nullInType ? 'allows' : 'does not allow'} null`);
  }
  if (rest.length === 0) {
    return alts.length ? [...problems, `${where}: TypeScript says null only`] : problems;
  }

  if (rest.every((t) => t.isStringLiteral() || t.isNumberLiteral())) {
    const literals = rest.map((t) => (t as ts.LiteralType).value).sort();
    const allowed = alts
      .flatMap(({ schema }) => (schema.const !== undefined ? [schema.const] : (schema.enum ?? [])))
      .sort();
    if (JSON.stringify(literals) !== JSON.stringify(allowed)) {
      problems.push(
        `${where}: TypeScript ${JSON.stringify(literals)}, schema ${JSON.stringify(allowed)}`
      );
    }
    return problems;
  }

  // `boolean` is the union `true | false` to the checker.
  if (rest.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) {
    if (!alts.some(({ schema }) => schema.type === 'boolean')) {
      problems.push(`${where}: TypeScript boolean, schema ${alts.map((a) => a.name).join(' | ')}`);
    }
    return problems;
  }

  if (rest.length > 1) {
    const names = rest.map((t) => t.aliasSymbol?.getName() ?? t.getSymbol()?.getName());
    const altNames = alts.map((a) => a.name);
    if (JSON.stringify([...names].sort()) !== JSON.stringify([...altNames].sort())) {
      return [
        ...problems,
        `${where}: TypeScript ${names.join(' | ')}, schema ${altNames.join(' | ')}`,
      ];
    }
    rest.forEach((t, i) => {
      const alt = alts.find((a) => a.name === names[i])!;
      problems.push(...typeDrift(checker, t, alt.schema, `${where}<${names[i]}>`));
    });
    return problems;
  }

  const [t] = rest;
  if (alts.length !== 1) return [...problems, `${where}: schema has ${alts.length} alternatives`];
  const schema = alts[0].schema;
  if (t.flags & ts.TypeFlags.String) {
    if (schema.type !== 'string' || schema.const !== undefined || schema.enum) {
      problems.push(`${where}: TypeScript string, schema ${JSON.stringify(schema)}`);
    }
  } else if (t.flags & ts.TypeFlags.Number) {
    if (schema.type !== 'number' && schema.type !== 'integer') {
      problems.push(`${where}: TypeScript number, schema type ${schema.type}`);
    }
  } else if (t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) {
    // anything goes
  } else if (checker.isArrayType(t)) {
    if (schema.type !== 'array')
      return [...problems, `${where}: TypeScript array, schema ${schema.type}`];
    const [item] = checker.getTypeArguments(t as ts.TypeReference);
    problems.push(...typeDrift(checker, item, schema.items, `${where}[]`));
  } else if (t.flags & ts.TypeFlags.Object) {
    if (schema.type !== 'object')
      return [...problems, `${where}: TypeScript object, schema ${schema.type}`];
    const properties = checker.getPropertiesOfType(t);
    if (properties.length === 0 && checker.getIndexInfosOfType(t).length > 0) {
      if (schema.additionalProperties === false) problems.push(`${where}: a record, schema closed`);
      return problems;
    }
    if (schema.additionalProperties !== false) {
      problems.push(`${where}: schema does not set additionalProperties: false`);
    }
    const names = properties.map((p) => p.getName()).sort();
    const documented = Object.keys(schema.properties ?? {}).sort();
    if (JSON.stringify(names) !== JSON.stringify(documented)) {
      problems.push(`${where}: TypeScript properties ${names}, schema properties ${documented}`);
    }
    const required = properties
      .filter((p) => !(p.flags & ts.SymbolFlags.Optional))
      .map((p) => p.getName())
      .sort();
    if (JSON.stringify(required) !== JSON.stringify([...(schema.required ?? [])].sort())) {
      problems.push(
        `${where}: TypeScript requires ${required}, schema requires ${schema.required}`
      );
    }
    for (const property of properties) {
      const documentedProperty = schema.properties?.[property.getName()];
      if (!documentedProperty) continue;
      problems.push(
        ...typeDrift(
          checker,
          checker.getTypeOfSymbol(property),
          documentedProperty,
          `${where}.${property.getName()}`
        )
      );
    }
  } else {
    problems.push(
      `${where}: TypeScript type ${checker.typeToString(t)} not understood by this test`
    );
  }
  return problems;
};

describe('docs/openapi.json as a document', () => {
  it('is OpenAPI 3.1 and every $ref in it resolves', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    const broken: string[] = [];
    const walk = (node: any, at: string) => {
      if (!node || typeof node !== 'object') return;
      if (typeof node.$ref === 'string' && nodeAt(node.$ref) === undefined) {
        broken.push(`${at}: ${node.$ref}`);
      }
      for (const [key, value] of Object.entries(node)) walk(value, `${at}/${escapePointer(key)}`);
    };
    walk(doc, '#');
    expect(broken).toEqual([]);
  });

  it('compiles every component schema in ajv strict mode', () => {
    const names = Object.keys(doc.components.schemas);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names)
      expect(() => validatorAt(`#/components/schemas/${name}`)).not.toThrow();
  });

  it('maps each body block type to the oneOf branch whose `type` is that constant', () => {
    const block = doc.components.schemas.RenderedBlock;
    const { propertyName, mapping } = block.discriminator;
    expect(Object.values(mapping).sort()).toEqual(block.oneOf.map((b: any) => b.$ref).sort());
    for (const [value, target] of Object.entries<string>(mapping)) {
      const branch = resolve(target).node;
      expect(branch.properties[propertyName]).toEqual({ const: value });
      expect(branch.required).toContain(propertyName);
    }
  });

  it('rejects responses that drift from the contract (the schemas are strict)', () => {
    const article =
      doc.paths['/api/newsroom/articles/{slug}'].get.responses['200'].content['application/json']
        .example;
    const pointer = '#/components/schemas/ArticleResponse';
    expect(errorsOf(pointer, article)).toEqual([]);

    const mutants: [string, (a: any) => void][] = [
      ['an extra field', (a) => (a.data.extra = 1)],
      ['a missing field', (a) => delete a.data.linkedFrom],
      ['an unknown block type', (a) => (a.data.body[0].type = 'image')],
      ['a paragraph without text', (a) => delete a.data.body[0].text],
      ['a link with an extra field', (a) => (a.data.body[1].id = 'p-1')],
      ['an undefined quote kind', (a) => (a.data.quotes[0].kind = 'indirect')],
      ['a non-date reportedAt', (a) => (a.data.reportedAt = '13 November 2024')],
      ['an absolute article href', (a) => (a.data.href = 'https://evil.example/x')],
    ];
    for (const [what, mutate] of mutants) {
      const copy = structuredClone(article);
      mutate(copy);
      expect({ what, valid: errorsOf(pointer, copy).length === 0 }).toEqual({ what, valid: false });
    }
  });

  it('rejects related entries that break the contract (editors first, suggestions internal)', () => {
    const related =
      doc.paths['/api/newsroom/articles/{slug}/related'].get.responses['200'].content[
        'application/json'
      ].example;
    const pointer = '#/components/schemas/RelatedResponse';
    expect(errorsOf(pointer, related)).toEqual([]);
    const suggestion = related.data.findIndex((item: any) => item.source === 'suggestion');
    expect(suggestion).toBeGreaterThan(0);

    const mutants: [string, (r: any) => void][] = [
      ['an unknown source', (r) => (r.data[0].source = 'engine')],
      ['an editor link with a score', (r) => (r.data[0].score = 1.5)],
      ['an editor link with matched terms', (r) => (r.data[0].matchedTerms = ['rusia'])],
      ['a suggestion without a target', (r) => (r.data[suggestion].target = null)],
      ['a suggestion without a score', (r) => (r.data[suggestion].score = null)],
      ['a suggestion with an absolute href', (r) => (r.data[suggestion].href = 'https://x.id/a')],
      ['an extra field', (r) => (r.data[0].position = 1)],
      ['a limit above 20', (r) => (r.meta.limit = 21)],
    ];
    for (const [what, mutate] of mutants) {
      const copy = structuredClone(related);
      mutate(copy);
      expect({ what, valid: errorsOf(pointer, copy).length === 0 }).toEqual({ what, valid: false });
    }
  });
});

describe('docs/openapi.json against the TypeScript types', () => {
  const { checker, types } = loadTypes();

  it('documents every exported response type, or knows it is internal', () => {
    const exported = [...types.keys()].sort();
    const known = [...DOCUMENTED_TYPES, ...INTERNAL_TYPES, ...Object.keys(ALIASED_TYPES)];
    expect(exported.filter((name) => !known.includes(name) && name !== 'ArticleListSort')).toEqual(
      []
    );
    expect(DOCUMENTED_TYPES.filter((name) => !types.has(name))).toEqual([]);
    expect(DOCUMENTED_TYPES.filter((name) => !doc.components.schemas[name])).toEqual([]);
  });

  it.each([...DOCUMENTED_TYPES, ...Object.keys(ALIASED_TYPES)])(
    '%s has the same properties, optionality, nullability and literals as its schema',
    (name) => {
      const schema = { $ref: `#/components/schemas/${ALIASED_TYPES[name] ?? name}` };
      expect(typeDrift(checker, types.get(name)!, schema, name)).toEqual([]);
    }
  );

  it('accepts every ArticleListSort value in the list route`s sort parameter', () => {
    const sortType = types.get('ArticleListSort')!;
    const values = (sortType.isUnion() ? sortType.types : [sortType]).map(
      (t) => (t as ts.StringLiteralType).value
    );
    expect(values.length).toBeGreaterThan(1);
    const sort = doc.paths['/api/newsroom/articles'].get.parameters.find(
      (p: any) => p.name === 'sort'
    );
    expect(sort.schema.enum).toEqual(expect.arrayContaining(values));
    expect(sort.schema.default).toBe('publishedAt:desc');
  });
});

describe(`docs/openapi.json against the running plugin (${DB})`, () => {
  let app: TestApp;
  let preview: Record<string, string>;

  beforeAll(async () => {
    app = await startStrapi();
    // The seed's Baca Juga targets, written and published: links to live stories.
    await fillPlaceholders(app.strapi);
    preview = await apiToken(app, 'full-access');
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** `get` plus the check of the real response against the document. */
  const call = async (
    template: string,
    url: string,
    headers?: Record<string, string>,
    redirect: RequestRedirect = 'follow'
  ) => {
    const res = await app.request(url, { headers, redirect });
    expect(conformance(template, res)).toEqual([]);
    return res;
  };

  const expectParameterError = (res: Response, param: string) => {
    expect(res.status).toBe(400);
    expect(res.body.error.details.param).toBe(param);
    expect(res.body.error.message.startsWith(`${param}: `)).toBe(true);
  };

  it('documents every content-API route the plugin registers, and no other', () => {
    const routers = app.strapi.plugin('newsroom').routes as unknown as Record<
      string,
      {
        type?: string;
        prefix?: string;
        routes: { method: string; path: string; config?: { prefix?: string } }[];
      }
    >;
    const registered: string[] = [];
    for (const router of Object.values(routers)) {
      if (router.type !== 'content-api') continue;
      for (const route of router.routes) {
        const prefix = route.config?.prefix ?? router.prefix ?? '/newsroom';
        const template = `/api${prefix}${route.path}`.replace(/:(\w+)/g, '{$1}');
        registered.push(`${route.method.toLowerCase()} ${template}`);
      }
    }
    expect(registered.length).toBeGreaterThanOrEqual(10);

    const documented = Object.entries<any>(doc.paths).flatMap(([template, item]) =>
      ['get', 'put', 'post', 'delete', 'patch']
        .filter((method) => item[method])
        .map((method) => `${method} ${template}`)
    );
    expect([...registered].sort()).toEqual([...documented].sort());
  });

  it("opens every read route's action to the playground's Public role, as docs/API.md lists them", () => {
    const routers = app.strapi.plugin('newsroom').routes as unknown as Record<
      string,
      { type?: string; routes: { handler: string; config?: { auth?: unknown } }[] }
    >;
    const actions = Object.values(routers)
      .filter((router) => router.type === 'content-api')
      .flatMap((router) => router.routes)
      // No action: /ping (auth: false). Never public: the draft preview.
      .filter((route) => route.config?.auth !== false && route.handler !== 'preview.draft')
      .map((route) =>
        route.handler.startsWith('plugin::') ? route.handler : `plugin::newsroom.${route.handler}`
      );
    const documentedActions = [
      ...fs
        .readFileSync(path.join(ROOT, 'docs', 'API.md'), 'utf8')
        .matchAll(/^\| `(plugin::newsroom\.[\w.-]+)` +\|/gm),
    ].map((m) => m[1]);
    expect([...new Set(actions)].sort()).toEqual([...PUBLIC_ACTIONS].sort());
    expect([...documentedActions].sort()).toEqual([...PUBLIC_ACTIONS].sort());
  });

  it('GET /articles: the list, and the list with q and tag', async () => {
    const all = await call('/api/newsroom/articles', '/api/newsroom/articles');
    expect(all.status).toBe(200);
    expect(all.body.data.length).toBeGreaterThanOrEqual(3);

    const found = await call(
      '/api/newsroom/articles',
      '/api/newsroom/articles?q=korea%20rusia&tag=rusia&sort=title:asc&pageSize=5'
    );
    expect(found.status).toBe(200);
    expect(found.body.data.map((a: any) => a.slug)).toEqual([SLUG]);
    expect(found.body.meta.pagination).toEqual({ page: 1, pageSize: 5, pageCount: 1, total: 1 });
  });

  it('GET /articles/{slug}: paragraphs, Baca Juga blocks, quotes and backlinks', async () => {
    const story = await call('/api/newsroom/articles/{slug}', `/api/newsroom/articles/${SLUG}`);
    expect(story.status).toBe(200);
    const types = new Set(story.body.data.body.map((b: any) => b.type));
    expect(types).toEqual(new Set(['paragraph', 'baca-juga']));
    expect(story.body.data.quotes.length).toBeGreaterThan(0);

    const target = await call(
      '/api/newsroom/articles/{slug}',
      `/api/newsroom/articles/${TARGET_SLUG}`
    );
    expect(target.status).toBe(200);
    expect(target.body.data.linkedFrom.map((l: any) => l.slug)).toEqual([SLUG]);
  });

  it('GET /articles/{slug}/jsonld: a NewsArticle with quotations by people and agencies', async () => {
    const res = await call(
      '/api/newsroom/articles/{slug}/jsonld',
      `/api/newsroom/articles/${SLUG}/jsonld`
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const creators = new Set(res.body.hasPart.map((q: any) => q.creator?.['@type']));
    expect(creators).toEqual(new Set(['Person', 'Organization', undefined]));
    expect(res.body.hasPart.some((q: any) => q.publisher)).toBe(true);
  });

  it("GET /articles/{slug}/related: the editors' links in reading order, then suggestions", async () => {
    const editors = await call(
      '/api/newsroom/articles/{slug}/related',
      `/api/newsroom/articles/${SLUG}/related`
    );
    expect(editors.status).toBe(200);
    // The playground holds only the story and its two link targets: nothing left to suggest.
    expect(editors.body.data.map((r: any) => [r.source, r.target?.slug])).toEqual(
      LINKED_SLUGS.map((slug) => ['editor', slug])
    );
    expect(editors.body.meta).toEqual({ limit: 5, editor: 2, suggestion: 0 });

    // A published story on the same subject (not matching the list test's q and tag).
    await newsroom(app.strapi).createArticle({
      title: 'Pyongyang Ratifikasi Pakta Pertahanan',
      tags: ['Korea Utara'],
      reportedAt: '2024-11-12',
      paragraphs: [
        'Parlemen Korea Utara meratifikasi perjanjian pertahanan dengan Rusia yang ditandatangani Presiden Vladimir Putin.',
      ],
    });
    const res = await call(
      '/api/newsroom/articles/{slug}/related',
      `/api/newsroom/articles/${SLUG}/related?limit=3`
    );
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ limit: 3, editor: 2, suggestion: 1 });
    const [suggested] = res.body.data.slice(2);
    expect(suggested).toMatchObject({
      source: 'suggestion',
      label: 'Pyongyang Ratifikasi Pakta Pertahanan',
      href: '/berita/pyongyang-ratifikasi-pakta-pertahanan',
      sharedTags: ['Korea Utara'],
    });
    expect(suggested.score).toBeGreaterThan(0);
    expect(suggested.matchedTerms.length).toBeGreaterThan(0);

    const one = await call(
      '/api/newsroom/articles/{slug}/related',
      `/api/newsroom/articles/${SLUG}/related?limit=1`
    );
    expect(one.body.data.map((r: any) => r.target?.slug)).toEqual(LINKED_SLUGS.slice(0, 1));
    expect(one.body.meta).toEqual({ limit: 1, editor: 1, suggestion: 0 });
  });

  it('GET /ping: a constant 200 for anyone, credentials or not', async () => {
    for (const headers of [undefined, { authorization: 'Bearer not-a-token' }, preview]) {
      const res = await call('/api/newsroom/ping', '/api/newsroom/ping', headers);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { status: 'ok' } });
    }
  });

  it('304 for a matching If-None-Match, with the same ETag and Cache-Control', async () => {
    for (const [template, url] of [
      ['/api/newsroom/articles', '/api/newsroom/articles'],
      ['/api/newsroom/articles/{slug}', `/api/newsroom/articles/${SLUG}`],
      ['/api/newsroom/articles/{slug}/jsonld', `/api/newsroom/articles/${SLUG}/jsonld`],
      ['/api/newsroom/articles/{slug}/related', `/api/newsroom/articles/${SLUG}/related`],
    ]) {
      const first = await call(template, url);
      const again = await call(template, url, { 'if-none-match': first.headers.get('etag')! });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    }
  });

  it('400s name the parameter', async () => {
    expectParameterError(
      await call('/api/newsroom/articles', '/api/newsroom/articles?pageSize=0'),
      'pageSize'
    );
    expectParameterError(
      await call('/api/newsroom/articles', '/api/newsroom/articles?where[slug]=x'),
      'where'
    );
    expectParameterError(
      await call('/api/newsroom/articles/{slug}', '/api/newsroom/articles/%3Cscript%3E'),
      'slug'
    );
    expectParameterError(
      await call(
        '/api/newsroom/articles/{slug}/jsonld',
        `/api/newsroom/articles/${SLUG}/jsonld?x=1`
      ),
      'x'
    );
    expectParameterError(
      await call(
        '/api/newsroom/articles/{slug}/related',
        `/api/newsroom/articles/${SLUG}/related?limit=21`
      ),
      'limit'
    );
    // Published content only: the related route takes no status, whoever asks.
    expectParameterError(
      await call(
        '/api/newsroom/articles/{slug}/related',
        `/api/newsroom/articles/${SLUG}/related?status=draft`,
        preview
      ),
      'status'
    );
  });

  it('404 for an unknown slug', async () => {
    const res = await call('/api/newsroom/articles/{slug}', '/api/newsroom/articles/tidak-ada');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ name: 'NotFoundError', details: { slug: 'tidak-ada' } });
    const jsonld = await call(
      '/api/newsroom/articles/{slug}/jsonld',
      '/api/newsroom/articles/tidak-ada/jsonld'
    );
    expect(jsonld.status).toBe(404);
    const related = await call(
      '/api/newsroom/articles/{slug}/related',
      '/api/newsroom/articles/tidak-ada/related'
    );
    expect(related.status).toBe(404);
    expect(related.body.error.details).toEqual({ slug: 'tidak-ada' });
  });

  it('301 from an old slug of a live article, on the article, JSON-LD and related routes', async () => {
    const moved = await newsroom(app.strapi).createArticle({ title: 'Pakta Korut Rusia Berlaku' });
    await newsroom(app.strapi).update('plugin::newsroom.article', moved.documentId, {
      slug: 'pakta-korut-rusia-resmi-berlaku',
    });
    await newsroom(app.strapi).publish('plugin::newsroom.article', moved.documentId);
    for (const suffix of ['', '/jsonld', '/related']) {
      const res = await call(
        `/api/newsroom/articles/{slug}${suffix}`,
        `/api/newsroom/articles/${moved.slug}${suffix}`,
        undefined,
        'manual'
      );
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(
        `/api/newsroom/articles/pakta-korut-rusia-resmi-berlaku${suffix}`
      );
    }
  });

  it('403 for ?status=draft without a preview token; 401 for a bad token', async () => {
    for (const [template, url] of [
      ['/api/newsroom/articles/{slug}', `/api/newsroom/articles/${SLUG}?status=draft`],
      [
        '/api/newsroom/articles/{slug}/jsonld',
        `/api/newsroom/articles/${SLUG}/jsonld?status=draft`,
      ],
      ['/api/newsroom/articles', '/api/newsroom/articles?status=draft'],
    ]) {
      const res = await call(template, url);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'PolicyError',
        details: { param: 'status', action: PREVIEW_ACTION },
      });
    }
    const anonymous = await call(
      '/api/newsroom/articles/{slug}/preview',
      `/api/newsroom/articles/${SLUG}/preview`
    );
    expect(anonymous.status).toBe(403);

    const bad = await call('/api/newsroom/articles/{slug}', `/api/newsroom/articles/${SLUG}`, {
      authorization: 'Bearer not-a-token',
    });
    expect(bad.status).toBe(401);
    const badRelated = await call(
      '/api/newsroom/articles/{slug}/related',
      `/api/newsroom/articles/${SLUG}/related`,
      { authorization: 'Bearer not-a-token' }
    );
    expect(badRelated.status).toBe(401);
  });

  it('the preview serves the draft to a full-access token, never cached by others', async () => {
    const res = await call(
      '/api/newsroom/articles/{slug}/preview',
      `/api/newsroom/articles/${SLUG}/preview`,
      preview
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.body.data.slug).toBe(SLUG);
    expect(res.body.data.publishedAt).toBeNull();

    const draft = await call(
      '/api/newsroom/articles/{slug}',
      `/api/newsroom/articles/${SLUG}?status=draft`,
      preview
    );
    expect(draft.status).toBe(200);
    // a draft read by ?status=draft is as private as the preview's
    expect(draft.headers.get('cache-control')).toBe('private, no-store');
    expect(draft.body.data.publishedAt).toBeNull();
    const jsonld = await call(
      '/api/newsroom/articles/{slug}/jsonld',
      `/api/newsroom/articles/${SLUG}/jsonld?status=draft`,
      preview
    );
    expect(jsonld.status).toBe(200);
    expect(jsonld.headers.get('cache-control')).toBe('private, no-store');

    // The list serves published articles only, even to a preview token.
    expectParameterError(
      await call('/api/newsroom/articles', '/api/newsroom/articles?status=draft', preview),
      'status'
    );
    expectParameterError(
      await call(
        '/api/newsroom/articles/{slug}/preview',
        `/api/newsroom/articles/${SLUG}/preview?status=draft`,
        preview
      ),
      'status'
    );
  });

  it('the Strapi document routes answer as documented', async () => {
    for (const kind of ['articles', 'quotes', 'related-links']) {
      const list = await call(
        `/api/newsroom/documents/${kind}`,
        `/api/newsroom/documents/${kind}?pagination[pageSize]=2`
      );
      expect(list.status).toBe(200);
      expect(list.body.data.length).toBeGreaterThan(0);
      const one = await call(
        `/api/newsroom/documents/${kind}/{id}`,
        `/api/newsroom/documents/${kind}/${list.body.data[0].documentId}`
      );
      expect(one.status).toBe(200);
      expect(one.body.data.documentId).toBe(list.body.data[0].documentId);
    }
    const unknown = await call(
      '/api/newsroom/documents/articles',
      '/api/newsroom/documents/articles?where=1'
    );
    expect(unknown.status).toBe(400);
    const missing = await call(
      '/api/newsroom/documents/articles/{id}',
      '/api/newsroom/documents/articles/tidakada'
    );
    expect(missing.status).toBe(404);
    const draft = await call(
      '/api/newsroom/documents/quotes',
      '/api/newsroom/documents/quotes?status=draft'
    );
    expect(draft.status).toBe(403);
  });
});
