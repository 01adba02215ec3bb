import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { paramError, single } from '../validation/params';

/** A locale code as Strapi's i18n names them: `id`, `en`, `pt-BR`, `zh-Hans-CN`. */
export const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

/** Whether stories are localized here (i18n/localize decided it at register). */
export const articlesLocalized = (strapi: Core.Strapi): boolean =>
  (strapi.contentType(ARTICLE_UID) as any)?.pluginOptions?.i18n?.localized === true;

/** The app's default locale (Strapi keeps it in its core store), or null without i18n. */
export const defaultLocale = async (strapi: Core.Strapi): Promise<string | null> =>
  articlesLocalized(strapi)
    ? ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string)
    : null;

/**
 * How long a request may take the app's locales as an earlier request read them. Requests
 * name or imply a locale on every read, cache hits included, and reading the locales took
 * statements each time: a render with `?locale=` served 836 requests/s where one without
 * served 1,443 (one boot each; `npm run bench:i18n` measures it). A locale created on any
 * instance is found at once (a code the snapshot lacks is looked up); a change of the default
 * locale reaches a request without `?locale=` within this time. Writes do not take the default
 * from it: they read it afresh.
 */
export const LOCALES_TTL_MS = 5_000;

interface LocaleSnapshot {
  defaultCode: string;
  codes: Set<string>;
  at: number;
}
/** Each Strapi's own (the tests run several in one process); a promise, read once at a time. */
const snapshots = new WeakMap<object, Promise<LocaleSnapshot>>();

const readSnapshot = async (strapi: Core.Strapi): Promise<LocaleSnapshot> => {
  const service = strapi.plugin('i18n').service('locales');
  const defaultCode = (await service.getDefaultLocale()) as string;
  const all: { code: string }[] = await service.find();
  return { defaultCode, codes: new Set(all.map((l) => l.code)), at: Date.now() };
};

/** The app's default locale and locale codes, as read at most LOCALES_TTL_MS ago. */
const localeSnapshot = async (strapi: Core.Strapi): Promise<LocaleSnapshot> => {
  const kept = snapshots.get(strapi);
  if (kept) {
    const snapshot = await kept.catch(() => null);
    if (snapshot && Date.now() - snapshot.at < LOCALES_TTL_MS) return snapshot;
    if (snapshots.get(strapi) !== kept) return localeSnapshot(strapi);
  }
  const reading = readSnapshot(strapi);
  snapshots.set(strapi, reading);
  reading.catch(() => snapshots.get(strapi) === reading && snapshots.delete(strapi));
  return reading;
};

/** This instance's locales changed (a locale created, edited or deleted here): read anew. */
export const forgetLocales = (strapi: Core.Strapi) => {
  snapshots.delete(strapi);
};

/** Where stories are localized: a locale created, edited or deleted here is seen at once. */
export const subscribeLocaleChanges = (strapi: Core.Strapi) => {
  if (!articlesLocalized(strapi)) return;
  const forget = () => forgetLocales(strapi);
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    afterCreate: forget,
    afterUpdate: forget,
    afterDelete: forget,
    afterCreateMany: forget,
    afterUpdateMany: forget,
    afterDeleteMany: forget,
  });
};

/**
 * The locale a public request reads: `?locale=`, or without one the default locale (a list)
 * or null for any (`absent: 'any'`: a slug names one story in one language). Always null when
 * stories are not localized, where `?locale=` is a 400: the newsroom has one language, and a
 * frontend asking for another must hear so rather than get that one. Read from the locale
 * snapshot (LOCALES_TTL_MS).
 */
export const requestLocale = async (
  strapi: Core.Strapi,
  query: Record<string, unknown>,
  absent: 'default' | 'any' = 'default',
  /**
   * A write's request (a placement save, a copy, a speaker decision): the default locale is
   * read afresh, so that a write without `?locale=` lands where Strapi's own would.
   */
  { write = false }: { write?: boolean } = {}
): Promise<string | null> => {
  const asked = single(query, 'locale');
  if (!articlesLocalized(strapi)) {
    if (asked !== undefined) paramError('locale', 'this newsroom has one language (i18n is off)');
    return null;
  }
  if (asked === undefined) {
    if (absent === 'any') return null;
    return write ? defaultLocale(strapi) : (await localeSnapshot(strapi)).defaultCode;
  }
  if (!LOCALE_PATTERN.test(asked))
    return paramError('locale', 'must be a locale code such as "id"');
  if ((await localeSnapshot(strapi)).codes.has(asked)) return asked;
  // Not in the snapshot: perhaps created since, on another instance.
  const found = await knownLocale(strapi, asked);
  if (!found) return paramError('locale', `no locale "${asked}" in this newsroom`);
  forgetLocales(strapi);
  return found;
};

/** The code if the app has this locale, else null (a malformed code too). */
export const knownLocale = async (strapi: Core.Strapi, code: unknown): Promise<string | null> => {
  if (typeof code !== 'string' || !LOCALE_PATTERN.test(code)) return null;
  const found = await strapi.plugin('i18n').service('locales').findByCode(code);
  return found ? (found.code as string) : null;
};

/**
 * Whether any locale has a version of this story. Through the query engine, which runs in the
 * current transaction (on SQLite a read beside it would wait for it).
 */
export const existsInAnyLocale = async (strapi: Core.Strapi, documentId: string) =>
  (await strapi.db.query(ARTICLE_UID).count({ where: { documentId } })) > 0;

/**
 * The locale a Document Service write lands in: its `locale` param, or the default locale
 * (what i18n's own middleware fills in). Null where stories are not localized.
 */
export const writeLocale = async (
  strapi: Core.Strapi,
  params: { locale?: unknown } | undefined
): Promise<string | null> => {
  const asked = params?.locale;
  return localeOrDefault(strapi, typeof asked === 'string' && asked !== '*' ? asked : null);
};

/** A query-engine `where` for one locale's rows: empty where stories are not localized. */
export const inLocale = (locale: string | null): { locale?: string } =>
  locale === null ? {} : { locale };

/**
 * The same for a hand-written (knex) query: `query` narrowed to one locale's rows by the
 * `locale` column of `alias` (or of its only table), unchanged where stories are not
 * localized. Returned, not awaited: a query builder is thenable.
 */
export const whereLocale = <Q extends { where: (column: string, value: string) => unknown }>(
  query: Q,
  locale: string | null,
  alias?: string
): Q => {
  if (locale !== null) query.where(alias ? `${alias}.locale` : 'locale', locale);
  return query;
};

/** The app's locales, default first, where stories are localized; null otherwise. */
export const localesOf = async (strapi: Core.Strapi): Promise<string[] | null> => {
  if (!articlesLocalized(strapi)) return null;
  // Read by public requests (the sitemap index): from the snapshot (LOCALES_TTL_MS).
  const { defaultCode, codes } = await localeSnapshot(strapi);
  return [defaultCode, ...[...codes].filter((code) => code !== defaultCode).sort()];
};

/**
 * The locale a read by documentId is of: the one given, else the default locale (a
 * documentId has a version per locale). Null where stories are not localized.
 */
export const localeOrDefault = async (
  strapi: Core.Strapi,
  locale?: string | null
): Promise<string | null> =>
  articlesLocalized(strapi) ? (locale ?? (await defaultLocale(strapi))) : null;
