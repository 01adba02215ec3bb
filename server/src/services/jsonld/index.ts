import type { RenderedArticle, RenderedQuote } from '../render/types';
import type {
  JsonLdOrganization,
  JsonLdPerson,
  JsonLdQuotation,
  JsonLdWork,
  NewsArticleJsonLd,
} from './types';

const organization = (name: string, url?: string): JsonLdOrganization => ({
  '@type': 'Organization',
  name,
  ...(url ? { url } : {}),
});

/**
 * Agencies and institutions are quoted as often as people ("kata KCNA"). An all-capitals
 * name is taken for an organisation; anyone else is a person with their role as job title.
 */
const speakerOf = (quote: RenderedQuote): JsonLdPerson | JsonLdOrganization | undefined => {
  if (!quote.speaker) return undefined;
  if (/^[A-Z0-9][A-Z0-9 .&-]+$/.test(quote.speaker)) return organization(quote.speaker);
  return {
    '@type': 'Person',
    name: quote.speaker,
    ...(quote.speakerRole ? { jobTitle: quote.speakerRole } : {}),
  };
};

const quotation = (quote: RenderedQuote): JsonLdQuotation => {
  const speaker = speakerOf(quote);
  return {
    '@type': 'Quotation',
    text: quote.text,
    ...(speaker ? { creator: speaker, spokenByCharacter: speaker } : {}),
    ...(quote.relayedBy ? { publisher: organization(quote.relayedBy) } : {}),
  };
};

/**
 * Where stories are localized: the default locale's version is the work, the others its
 * translations (schema.org `workTranslation` and `translationOfWork`).
 */
const translationsOf = (
  article: RenderedArticle,
  siteUrl: string | null,
  defaultLocale: string | null
): Pick<NewsArticleJsonLd, 'workTranslation' | 'translationOfWork'> => {
  if (!article.locale || !article.translations?.length || !defaultLocale) return {};
  const work = (t: { href: string; locale: string; title: string }): JsonLdWork => ({
    '@type': 'NewsArticle',
    '@id': absolute(t.href, siteUrl),
    url: absolute(t.href, siteUrl),
    headline: t.title,
    inLanguage: t.locale,
  });
  if (article.locale === defaultLocale) {
    return { workTranslation: article.translations.map(work) };
  }
  const original = article.translations.find((t) => t.locale === defaultLocale);
  return original ? { translationOfWork: work(original) } : {};
};

/** Makes a site-relative href absolute when the site's origin is configured. */
const absolute = (href: string, siteUrl: string | null): string =>
  siteUrl && href.startsWith('/') ? `${siteUrl}${href}` : href;

/**
 * A schema.org NewsArticle for search engines. `datePublished` is the story's own date
 * (`reportedAt`) when set, because Strapi's `publishedAt` moves on every re-publish;
 * `dateModified` is the last change of the published version.
 */
export const buildNewsArticleJsonLd = (
  article: RenderedArticle,
  {
    siteUrl,
    defaultLocale = null,
  }: {
    siteUrl: string | null;
    /** Where stories are localized: the newsroom's own language, the one others translate. */
    defaultLocale?: string | null;
  }
): NewsArticleJsonLd => {
  const url = absolute(article.href, siteUrl);
  // A never-published draft (preview) has neither date yet: its last edit stands in.
  const published = article.reportedAt ?? article.publishedAt ?? article.updatedAt ?? '';
  const paragraphs = article.body.flatMap((block) =>
    block.type === 'paragraph' ? [block.text] : []
  );
  const related = article.body.flatMap((block) =>
    block.type === 'baca-juga' && block.href ? [absolute(block.href, siteUrl)] : []
  );

  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    ...(article.lead ? { description: article.lead } : {}),
    inLanguage: article.locale ?? 'id',
    datePublished: published,
    dateModified: article.updatedAt ?? article.publishedAt ?? published,
    ...(article.dateline ? { dateline: article.dateline } : {}),
    ...(article.tags.length ? { keywords: article.tags } : {}),
    ...(article.outlet ? { publisher: organization(article.outlet, siteUrl ?? undefined) } : {}),
    ...(article.wireSource
      ? { isBasedOn: { '@type': 'NewsArticle', publisher: organization(article.wireSource) } }
      : {}),
    articleBody: paragraphs.join('\n\n'),
    ...(article.quotes.length ? { hasPart: article.quotes.map(quotation) } : {}),
    ...(related.length ? { relatedLink: [...new Set(related)] } : {}),
    ...translationsOf(article, siteUrl, defaultLocale),
  };
};
