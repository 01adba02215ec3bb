/** A Document Service call as the plugin's middlewares read it. */
export type DocumentContext = { uid: string; action: string; params: Record<string, any> };

/**
 * A write that makes a new published version: a publish, or a create or update that asks to
 * publish too (`status: 'published'`). Creates and updates otherwise touch only drafts.
 */
export const publishes = ({ action, params }: DocumentContext) =>
  action === 'publish' ||
  ((action === 'create' || action === 'update') && params?.status === 'published');
