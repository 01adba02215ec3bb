import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { ARTICLE_UID, PLUGIN_ID } from '../constants';
import {
  PREVIEW_TOKEN_TTL_SECONDS,
  previewKey,
  signPreviewToken,
  verifyPreviewToken,
  type PreviewGrant,
} from '../auth/preview-token';
import { articleHref } from '../utils/href';

/** The content manager's read action: who may see an article's draft in the admin. */
const CONTENT_MANAGER_READ = 'plugin::content-manager.explorer.read';

/** What a preview URL is built from. `token` is null for the published version: it needs none. */
export interface PreviewTarget {
  documentId: string;
  slug: string;
  locale: string | null;
  /** The story's address on the site, from `hrefPattern`. */
  href: string;
  token: string | null;
}

export interface PreviewUrlOptions {
  /**
   * The frontend's origin (`https://www.example.id`): the URL is the story's address there,
   * with `?preview=<token>` for a draft (and `&locale=` when one is given).
   */
  origin?: string;
  /** Or the whole URL, built here (the playground points at the plugin's own preview route). */
  url?: (target: PreviewTarget) => string;
}

/**
 * Strapi's Preview button for an Article (`config/admin.ts`, `preview.config.handler`):
 *
 *   handler: (uid, params) =>
 *     strapi.plugin('newsroom').service('preview').url(uid, params, { origin: env('CLIENT_URL') })
 *
 * The URL carries a short-lived token for this story's draft (auth/preview-token), which the
 * frontend exchanges at `GET /api/newsroom/preview?token=` for the draft, render-ready: no API
 * token ever reaches a browser. Other content types get no preview (null).
 */
const createPreviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const key = () => {
    const secret = strapi.config.get('admin.auth.secret') as string | undefined;
    if (!secret)
      throw new Error('newsroom: previews need the admin JWT secret (admin.auth.secret)');
    return previewKey(secret);
  };

  /** A token for the draft of this story, valid for `PREVIEW_TOKEN_TTL_SECONDS`. */
  const token = (documentId: string, locale: string | null = null, now = Date.now()): string => {
    const expiresAt = Math.floor(now / 1000) + PREVIEW_TOKEN_TTL_SECONDS;
    return signPreviewToken({ documentId, locale, expiresAt }, key());
  };

  return {
    token,

    /** The grant of a valid token, or null (forged, altered, expired, malformed). */
    verify(token: unknown, now = Date.now()): PreviewGrant | null {
      return verifyPreviewToken(token, key(), Math.floor(now / 1000));
    },

    /** The Preview button's URL for a document, or null when it has none to show. */
    async url(
      uid: string,
      params: { documentId: string; locale?: string | null; status?: 'draft' | 'published' },
      options: PreviewUrlOptions = {}
    ): Promise<string | null> {
      if (uid !== ARTICLE_UID) return null;
      // Strapi asks for the URL without checking the admin user may read the document: a
      // token would open a draft the user may not see. Inside a request, only a user whose
      // role may read articles in the content manager gets one (a script has no request).
      const request = strapi.requestContext.get() as
        | { state?: { userAbility?: { can: (action: string, subject: string) => boolean } } }
        | undefined;
      if (request && !request.state?.userAbility?.can(CONTENT_MANAGER_READ, ARTICLE_UID)) {
        return null;
      }
      const status = params.status === 'published' ? 'published' : 'draft';
      const locale = params.locale ?? null;
      const article = await strapi.documents(ARTICLE_UID).findOne({
        documentId: params.documentId,
        status,
        fields: ['slug'],
        ...(locale ? { locale } : {}),
      } as any);
      const slug = (article as { slug?: string | null } | null)?.slug;
      if (!slug) return null;
      const { hrefPattern } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
      const target: PreviewTarget = {
        documentId: params.documentId,
        slug,
        locale,
        href: articleHref(hrefPattern, slug),
        token: status === 'draft' ? token(params.documentId, locale) : null,
      };
      if (options.url) return options.url(target);
      if (!options.origin) return null;
      const url = new URL(target.href, options.origin);
      if (target.token) url.searchParams.set('preview', target.token);
      if (locale) url.searchParams.set('locale', locale);
      return url.toString();
    },
  };
};

export type PreviewService = ReturnType<typeof createPreviewService>;
export default createPreviewService;
