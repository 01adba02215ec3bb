import type { Core } from '@strapi/strapi';
import { LIST_TAG, articleTag, boundTags } from '#shared/cache-tags';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import type { RenderedArticle } from '../services/render/types';
import { waitsOnATarget } from '../services/render/waiting-links';

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
 * backlinks. A link held back, or shown as text, while its target is not live names no story
 * (an unpublished story's id is not for readers): such a page also carries `nr-list`, which
 * every change purges, so the target's publication reaches it too.
 */
export const articleTags = (article: RenderedArticle): string[] => [
  articleTag(article.documentId),
  ...article.body.flatMap((block) =>
    block.type === 'baca-juga' && block.target ? [articleTag(block.target.documentId)] : []
  ),
  ...article.linkedFrom.map((backlink) => articleTag(backlink.documentId)),
  ...(waitsOnATarget(article) ? [LIST_TAG] : []),
];

/**
 * A story's related list: the story, then each entry's story, and `nr-list`: the suggestions
 * rank every published story, so any change may change them.
 */
export const relatedTags = (
  documentId: string,
  entries: readonly { target: { documentId: string } | null }[]
): string[] => [
  articleTag(documentId),
  ...entries.flatMap((entry) => (entry.target ? [articleTag(entry.target.documentId)] : [])),
  LIST_TAG,
];

/** A list of stories: `nr-list`, then each story's key. */
export const listTags = (documentIds: readonly string[]): string[] => [
  LIST_TAG,
  ...documentIds.map(articleTag),
];

/** A header the tags go in, and how its keys are separated. */
export interface TagHeader {
  name: string;
  separator: ',' | ' ';
}

/**
 * The configured headers, those not turned off. `Cache-Tag` (Cloudflare) takes a comma-separated
 * list; `Surrogate-Key` (Fastly, Varnish's xkey) a space-separated one.
 */
export const cacheTagHeaders = (strapi: Core.Strapi): TagHeader[] => {
  const { cacheTag, surrogateKey } = (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig)
    .cacheTags;
  return [
    ...(cacheTag ? [{ name: cacheTag, separator: ',' as const }] : []),
    ...(surrogateKey ? [{ name: surrogateKey, separator: ' ' as const }] : []),
  ];
};

/** Sets each header to the keys, in its own separator. */
export const setTagHeaders = (
  ctx: { set(field: string, value: string): void },
  headers: readonly TagHeader[],
  tags: readonly string[]
) => {
  if (tags.length === 0) return;
  for (const { name, separator } of headers) ctx.set(name, tags.join(separator));
};
