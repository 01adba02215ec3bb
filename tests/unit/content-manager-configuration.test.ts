import { generatedListLayout, withDefaults } from '../../server/src/content-manager/configuration';
import { QUOTE_UID } from '#shared/uids';

/** The Quote type as the content manager models it (id first, documentId last). */
const ATTRIBUTES = {
  id: { type: 'integer' },
  text: { type: 'text' },
  speaker: { type: 'string' },
  speakerRole: { type: 'string' },
  needsReview: { type: 'boolean' },
  attribution: { type: 'json' },
  article: { type: 'relation', relationType: 'manyToOne' },
  documentId: { type: 'string' },
};

const meta = (label: string, extra: Record<string, unknown> = {}) => ({
  edit: { label, description: '', placeholder: '', visible: true, editable: true, ...extra },
  list: { label, searchable: true, sortable: true },
});

const generated = () => ({
  settings: { mainField: 'speaker' },
  metadatas: {
    text: meta('text'),
    speaker: meta('speaker'),
    needsReview: meta('needsReview'),
    article: meta('article', { mainField: 'title' }),
  },
  layouts: { list: ['id', 'text', 'speaker', 'speakerRole'], edit: [] },
});

describe('content-manager configuration defaults', () => {
  it("knows Strapi's generated list: the first four listable fields", () => {
    expect(generatedListLayout(ATTRIBUTES)).toEqual(['id', 'text', 'speaker', 'speakerRole']);
  });

  it('fills labels still named after the attribute, with their hints, and the generated list', () => {
    const next = withDefaults(QUOTE_UID, ATTRIBUTES, generated());
    expect(next.metadatas.needsReview.edit.label).toBe('Speaker to check');
    expect(next.metadatas.needsReview.list.label).toBe('Speaker to check');
    expect(next.metadatas.needsReview.edit.description).toMatch(/importer/);
    expect(next.metadatas.article.edit.mainField).toBe('title');
    expect(next.layouts.list).toEqual(['id', 'text', 'speaker', 'article', 'needsReview']);
    // Nothing else of the configuration is touched.
    expect(next.settings).toEqual({ mainField: 'speaker' });
  });

  it("keeps what an admin changed: a label, its hint, the list's columns", () => {
    const customised = generated();
    customised.metadatas.speaker = meta('Narasumber');
    customised.metadatas.text.edit.label = 'Kutipan';
    customised.layouts.list = ['id', 'speaker'];
    const next = withDefaults(QUOTE_UID, ATTRIBUTES, customised);
    expect(next.metadatas.speaker).toEqual(meta('Narasumber'));
    expect(next.metadatas.text.edit).toEqual(meta('Kutipan').edit);
    // Its list label was still the raw name: that one gets words.
    expect(next.metadatas.text.list.label).toBe('Quoted words');
    expect(next.layouts.list).toEqual(['id', 'speaker']);
    // Applied twice, nothing more changes (a restart writes nothing).
    expect(withDefaults(QUOTE_UID, ATTRIBUTES, next)).toEqual(next);
  });
});
