/** The article fields a render reads (both the one-statement read and the Document Service). */
export const ARTICLE_FIELDS = [
  'documentId',
  'slug',
  'title',
  'lead',
  'outlet',
  'dateline',
  'byline',
  'wireSource',
  'reportedAt',
  'publishedAt',
  'updatedAt',
  'tags',
  'body',
] as const;
