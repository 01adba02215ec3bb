/** The schema.org shapes served by GET /api/newsroom/articles/:slug/jsonld. */
export interface JsonLdOrganization {
  '@type': 'Organization';
  name: string;
  url?: string;
}

export interface JsonLdPerson {
  '@type': 'Person';
  name: string;
  jobTitle?: string;
}

export interface JsonLdQuotation {
  '@type': 'Quotation';
  text: string;
  /** The speaker; omitted when the story does not say who spoke. */
  creator?: JsonLdPerson | JsonLdOrganization;
  spokenByCharacter?: JsonLdPerson | JsonLdOrganization;
  /** The agency that relayed the quote ("kata KCNA"). */
  publisher?: JsonLdOrganization;
}

export interface NewsArticleJsonLd {
  '@context': 'https://schema.org';
  '@type': 'NewsArticle';
  '@id': string;
  url: string;
  mainEntityOfPage: string;
  headline: string;
  description?: string;
  /** The story's language: "id", or its locale where stories are localized. */
  inLanguage: string;
  datePublished: string;
  dateModified: string;
  dateline?: string;
  keywords?: string[];
  publisher?: JsonLdOrganization;
  /** The wire report the story is based on. */
  isBasedOn?: { '@type': 'NewsArticle'; publisher: JsonLdOrganization };
  articleBody: string;
  hasPart?: JsonLdQuotation[];
  /** Absolute (with `siteUrl`) or site-relative URLs of the Baca Juga targets, in reading order. */
  relatedLink?: string[];
  /** Where stories are localized, on the default locale's version: its translations. */
  workTranslation?: JsonLdWork[];
  /** Where stories are localized, on a translation: the default locale's version. */
  translationOfWork?: JsonLdWork;
}

/** Another language's version of the story. */
export interface JsonLdWork {
  '@type': 'NewsArticle';
  '@id': string;
  url: string;
  headline: string;
  inLanguage: string;
}
