import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { getService } from '../utils/get-service';

interface UidParams {
  contentTypeUID: string;
  field: string;
  value: string;
  locale?: string;
}

interface UidService {
  findUniqueUID(params: UidParams): Promise<string>;
}

/**
 * The content manager proposes an article's slug from its title (its uid service, behind
 * `/content-manager/uid/generate`). It knows only the slugs articles have now; an old slug of
 * another story redirects to that story, so it must not be proposed either. The article's
 * proposal goes through the same `freeSlug` as the plugin's own slug generation.
 */
export const keepOldSlugsOutOfUidGeneration = (strapi: Core.Strapi) => {
  const uid = strapi.plugin('content-manager')?.service('uid') as UidService | undefined;
  if (!uid || typeof uid.findUniqueUID !== 'function') return;
  const original = uid.findUniqueUID.bind(uid);
  // `generateUIDField` calls `this.findUniqueUID`, so replacing the method covers it.
  uid.findUniqueUID = async (params: UidParams) =>
    params.contentTypeUID === ARTICLE_UID && params.field === 'slug' && params.value
      ? getService(strapi, 'slugHistory').freeSlug(params.value)
      : original(params);
};
