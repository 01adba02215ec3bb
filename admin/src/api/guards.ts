/**
 * Runtime checks of the admin routes' answers against `shared/contracts/admin.ts`. The
 * contract is types only, so a server and an admin build that drifted apart would otherwise
 * surface as `undefined is not a function` deep in a component. Each parser checks the
 * envelope and the fields the screens rely on (ids, arrays, status and health literals), then
 * returns the answer with its contract type; a mismatch throws a `ContractError` naming the
 * route and the field, which the screens show as an ordinary load error.
 *
 * Pure functions without Strapi imports, so they run in the unit tests as they are.
 */
import type {
  AdminArticleListResponse,
  ArticleStatus,
  LinkHealthReport,
  LinkStats,
  OrphansResponse,
  Placement,
  PlacementSaveOutcome,
  Suggestion,
  TargetSearchResponse,
} from '#shared/contracts/admin';
import { LINK_HEALTHS } from '#shared/baca-juga/health';

export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractError';
  }
}

type Json = Record<string, unknown>;

const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'published', 'modified'];
const QUOTE_KINDS = ['full', 'partial'] as const;

const show = (value: unknown) => {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

const fail = (path: string, expected: string, value: unknown): never => {
  throw new ContractError(`${path}: expected ${expected}, got ${show(value)}`);
};

const object = (value: unknown, path: string): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : fail(path, 'an object', value);

const array = (value: unknown, path: string): unknown[] =>
  Array.isArray(value) ? value : fail(path, 'an array', value);

const string = (value: unknown, path: string) => {
  if (typeof value !== 'string') fail(path, 'a string', value);
};

const nullableString = (value: unknown, path: string) => {
  if (value !== null && typeof value !== 'string') fail(path, 'a string or null', value);
};

const number = (value: unknown, path: string) => {
  if (typeof value !== 'number' || Number.isNaN(value)) fail(path, 'a number', value);
};

const boolean = (value: unknown, path: string) => {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
};

const oneOf = (allowed: readonly string[], value: unknown, path: string) => {
  if (typeof value !== 'string' || !allowed.includes(value))
    fail(path, `one of ${allowed.join(', ')}`, value);
};

const strings = (value: unknown, path: string) =>
  array(value, path).forEach((item, i) => string(item, `${path}[${i}]`));

const each = (value: unknown, path: string, check: (item: Json, path: string) => void) =>
  array(value, path).forEach((item, i) => check(object(item, `${path}[${i}]`), `${path}[${i}]`));

const status = (value: unknown, path: string) => oneOf(ARTICLE_STATUSES, value, path);
const health = (value: unknown, path: string) => oneOf(LINK_HEALTHS, value, path);

const healthCounts = (value: unknown, path: string) => {
  const counts = object(value, path);
  LINK_HEALTHS.forEach((h) => number(counts[h], `${path}.${h}`));
};

/**
 * The fields every article-like row carries (list rows, targets, suggestions, the article of a
 * placement). A draft may be saved without its required fields, so a title can be missing; the
 * screens fall back for it. The slug is passed along, never read, and is not checked.
 */
const articleFields = (item: Json, path: string) => {
  string(item.documentId, `${path}.documentId`);
  if (item.title !== undefined) nullableString(item.title, `${path}.title`);
  status(item.status, `${path}.status`);
};

const linkTarget = (item: Json, path: string) => {
  articleFields(item, path);
  boolean(item.placeholder, `${path}.placeholder`);
};

const placement = (value: unknown, path: string): Placement => {
  const p = object(value, path);
  const article = object(p.article, `${path}.article`);
  articleFields(article, `${path}.article`);
  strings(article.tags, `${path}.article.tags`);
  nullableString(article.lead, `${path}.article.lead`);
  nullableString(article.updatedAt, `${path}.article.updatedAt`);
  each(p.paragraphs, `${path}.paragraphs`, (item, at) => {
    string(item.id, `${at}.id`);
    string(item.text, `${at}.text`);
  });
  if (p.publishedParagraphIds !== null)
    strings(p.publishedParagraphIds, `${path}.publishedParagraphIds`);
  each(p.links, `${path}.links`, (item, at) => {
    string(item.documentId, `${at}.documentId`);
    if (item.targetArticle !== null)
      linkTarget(object(item.targetArticle, `${at}.targetArticle`), `${at}.targetArticle`);
    nullableString(item.url, `${at}.url`);
    nullableString(item.label, `${at}.label`);
    string(item.afterParagraphId, `${at}.afterParagraphId`);
    number(item.position, `${at}.position`);
    nullableString(item.variantAfterParagraphId, `${at}.variantAfterParagraphId`);
    nullableString(item.variantSince, `${at}.variantSince`);
    health(item.health, `${at}.health`);
    boolean(item.needsReview, `${at}.needsReview`);
    boolean(item.waitsForStory, `${at}.waitsForStory`);
    nullableString(item.changedAt, `${at}.changedAt`);
    nullableString(item.changedBy, `${at}.changedBy`);
  });
  each(p.quotes, `${path}.quotes`, (item, at) => {
    string(item.documentId, `${at}.documentId`);
    string(item.text, `${at}.text`);
    oneOf(QUOTE_KINDS, item.kind, `${at}.kind`);
    nullableString(item.paragraphId, `${at}.paragraphId`);
    boolean(item.needsReview, `${at}.needsReview`);
  });
  each(p.linkedFrom, `${path}.linkedFrom`, linkTarget);
  strings(p.oldSlugs, `${path}.oldSlugs`);
  string(p.version, `${path}.version`);
  number(p.maxLinks, `${path}.maxLinks`);
  return p as unknown as Placement;
};

/**
 * Runs `parse` on a route's answer, prefixing a mismatch with the route so the message (in the
 * console and in any "could not load" state) says where to look.
 */
const checked =
  <T>(route: string, parse: (body: unknown) => T) =>
  (body: unknown): T => {
    try {
      return parse(body);
    } catch (error) {
      if (error instanceof ContractError)
        throw new ContractError(
          `The answer of ${route} does not match the contract: ${error.message}`
        );
      throw error;
    }
  };

/** `GET /newsroom/articles`: the whole envelope, rows and pagination are both used. */
export const parseArticleList = checked(
  'GET /newsroom/articles',
  (body): AdminArticleListResponse => {
    const envelope = object(body, 'body');
    each(envelope.data, 'data', (row, at) => {
      articleFields(row, at);
      boolean(row.placeholder, `${at}.placeholder`);
      strings(row.tags, `${at}.tags`);
      number(row.linkCount, `${at}.linkCount`);
      number(row.brokenCount, `${at}.brokenCount`);
      number(row.reviewCount, `${at}.reviewCount`);
      nullableString(row.updatedAt, `${at}.updatedAt`);
    });
    const pagination = object(object(envelope.meta, 'meta').pagination, 'meta.pagination');
    (['page', 'pageSize', 'pageCount', 'total'] as const).forEach((key) =>
      number(pagination[key], `meta.pagination.${key}`)
    );
    return envelope as unknown as AdminArticleListResponse;
  }
);

/** `GET /newsroom/articles/:documentId/placement`: the placement, unwrapped. */
export const parsePlacement = checked(
  'GET /newsroom/articles/:documentId/placement',
  (body): Placement => placement(object(body, 'body').data, 'data')
);

/** `PUT /newsroom/articles/:documentId/placement`: the saved placement and what went live. */
export const parsePlacementSave = checked(
  'PUT /newsroom/articles/:documentId/placement',
  (body): { placement: Placement; outcome: PlacementSaveOutcome } => {
    const envelope = object(body, 'body');
    const saved = placement(envelope.data, 'data');
    const meta = object(envelope.meta, 'meta');
    number(meta.wentLive, 'meta.wentLive');
    number(meta.waitingForStory, 'meta.waitingForStory');
    return { placement: saved, outcome: meta as unknown as PlacementSaveOutcome };
  }
);

export type TargetResult = TargetSearchResponse['data'][number];

/** `GET /newsroom/targets`: articles to link to. */
export const parseTargets = checked('GET /newsroom/targets', (body): TargetResult[] => {
  const data = object(body, 'body').data;
  each(data, 'data', (item, at) => {
    linkTarget(item, at);
    nullableString(item.updatedAt, `${at}.updatedAt`);
  });
  return data as TargetResult[];
});

/** `GET /newsroom/link-health`: the newsroom's counts and the articles with broken links. */
export const parseLinkHealth = checked('GET /newsroom/link-health', (body): LinkHealthReport => {
  const report = object(object(body, 'body').data, 'data');
  healthCounts(report.counts, 'data.counts');
  const review = object(report.review, 'data.review');
  number(review.links, 'data.review.links');
  number(review.quotes, 'data.review.quotes');
  each(report.articles, 'data.articles', (item, at) => {
    articleFields(item, at);
    healthCounts(item.counts, `${at}.counts`);
  });
  each(report.unclicked, 'data.unclicked', (item, at) => {
    string(item.documentId, `${at}.documentId`);
    nullableString(item.title, `${at}.title`);
    number(item.views, `${at}.views`);
    number(item.links, `${at}.links`);
  });
  return report as unknown as LinkHealthReport;
});

/** Where a suggestion fits in the story: a paragraph and the words that matched, or null. */
const fitsAfter = (value: unknown, path: string) => {
  if (value === null) return;
  const fit = object(value, path);
  string(fit.paragraphId, `${path}.paragraphId`);
  number(fit.number, `${path}.number`);
  strings(fit.matchedTerms, `${path}.matchedTerms`);
};

/** `GET /newsroom/articles/:documentId/suggestions`: ranked candidates. */
const suggestion = (item: Json, at: string) => {
  articleFields(item, at);
  number(item.score, `${at}.score`);
  strings(item.sharedTags, `${at}.sharedTags`);
  strings(item.matchedTerms, `${at}.matchedTerms`);
  fitsAfter(item.fitsAfter, `${at}.fitsAfter`);
};

export const parseSuggestions = checked(
  'GET /newsroom/articles/:documentId/suggestions',
  (body): Suggestion[] => {
    const data = object(body, 'body').data;
    each(data, 'data', suggestion);
    return data as Suggestion[];
  }
);

/** `GET /newsroom/orphans`: stories without links, each with its suggestions; paginated. */
export const parseOrphans = checked('GET /newsroom/orphans', (body): OrphansResponse => {
  const envelope = object(body, 'body');
  each(envelope.data, 'data', (story, at) => {
    articleFields(story, at);
    each(story.suggestions, `${at}.suggestions`, suggestion);
  });
  const pagination = object(object(envelope.meta, 'meta').pagination, 'meta.pagination');
  (['page', 'pageSize', 'pageCount', 'total'] as const).forEach((key) =>
    number(pagination[key], `meta.pagination.${key}`)
  );
  return envelope as unknown as OrphansResponse;
});

/** `GET /newsroom/articles/:documentId/link-stats`: readers' views and clicks per link. */
export const parseLinkStats = checked(
  'GET /newsroom/articles/:documentId/link-stats',
  (body): LinkStats => {
    const data = object(object(body, 'body').data, 'data');
    number(data.days, 'data.days');
    const counts = (value: unknown, at: string) => {
      const c = object(value, at);
      (['total', 'a', 'b'] as const).forEach((key) => number(c[key], `${at}.${key}`));
    };
    counts(data.views, 'data.views');
    /** A position test's slots and counts: the verdict is computed from them on screen. */
    const pair = (value: unknown, at: string, check: (v: unknown, at: string) => void) => {
      const p = object(value, at);
      check(p.a, `${at}.a`);
      check(p.b, `${at}.b`);
    };
    each(data.links, 'data.links', (item, at) => {
      string(item.link, `${at}.link`);
      counts(item.clicks, `${at}.clicks`);
      if (item.clickThrough !== null) number(item.clickThrough, `${at}.clickThrough`);
      if (item.test !== null) {
        const test = object(item.test, `${at}.test`);
        string(test.since, `${at}.test.since`);
        pair(test.slots, `${at}.test.slots`, string);
        pair(test.views, `${at}.test.views`, number);
        pair(test.clicks, `${at}.test.clicks`, number);
      }
    });
    return data as unknown as LinkStats;
  }
);
