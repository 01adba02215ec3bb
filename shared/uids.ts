/**
 * The plugin's id and its content types' uids: one home for the server, the admin and the
 * tests (`plugin::<plugin>.<singularName>`, as Strapi builds them).
 */
export const PLUGIN_ID = 'newsroom';

export const ARTICLE_UID = 'plugin::newsroom.article' as const;
export const QUOTE_UID = 'plugin::newsroom.quote' as const;
export const LINK_UID = 'plugin::newsroom.related-link' as const;

/** Every content type of the plugin. */
export type NewsroomUid = typeof ARTICLE_UID | typeof QUOTE_UID | typeof LINK_UID;
/** The parts of a story, each owned by one article. */
export type PartUid = typeof QUOTE_UID | typeof LINK_UID;
