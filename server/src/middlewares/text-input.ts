import type { Modules } from '@strapi/types';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import { fieldError } from '../utils/field-error';

type Middleware = Modules.Documents.Middleware.Middleware;

/** The text fields each part's writes trim; an emptied optional one is stored as null. */
const TRIMMED: Record<string, { field: string; nullable: boolean }[]> = {
  [LINK_UID]: [
    { field: 'url', nullable: true },
    { field: 'label', nullable: true },
  ],
  [QUOTE_UID]: [{ field: 'text', nullable: false }],
};
const GUARDED = new Set<string>([ARTICLE_UID, LINK_UID, QUOTE_UID]);

/**
 * Input tidying, and the one thing that cannot wait for the outcome: a NUL character, which
 * PostgreSQL refuses to store at all (the write would fail as a 500 before anything could be
 * checked), is refused on every database alike, naming the field. Stray spaces around a url,
 * a label or a quote's words are never meant and are trimmed. Whether what is stored is
 * allowed is decided on the outcome (middlewares/integrity).
 */
export const textInputMiddleware = (): Middleware => async (context, next) => {
  const data = (context.params as { data?: Record<string, unknown> } | undefined)?.data;
  if (
    !GUARDED.has(context.uid) ||
    !data ||
    typeof data !== 'object' ||
    !['create', 'update', 'clone'].includes(context.action)
  ) {
    return next();
  }
  for (const [field, value] of Object.entries(data)) {
    if (typeof value === 'string' && value.includes('\u0000')) {
      fieldError([field], 'must not contain a NUL character');
    }
  }
  for (const { field, nullable } of TRIMMED[context.uid] ?? []) {
    const value = data[field];
    if (typeof value !== 'string') continue;
    const trimmed = value.trim();
    data[field] = trimmed || (nullable ? null : trimmed);
  }
  return next();
};
