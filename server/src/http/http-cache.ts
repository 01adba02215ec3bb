import { setTagHeaders, type TagHeader } from './cache-tags';
import crypto from 'node:crypto';

/**
 * A strong validator: the hash of the exact JSON sent. Everything that can change what a reader
 * sees (the article, its quotes and links, a target's title, slug or publish state, backlinks)
 * is in the body, so the ETag changes exactly when the representation does, and every instance
 * computes the same one without sharing state.
 */
export const strongEtag = (json: string): string =>
  `"${crypto.createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;

/** RFC 9110 §13.1.2: If-None-Match uses weak comparison; `*` matches any current representation. */
export const matchesIfNoneMatch = (header: string | undefined, etag: string): boolean => {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === bare);
};

interface CacheableContext {
  get(field: string): string;
  vary?(field: string): void;
  set(field: string, value: string): void;
  status: number;
  body: unknown;
  type: string;
}

/** How a prepared body is sent: its media type, and the headers its cache tags go in. */
export interface SendOptions {
  type?: string;
  /** Headers for the tags (http/cache-tags `cacheTagHeaders`); none: no tag header. */
  tagHeaders?: readonly TagHeader[];
}

/**
 * Sends a body already serialised and hashed (the response cache's entries, or a draft
 * prepared per request) with ETag, Cache-Control and its cache tags, or a bodiless 304 when
 * the client already holds this representation (with the same headers: a cache revalidating
 * its copy keeps it filed under the same tags).
 */
export const sendPrepared = (
  ctx: CacheableContext,
  prepared: { json: string; etag: string; tags?: readonly string[] },
  cacheControl: string,
  { type = 'application/json; charset=utf-8', tagHeaders = [] }: SendOptions = {}
) => {
  ctx.set('ETag', prepared.etag);
  ctx.set('Cache-Control', cacheControl);
  // Nothing to purge in a response no shared cache keeps (a draft preview).
  if (prepared.tags && cacheControl !== DRAFT_CACHE_CONTROL) {
    setTagHeaders(ctx, tagHeaders, prepared.tags);
  }
  ctx.vary?.('Authorization');
  if (matchesIfNoneMatch(ctx.get('If-None-Match') || undefined, prepared.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  ctx.type = type;
  ctx.body = prepared.json;
};

/** Drafts are per-token previews: no shared cache may keep them. */
export const DRAFT_CACHE_CONTROL = 'private, no-store';

/**
 * A shared cache may only keep what anyone may read. A response to a caller with credentials
 * (an API token or a user) may rest on permissions the Public role lacks, so it is private.
 */
export const cacheControlForCaller = (
  ctx: { get(field: string): string; state?: { auth?: { credentials?: unknown } } },
  configured: string
): string =>
  ctx.state?.auth?.credentials || ctx.get('Authorization') ? 'private, no-cache' : configured;
