import type { Core } from '@strapi/strapi';
import { tagKeysOf } from '#shared/tags';
import { ARTICLE_UID } from '../constants';
import { readTags } from '../utils/tags';

type Data = Record<string, unknown>;

/**
 * Sets `tagKeys` from the `tags` a row is written with. A write naming no tags leaves the
 * stored keys alone, and no caller chooses the keys themselves.
 */
const withTagKeys = (data: unknown, creating: boolean) => {
  if (!data || typeof data !== 'object') return;
  const row = data as Data;
  if ('tags' in row || creating) row.tagKeys = tagKeysOf(readTags(row.tags));
  else delete row.tagKeys;
};

const eachRow = (data: unknown, creating: boolean) => {
  for (const row of Array.isArray(data) ? data : [data]) withTagKeys(row, creating);
};

/**
 * Keeps each article row's `tagKeys` (the keys its tags are filtered by, #shared/tags) in step
 * with its `tags`. A database lifecycle, not a Document Service middleware, on purpose: the
 * keys belong to each row as stored, and these hooks fire for every row the query engine
 * writes, whatever wrote it: the content manager and the Document Service, but also a
 * publish (which writes the published row from the draft's data), a clone, a discarded draft,
 * the importer and any `strapi.db.query()` write. Rows written before the keys existed get
 * theirs at boot (database/tag-keys).
 */
export const subscribeTagKeys = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [ARTICLE_UID],
    beforeCreate: (event) => eachRow(event.params.data, true),
    beforeCreateMany: (event) => eachRow(event.params.data, true),
    beforeUpdate: (event) => eachRow(event.params.data, false),
    beforeUpdateMany: (event) => eachRow(event.params.data, false),
  });
};
