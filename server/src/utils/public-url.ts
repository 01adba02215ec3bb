import type { Core } from '@strapi/strapi';

/**
 * Strapi's public origin (its `server.url`) when it is configured as an absolute URL, else null.
 * Strapi makes up `http://<host>:<port>` when it is not: a guess no reader can reach, so it is
 * not taken for one.
 */
export const publicServerUrl = (strapi: Core.Strapi): string | null => {
  const url = strapi.config.get('server.url', '') as unknown;
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url.replace(/\/+$/, '') : null;
};
