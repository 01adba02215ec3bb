import { LINK_UID, QUOTE_UID } from '#shared/uids';

export { ARTICLE_UID, LINK_UID, PLUGIN_ID, QUOTE_UID } from '#shared/uids';
export type { NewsroomUid, PartUid } from '#shared/uids';

/** The relation that ties a quote or a Baca Juga link to the article it belongs to. */
export const OWNER_FIELD = {
  [QUOTE_UID]: 'article',
  [LINK_UID]: 'sourceArticle',
} as const;

export const PARAGRAPHS_FIELD = 'paragraphs';
export const TAGS_FIELD = 'tags';

/**
 * Content-API action that lets an API token read drafts on the plugin's routes. Its name does
 * not end in "find"/"findOne", so Strapi's read-only tokens never get it implicitly.
 */
export const PREVIEW_ACTION = 'plugin::newsroom.preview.draft' as const;
