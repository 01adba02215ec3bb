import { ARTICLE_UID, LINK_UID, QUOTE_UID, type NewsroomUid } from '../constants';

/** A field as the content manager names it: a label, and a hint below its input. */
export interface FieldWords {
  label: string;
  description?: string;
}

/**
 * Words for every field an editor sees in the content manager, instead of the attribute's
 * name (`wireSource`, `afterParagraphId`). Fields hidden from it (`visible: false`) have none.
 */
export const FIELD_WORDS: Record<NewsroomUid, Record<string, FieldWords>> = {
  [ARTICLE_UID]: {
    title: { label: 'Title' },
    slug: { label: 'Slug', description: 'The story’s address; an old slug keeps redirecting.' },
    outlet: { label: 'Outlet' },
    dateline: { label: 'Dateline', description: 'Where the story was reported from.' },
    byline: { label: 'Byline' },
    wireSource: { label: 'Wire source', description: 'The agency the copy came from, if any.' },
    reportedAt: { label: 'Reported on' },
    lead: { label: 'Lead' },
    tags: { label: 'Tags' },
    body: { label: 'Body', description: 'The story, paragraph by paragraph.' },
    placeholder: {
      label: 'Placeholder',
      description: 'Made for a Baca Juga link before the story’s copy arrived.',
    },
  },
  [QUOTE_UID]: {
    text: { label: 'Quoted words' },
    speaker: { label: 'Speaker', description: 'Readers see only a speaker an editor decided.' },
    speakerRole: { label: 'Speaker’s role' },
    relayedBy: { label: 'Relayed by', description: 'Who reported the words, e.g. an agency.' },
    needsReview: {
      label: 'Speaker to check',
      description: 'Set by the importer when it was unsure who spoke.',
    },
    suggestedSpeaker: { label: 'Suggested speaker', description: 'The importer’s guess.' },
    suggestedRole: { label: 'Suggested role' },
    speakerConfirmed: { label: 'Speaker confirmed' },
    attribution: {
      label: 'Evidence',
      description: 'What the importer read the speaker on.',
    },
    kind: { label: 'Kind', description: 'Full sentence, or a few words inside one.' },
    article: { label: 'Story' },
    paragraphId: { label: 'Paragraph', description: 'The id of the paragraph it is quoted in.' },
  },
  [LINK_UID]: {
    sourceArticle: { label: 'Story', description: 'The story the link is placed in.' },
    targetArticle: { label: 'Linked story', description: 'Empty for an external link.' },
    url: { label: 'External URL', description: 'Only for a link to another site.' },
    label: { label: 'Label', description: 'Empty: readers see the linked story’s title.' },
    afterParagraphId: {
      label: 'After paragraph',
      description: 'The id of the paragraph the link follows.',
    },
    variantAfterParagraphId: {
      label: 'Test position',
      description: 'The other paragraph in a position test.',
    },
    variantSince: { label: 'Test started' },
    position: { label: 'Order', description: 'Among the links after the same paragraph.' },
    needsReview: {
      label: 'Place to check',
      description: 'Its paragraph was deleted: the link was moved.',
    },
  },
};

/**
 * The list's columns: what identifies an entry at a glance (for a quote, its story and whether
 * its speaker is to be checked). Each column is an attribute the list can show.
 */
export const LIST_COLUMNS: Record<NewsroomUid, string[]> = {
  [ARTICLE_UID]: ['id', 'title', 'slug', 'reportedAt', 'wireSource'],
  [QUOTE_UID]: ['id', 'text', 'speaker', 'article', 'needsReview'],
  [LINK_UID]: ['id', 'sourceArticle', 'label', 'targetArticle', 'url', 'needsReview'],
};

/** A relation shown by its article's title (in the list's column and in its filter). */
export const RELATION_MAIN_FIELD = 'title';
