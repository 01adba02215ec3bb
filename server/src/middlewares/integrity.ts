import type { Core } from '@strapi/strapi';
import type { Modules } from '@strapi/types';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import { checkedWrite, noteWritten, snapshot } from '../integrity/check-write';
import { reportViolations, violationPath, type WriteSubject } from '../integrity/report';
import { ownersOf } from '../database/placement-state';
import { readArticleTitle } from '../database/article-title';
import { fieldError } from '../utils/field-error';
import { articlesLocalized, existsInAnyLocale } from '../i18n/locale';
import { otherLanguage } from '#shared/baca-juga/invariants';

type Middleware = Modules.Documents.Middleware.Middleware;

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
/** Actions whose documents are named by `params.documentId` or by the result. */
const KNOWN = new Set([
  'create',
  'update',
  'clone',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
]);
const KIND = { [ARTICLE_UID]: 'article', [LINK_UID]: 'link', [QUOTE_UID]: 'quote' } as const;

const documentIdsOf = (result: unknown): string[] => {
  if (!result || typeof result !== 'object') return [];
  const { documentId, entries } = result as { documentId?: unknown; entries?: unknown };
  const ids = typeof documentId === 'string' ? [documentId] : [];
  if (Array.isArray(entries)) {
    for (const entry of entries)
      if (typeof entry?.documentId === 'string') ids.push(entry.documentId);
  }
  return [...new Set(ids)];
};

const MISSING_DOCUMENT = /^Document with id "([^"]+)", locale "([^"]*)" not found$/;

/**
 * Strapi refuses a relation to a document that does not exist without saying which field
 * held it; the refusal is given again naming the field, so an editor can act on it.
 */
const namedRelationError = async (
  strapi: Core.Strapi,
  error: unknown,
  params: unknown
): Promise<never> => {
  const match = error instanceof Error ? MISSING_DOCUMENT.exec(error.message) : null;
  const [, missing, locale] = match ?? [];
  const data = (params as { data?: Record<string, unknown> } | undefined)?.data;
  if (!missing || !data || typeof data !== 'object') throw error;
  const field = Object.keys(data).find((key) =>
    JSON.stringify(data[key] ?? null).includes(`"${missing}"`)
  );
  if (!field) throw error;
  // Where stories are localized the story may well exist, in another language only.
  if (locale && articlesLocalized(strapi) && (await existsInAnyLocale(strapi, missing))) {
    return fieldError([field], otherLanguage(locale));
  }
  return fieldError([field], 'no article with this documentId');
};

/**
 * The Baca Juga and quote invariants hold after every write, from every entry point (the
 * content manager's single and bulk actions and clone, REST, GraphQL, the plugin's routes,
 * direct `strapi.documents()` calls), whatever shape its input had: the middleware reads,
 * inside the write's transaction, what the affected articles' placements ARE afterwards and
 * refuses the whole write with a 400 naming the field when it introduced a violation
 * (shared/baca-juga/invariants). Any action but a read is checked, including ones Strapi adds
 * later: when its documents cannot be told, every article edited during it is.
 */
export const integrityMiddleware =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    const uid = context.uid as keyof typeof KIND;
    if (!(uid in KIND) || READS.has(context.action)) return next();
    const params = (context.params ?? {}) as { documentId?: unknown };
    const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;
    const subject: WriteSubject = { kind: KIND[uid], documentId };

    return checkedWrite(
      strapi,
      async (scope) => {
        if (uid === ARTICLE_UID) {
          if (documentId) await snapshot(strapi, scope, [documentId]);
        } else if (documentId) {
          await snapshot(strapi, scope, await ownersOf(strapi, scope.trx, uid, [documentId]));
          noteWritten(scope, uid, [documentId]);
        }
        const result = await next().catch((error) =>
          namedRelationError(strapi, error, context.params)
        );
        const produced = documentIdsOf(result).filter((id) => id !== documentId);
        if (!KNOWN.has(context.action) || (!documentId && produced.length === 0)) {
          scope.unknownAction = true;
        }
        // A clone's own fields are the new document's, not the original's.
        if (context.action === 'clone' || !subject.documentId) subject.documentId = produced[0];
        if (uid === ARTICLE_UID) {
          // A new article (create, clone) had no state before: all of its problems are new.
          for (const id of produced) {
            if (!scope.before.has(id)) scope.before.set(id, []);
            scope.articles.add(id);
          }
        } else {
          noteWritten(scope, uid, produced);
          const owners = await ownersOf(strapi, scope.trx, uid, [
            ...(documentId ? [documentId] : []),
            ...produced,
          ]);
          for (const id of owners) scope.articles.add(id);
        }
        return result;
      },
      async (violations, scope) => {
        // An article named by its title and documentId: the call may be one of many in a
        // transaction (a release, a bulk publish, a script), and the error must say which.
        const about =
          uid === ARTICLE_UID && subject.documentId
            ? {
                documentId: subject.documentId,
                title: await readArticleTitle(strapi, scope.trx, subject.documentId),
              }
            : undefined;
        return reportViolations(violations, (v) => violationPath(v, subject), subject, about);
      }
    );
  };
