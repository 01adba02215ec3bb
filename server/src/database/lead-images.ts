import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE_UID } from '../constants';
import { toLeadImage, type LeadImage } from '#shared/lead-image';
import { articleColumns, newsroomTables } from './tables';
import { inCurrentTransaction } from './in-current-transaction';

/** The upload plugin's file model (core in Strapi 5), which an article's `image` points at. */
export const FILE_UID = 'plugin::upload.file';

/** The file columns a lead image is made of (shared/lead-image), by their names in the result. */
const FILE_FIELDS = ['url', 'alternativeText', 'width', 'height', 'formats'] as const;
export type ImageField = (typeof FILE_FIELDS)[number];

/**
 * Where Strapi keeps an article's `image`, from its metadata: media are a morph relation, one
 * row per (file, entry row, field) in the file model's `related` join table. Each version of
 * a story (draft, published; each locale) is its own entry row with its own morph row, so an
 * image is read from the row of the version being read, and a draft's image never reaches a
 * published read.
 */
const imageTables = (strapi: Core.Strapi) => {
  const files = strapi.db.metadata.get(FILE_UID as any);
  const { joinTable } = files.attributes.related as any;
  const column = (attribute: string) =>
    ((files.attributes[attribute] as any)?.columnName as string) ?? attribute;
  return {
    file: files.tableName,
    columns: Object.fromEntries(FILE_FIELDS.map((f) => [f, column(f)])) as Record<
      ImageField,
      string
    >,
    morph: joinTable.name as string,
    fileId: joinTable.joinColumn.name as string,
    relatedId: joinTable.morphColumn.idColumn.name as string,
    relatedType: joinTable.morphColumn.typeColumn.name as string,
  };
};

/**
 * SQL for the hand-written render (database/render-article): a LEFT JOIN that brings the image
 * of the article row `row` in as `alias`, and its columns. At most one file per row: a single
 * media field has one morph row, and the first by order is taken should a damaged table hold
 * more, so a link is never doubled by its target's images.
 */
export const imageJoinSql = (strapi: Core.Strapi) => {
  const t = imageTables(strapi);
  const q = (name: string) => `"${name}"`;
  return {
    join: (row: string, alias: string) =>
      `LEFT JOIN ${q(t.file)} ${alias} ON ${alias}."id" = (SELECT m.${q(t.fileId)}
        FROM ${q(t.morph)} m WHERE m.${q(t.relatedId)} = ${row}."id"
          AND m.${q(t.relatedType)} = '${ARTICLE_UID}' AND m."field" = 'image'
        ORDER BY m."order", m."id" LIMIT 1)`,
    column: (alias: string, field: ImageField) => `${alias}.${q(t.columns[field])}`,
    fields: FILE_FIELDS,
  };
};

/** A lead image from the flattened `image<Field>` keys the render's statement returns. */
export const imageFromRow = (row: Record<string, unknown>, prefix = 'image'): LeadImage | null =>
  toLeadImage({
    url: row[`${prefix}Url`],
    alternativeText: row[`${prefix}AlternativeText`],
    width: row[`${prefix}Width`],
    height: row[`${prefix}Height`],
    formats: row[`${prefix}Formats`],
  });

/** `imageUrl`, `imageAlternativeText`, …: the keys of a flattened image. */
export const imageKey = (field: ImageField, prefix = 'image') =>
  `${prefix}${field[0].toUpperCase()}${field.slice(1)}`;

/**
 * The lead image of each story's published version, by documentId (null: none): for lists that
 * name stories without rendering them (related's suggestions). Where stories are localized,
 * the versions of `locale`.
 */
export const readPublishedImages = async (
  strapi: Core.Strapi,
  documentIds: readonly string[],
  locale: string | null
): Promise<Map<string, LeadImage | null>> => {
  const images = new Map<string, LeadImage | null>(documentIds.map((id) => [id, null]));
  if (documentIds.length === 0) return images;
  const t = imageTables(strapi);
  const a = articleColumns(strapi);
  const { article } = newsroomTables(strapi);
  // In the caller's transaction when there is one (a placement read after its save).
  const rows: Record<string, unknown>[] = await inCurrentTransaction(strapi, (trx) =>
    (trx ?? strapi.db.connection)(`${article} as a`)
      .join(`${t.morph} as m`, function joinMorph() {
        this.on(`m.${t.relatedId}`, '=', 'a.id')
          .andOnVal(`m.${t.relatedType}`, '=', ARTICLE_UID)
          .andOnVal('m.field', '=', 'image');
      })
      .join(`${t.file} as f`, 'f.id', `m.${t.fileId}`)
      .whereIn(`a.${a.documentId}`, [...new Set(documentIds)])
      .whereNotNull(`a.${a.publishedAt}`)
      .modify((query) => {
        if (locale !== null) query.where('a.locale', locale);
      })
      .orderBy([`m.order`, 'm.id'])
      .select(
        `a.${a.documentId} as documentId`,
        ...FILE_FIELDS.map((f) => `f.${t.columns[f]} as ${f}`)
      )
  );
  const seen = new Set<string>();
  for (const row of rows) {
    const id = row.documentId as string;
    // The first by order, as the render takes it.
    if (seen.has(id)) continue;
    seen.add(id);
    images.set(id, toLeadImage(row));
  }
  return images;
};

/**
 * What readers are shown of each of these files, by file id (a file that is gone is absent):
 * its lead image. For the media library's edits (lifecycles/media-changes), which change the
 * picture of every story using the file without a publish.
 */
export const readFileImages = async (
  strapi: Core.Strapi,
  fileIds: readonly number[],
  trx?: Knex.Transaction
): Promise<Map<number, LeadImage | null>> => {
  const images = new Map<number, LeadImage | null>();
  if (fileIds.length === 0) return images;
  const t = imageTables(strapi);
  const rows: Record<string, unknown>[] = await (trx ?? strapi.db.connection)(t.file)
    .whereIn('id', [...new Set(fileIds)])
    .select('id', ...FILE_FIELDS.map((f) => `${t.columns[f]} as ${f}`));
  for (const row of rows) images.set(Number(row.id), toLeadImage(row));
  return images;
};

/**
 * The stories whose published version (any locale's) has one of these files as its image, by
 * file id. A draft's use is left out: readers never see it (the render reads each version's own
 * morph row), so nothing cached shows it.
 */
export const readImageUsers = async (
  strapi: Core.Strapi,
  fileIds: readonly number[],
  trx?: Knex.Transaction
): Promise<Map<number, Set<string>>> => {
  const users = new Map<number, Set<string>>();
  if (fileIds.length === 0) return users;
  const t = imageTables(strapi);
  const a = articleColumns(strapi);
  const { article } = newsroomTables(strapi);
  const rows: { fileId: unknown; documentId: string }[] = await (trx ?? strapi.db.connection)(
    `${t.morph} as m`
  )
    .join(`${article} as a`, 'a.id', `m.${t.relatedId}`)
    .whereIn(`m.${t.fileId}`, [...new Set(fileIds)])
    .where(`m.${t.relatedType}`, ARTICLE_UID)
    .where('m.field', 'image')
    .whereNotNull(`a.${a.publishedAt}`)
    .distinct({ fileId: `m.${t.fileId}`, documentId: `a.${a.documentId}` });
  for (const row of rows) {
    const id = Number(row.fileId);
    users.set(id, (users.get(id) ?? new Set()).add(row.documentId));
  }
  return users;
};
