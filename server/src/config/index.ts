import { errors } from '@strapi/utils';

export interface NewsroomConfig {
  /** Site-relative pattern for internal article links; `:slug` is replaced. */
  hrefPattern: string;
  /** Upper bound of Baca Juga links one article may carry. */
  maxLinksPerArticle: number;
}

const defaultConfig: NewsroomConfig = {
  hrefPattern: '/berita/:slug',
  maxLinksPerArticle: 10,
};

export default {
  default: defaultConfig,
  validator(config: Partial<NewsroomConfig>) {
    const { hrefPattern, maxLinksPerArticle } = config;
    // The pattern must stay site-relative: a frontend renders it as-is in an <a href>.
    if (
      typeof hrefPattern !== 'string' ||
      !hrefPattern.startsWith('/') ||
      hrefPattern.startsWith('//')
    ) {
      throw new errors.ApplicationError(
        'newsroom: config.hrefPattern must be a site-relative path such as "/berita/:slug"'
      );
    }
    if (!hrefPattern.includes(':slug')) {
      throw new errors.ApplicationError('newsroom: config.hrefPattern must contain ":slug"');
    }
    if (!Number.isInteger(maxLinksPerArticle) || (maxLinksPerArticle as number) < 1) {
      throw new errors.ApplicationError(
        'newsroom: config.maxLinksPerArticle must be a positive integer'
      );
    }
  },
};
