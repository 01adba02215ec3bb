import type { Core } from '@strapi/strapi';
import { LIST_TAG, articleTag, boundTags } from '#shared/cache-tags';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import type { RenderedArticle } from '../services/render/types';

/**
 * A payload with the cache tags of what it shows. A computation of the response cache returns
 * one when its payload alone does not say which stories it shows (JSON-LD names none by
 * documentId); the cache keeps the tags with the entry, so a hit sends them too.
 */
export class Tagged<T = unknown> {
  constructor(
    readonly payload: T,
    readonly tags: readonly string[]
  ) {}
}

/** The payload and tags of a computation's result: a plain payload has no tags. */
export const untag = (result: unknown): { payload: unknown; tags: string[] } =>
  result instanceof Tagged
    ? { payload: result.payload, tags: boundTags(result.tags) }
    : { payload: result, tags: [] };

/**
 * The stories a rendered article shows: itself first, then its Baca Juga links' targets and its
 * backlinks. A link held back, or shown as text while its target awaits copy, names no story.
 */
export const articleTags = (article: RenderedArticle): string[] => [
  articleTag(article.documentId),
  ...article.body.flatMap((block) =>
    block.type === 'baca-juga' && block.target ? [articleTag(block.target.documentId)] : []
  ),
  ...article.linkedFrom.map((backlink) => articleTag(backlink.documentId)),
];

/** A list of stories: `nr-list`, then each story's key. */
export const listTags = (documentIds: readonly string[]): string[] => [
  LIST_TAG,
  ...documentIds.map(articleTag),
];

/** The configured header names, those not turned off. */
export const cacheTagHeaders = (strapi: Core.Strapi): string[] => {
  const { cacheTag, surrogateKey } = (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig)
    .cacheTags;
  return [cacheTag, surrogateKey].filter((name): name is string => typeof name === 'string');
};
