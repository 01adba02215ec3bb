/**
 * What a reader sees of a link (shared/baca-juga/reader-view): the one rule the render, the
 * related list and the manager's preview follow. Every case, as a table.
 */
import {
  readerView,
  readersSee,
  type ReaderLink,
  type ReaderTarget,
  type ReaderView,
} from '#shared/baca-juga/reader-view';
import type { LinkTarget } from '#shared/contracts/admin';
import { readerViewOf } from '../../admin/src/utils/placement';

const published = (title: string | null): ReaderTarget => ({
  published: true,
  publishedTitle: title,
  awaitingCopy: false,
});
const placeholder: ReaderTarget = { published: false, publishedTitle: null, awaitingCopy: true };
const draft: ReaderTarget = { published: false, publishedTitle: null, awaitingCopy: false };

const cases: [string, ReaderLink, ReaderTarget | null, ReaderView][] = [
  // A published target: a link to its story, under the link's label or the published title.
  [
    'published target, own label',
    { label: 'Baca ini', url: null },
    published('Judul Terbit'),
    { kind: 'link', label: 'Baca ini', url: null },
  ],
  [
    'published target, label trimmed',
    { label: '  Baca ini  ', url: null },
    published('Judul Terbit'),
    { kind: 'link', label: 'Baca ini', url: null },
  ],
  [
    'published target, no label: the published title',
    { label: null, url: null },
    published('Judul Terbit'),
    { kind: 'link', label: 'Judul Terbit', url: null },
  ],
  [
    'published target, blank label: the published title',
    { label: '   ', url: undefined },
    published('Judul Terbit'),
    { kind: 'link', label: 'Judul Terbit', url: null },
  ],
  [
    'published target, no label and no title: nothing to show',
    { label: null, url: null },
    published(''),
    { kind: 'held', reason: 'no-text' },
  ],
  [
    'published target still flagged a placeholder: published wins',
    { label: null, url: null },
    { published: true, publishedTitle: 'Judul Terbit', awaitingCopy: true },
    { kind: 'link', label: 'Judul Terbit', url: null },
  ],
  // A placeholder awaiting its copy: the link's own line, as text; its draft title never.
  [
    'placeholder, own label: text',
    { label: 'Judul dari naskah', url: null },
    placeholder,
    { kind: 'text', label: 'Judul dari naskah' },
  ],
  [
    'placeholder, no label: held',
    { label: null, url: null },
    placeholder,
    { kind: 'held', reason: 'awaiting-copy-without-label' },
  ],
  [
    'placeholder, blank label: held',
    { label: ' ', url: null },
    placeholder,
    { kind: 'held', reason: 'awaiting-copy-without-label' },
  ],
  // A target readers cannot open: held, whatever else the link carries.
  [
    'draft or unpublished target, with a label',
    { label: 'Baca ini', url: null },
    draft,
    { kind: 'held', reason: 'target-not-published' },
  ],
  [
    'unpublished target and a url (refused on write): held, never the url',
    { label: 'Baca ini', url: 'https://contoh.id/x' },
    draft,
    { kind: 'held', reason: 'target-not-published' },
  ],
  // No target: the url, when a browser may follow it.
  [
    'external url, own label',
    { label: 'Sumber', url: 'https://contoh.id/x' },
    null,
    { kind: 'link', label: 'Sumber', url: 'https://contoh.id/x' },
  ],
  [
    'external url, no label: the url',
    { label: '', url: 'https://contoh.id/x' },
    null,
    { kind: 'link', label: 'https://contoh.id/x', url: 'https://contoh.id/x' },
  ],
  [
    'a path on the site',
    { label: 'Awal', url: '/berita/awal' },
    null,
    { kind: 'link', label: 'Awal', url: '/berita/awal' },
  ],
  [
    'javascript: url',
    { label: 'Klik', url: 'javascript:alert(1)' },
    null,
    { kind: 'held', reason: 'unsafe-url' },
  ],
  [
    'protocol-relative url',
    { label: 'Klik', url: '//evil.example/x' },
    null,
    { kind: 'held', reason: 'unsafe-url' },
  ],
  [
    'neither target nor url (its target was deleted)',
    { label: 'Baca ini', url: null },
    null,
    { kind: 'held', reason: 'no-target' },
  ],
  [
    'empty url and no target',
    { label: 'Baca ini', url: '' },
    null,
    { kind: 'held', reason: 'no-target' },
  ],
];

describe('readerView', () => {
  it.each(cases)('%s', (_name, link, target, expected) => {
    expect(readerView(link, target)).toEqual(expected);
    expect(readersSee(expected)).toBe(expected.kind !== 'held');
  });

  it('never shows a title that is not a published one', () => {
    // Over every label and target state: a shown label is the link's own, the url, or the
    // published title, never a draft's.
    for (const label of [null, '', ' ', 'Sendiri'])
      for (const target of [null, draft, placeholder, published('Terbit')])
        for (const url of [null, 'https://contoh.id/x']) {
          const view = readerView({ label, url }, target);
          if (view.kind === 'held') continue;
          expect(['Sendiri', 'Terbit', url]).toContain(view.label);
        }
  });
});

/**
 * Regression (issue 25, item 20): the manager's preview had its own copy of the rule. It showed
 * a target's draft title where readers get the published one, and a placeholder's title for a
 * link without a label of its own, which the render holds back.
 */
describe("the manager's preview (readerViewOf)", () => {
  const target = (patch: Partial<LinkTarget>): LinkTarget => ({
    documentId: 't1',
    title: 'Judul Draf',
    slug: 'judul',
    status: 'modified',
    placeholder: false,
    publishedTitle: 'Judul Terbit',
    ...patch,
  });
  const link = (patch: Partial<Parameters<typeof readerViewOf>[0]>) =>
    readerViewOf({ label: '', url: null, targetArticle: null, ...patch });

  it('labels a link with its target’s published title, not the draft’s', () => {
    expect(link({ targetArticle: target({}) })).toEqual({
      kind: 'link',
      label: 'Judul Terbit',
      url: null,
    });
  });

  it('holds back a link to a placeholder without a label of its own', () => {
    const awaiting = target({ status: 'draft', placeholder: true, publishedTitle: null });
    expect(link({ targetArticle: awaiting })).toEqual({
      kind: 'held',
      reason: 'awaiting-copy-without-label',
    });
    expect(link({ targetArticle: awaiting, label: 'Baris' })).toEqual({
      kind: 'text',
      label: 'Baris',
    });
  });

  it('holds back a draft target, and shows an external url', () => {
    expect(link({ targetArticle: target({ status: 'draft', publishedTitle: null }) })).toEqual({
      kind: 'held',
      reason: 'target-not-published',
    });
    expect(link({ url: 'https://contoh.id/x', label: 'Sumber' })).toEqual({
      kind: 'link',
      label: 'Sumber',
      url: 'https://contoh.id/x',
    });
  });
});
