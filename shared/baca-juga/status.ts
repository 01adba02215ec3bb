/** Where an article stands in draft & publish, as the content manager shows it. */
export type ArticleStatus = 'draft' | 'published' | 'modified';

import { toMillis } from '../dates';

const time = (value: unknown) => toMillis(value) ?? 0;

/**
 * The content manager's rule, so the plugin's screens and Strapi's agree: no published
 * version → draft; a draft edited after the published version → modified; else published.
 */
export const articleStatus = (
  draftUpdatedAt: unknown,
  publishedUpdatedAt: unknown | undefined
): ArticleStatus => {
  if (publishedUpdatedAt === undefined) return 'draft';
  return time(draftUpdatedAt) > time(publishedUpdatedAt) ? 'modified' : 'published';
};
