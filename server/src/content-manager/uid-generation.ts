import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { getService } from '../utils/get-service';
import { toSlug } from '../utils/slug';

interface UidParams {
  contentTypeUID: string;
  field: string;
  value: string;
  locale?: string;
}

interface UidService {
  generateUIDField(params: {
    contentTypeUID: string;
    field: string;
    data: Record<string, unknown>;
    locale?: string;
  }): Promise<string>;
  findUniqueUID(params: UidParams): Promise<string>;
  checkUIDAvailability(params: UidParams): Promise<boolean>;
}

const isArticleSlug = (params: { contentTypeUID: string; field: string }) =>
  params.contentTypeUID === ARTICLE_UID && params.field === 'slug';

/**
 * The content manager proposes an article's slug from its title and checks the one an editor
 * types (its uid service, behind `/content-manager/uid/generate` and `/check-availability`).
 * It knows only the slugs articles' drafts have now; an old slug of another story redirects
 * to that story, and a published row keeps its slug while its draft is renamed, so both are
 * taken too. Its proposals go through the plugin's own rules: the slug from `toSlug` (its own
 * slugify spells symbols in English), the suffix from the same `freeSlug` as the plugin's
 * slug generation.
 */
export const keepOldSlugsOutOfUidGeneration = (strapi: Core.Strapi) => {
  const uid = strapi.plugin('content-manager')?.service('uid') as UidService | undefined;
  if (!uid || typeof uid.findUniqueUID !== 'function') return;
  const slugs = () => getService(strapi, 'slugHistory');
  const original = {
    generateUIDField: uid.generateUIDField.bind(uid),
    findUniqueUID: uid.findUniqueUID.bind(uid),
    checkUIDAvailability: uid.checkUIDAvailability.bind(uid),
  };
  uid.generateUIDField = async (params) => {
    const base = isArticleSlug(params) ? toSlug(String(params.data?.title ?? '')) : '';
    return base ? slugs().freeSlug(base) : original.generateUIDField(params);
  };
  uid.findUniqueUID = async (params) =>
    isArticleSlug(params) && params.value
      ? slugs().freeSlug(params.value)
      : original.findUniqueUID(params);
  uid.checkUIDAvailability = async (params) =>
    isArticleSlug(params)
      ? !(await slugs().taken(params.value))
      : original.checkUIDAvailability(params);
};
