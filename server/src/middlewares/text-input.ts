import type { Modules } from '@strapi/types';
import { LINK_UID, QUOTE_UID } from '../constants';

type Middleware = Modules.Documents.Middleware.Middleware;

/** The text fields each part's writes trim; an emptied optional one is stored as null. */
const TRIMMED: Record<string, { field: string; nullable: boolean }[]> = {
  [LINK_UID]: [
    { field: 'url', nullable: true },
    { field: 'label', nullable: true },
  ],
  [QUOTE_UID]: [{ field: 'text', nullable: false }],
};

/**
 * Input tidying only: stray spaces around a url, a label or a quote's words are never meant.
 * Whether what is stored is allowed is decided on the outcome (middlewares/integrity).
 */
export const textInputMiddleware = (): Middleware => async (context, next) => {
  const fields = TRIMMED[context.uid];
  const data = (context.params as { data?: Record<string, unknown> } | undefined)?.data;
  if (
    fields &&
    data &&
    typeof data === 'object' &&
    ['create', 'update', 'clone'].includes(context.action)
  ) {
    for (const { field, nullable } of fields) {
      const value = data[field];
      if (typeof value !== 'string') continue;
      const trimmed = value.trim();
      data[field] = trimmed || (nullable ? null : trimmed);
    }
  }
  return next();
};
