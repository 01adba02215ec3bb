import { LINK_UID, OWNER_FIELD, QUOTE_UID } from '../constants';

type Part = typeof LINK_UID | typeof QUOTE_UID;

/**
 * What a reader may list of the plugin's parts, as Document Service filters with the
 * operator prefix of the entry point (`$` on REST, none on GraphQL): a quote or link whose
 * article has a row of the same status, and a link a reader can follow (its target's row of
 * that status exists, or it carries a url). A published link whose target was unpublished
 * keeps its label, and must not be listed with it.
 */
export const visiblePartFilters = (uid: Part, op: '$' | ''): Record<string, unknown>[] => {
  const notNull = { [`${op}notNull`]: true };
  const owned = { [OWNER_FIELD[uid]]: { documentId: notNull } };
  if (uid === QUOTE_UID) return [owned];
  return [
    owned,
    {
      [`${op}or`]: [
        { targetArticle: { documentId: notNull } },
        { url: { ...notNull, [`${op}ne`]: '' } },
      ],
    },
  ];
};
