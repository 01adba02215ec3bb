/**
 * "Copy links from another locale" (shared/baca-juga/copy-placement): by paragraph position,
 * each target swapped for its version in the new locale or left out and named, labels left
 * behind (they are the other language's words), nothing linked twice.
 */
import { copyPlacement, type CopiedLinkSource } from '#shared/baca-juga/copy-placement';

const link = (over: Partial<CopiedLinkSource>): CopiedLinkSource => ({
  documentId: 'l',
  targetDocumentId: null,
  targetTitle: null,
  url: null,
  label: null,
  afterParagraphId: 'p1',
  ...over,
});

const target = (over: Partial<Parameters<typeof copyPlacement>[1]> = {}) => ({
  paragraphIds: ['e1', 'e2', 'e3'],
  linkedTargets: new Set<string>(),
  linkedUrls: new Set<string>(),
  translated: new Set(['korut', 'ktt']),
  ...over,
});

const source = (links: CopiedLinkSource[]) => ({ paragraphIds: ['p1', 'p2', 'p3', 'p4'], links });

describe('copyPlacement', () => {
  it('places each link after the paragraph at the same position, target kept, label left', () => {
    const { links, report } = copyPlacement(
      source([
        link({
          documentId: 'a',
          targetDocumentId: 'korut',
          targetTitle: 'Korut',
          label: 'Baca',
          afterParagraphId: 'p2',
        }),
        link({
          documentId: 'b',
          url: 'https://antaranews.com/x',
          label: 'Antara',
          afterParagraphId: 'p1',
        }),
      ]),
      target()
    );
    expect(links).toEqual([
      { targetDocumentId: 'korut', url: null, label: null, afterParagraphId: 'e2' },
      {
        targetDocumentId: null,
        url: 'https://antaranews.com/x',
        label: null,
        afterParagraphId: 'e1',
      },
    ]);
    expect(report.map((e) => [e.link, e.outcome, e.fromParagraph, e.toParagraph])).toEqual([
      ['a', 'copied', 2, 2],
      ['b', 'copied-without-label', 1, 1],
    ]);
  });

  it('names a link whose target has no version in the new locale, and copies none for it', () => {
    const { links, report } = copyPlacement(
      source([
        link({
          documentId: 'a',
          targetDocumentId: 'beras',
          targetTitle: 'Harga Beras',
          afterParagraphId: 'p1',
        }),
      ]),
      target()
    );
    expect(links).toEqual([]);
    expect(report).toEqual([
      {
        link: 'a',
        name: 'Harga Beras',
        outcome: 'no-translation',
        fromParagraph: 1,
        toParagraph: null,
      },
    ]);
  });

  it("puts a link past the translation's end after its last paragraph", () => {
    const { links, report } = copyPlacement(
      source([link({ targetDocumentId: 'ktt', targetTitle: 'KTT', afterParagraphId: 'p4' })]),
      target()
    );
    expect(links[0].afterParagraphId).toBe('e3');
    expect(report[0]).toMatchObject({ fromParagraph: 4, toParagraph: 3, outcome: 'copied' });
  });

  it('links nothing twice: neither what the translation links already nor a repeat', () => {
    const { links, report } = copyPlacement(
      source([
        link({ documentId: 'a', targetDocumentId: 'korut', targetTitle: 'Korut' }),
        link({ documentId: 'b', url: 'https://a.example/1' }),
        link({ documentId: 'c', url: 'https://a.example/1' }),
      ]),
      target({ linkedTargets: new Set(['korut']) })
    );
    expect(links).toEqual([
      { targetDocumentId: null, url: 'https://a.example/1', label: null, afterParagraphId: 'e1' },
    ]);
    expect(report.map((e) => e.outcome)).toEqual(['already-linked', 'copied', 'already-linked']);
  });

  it('copies nothing into a translation without paragraphs, or from a slot that is gone', () => {
    expect(
      copyPlacement(source([link({ url: 'https://a.example/1' })]), target({ paragraphIds: [] }))
        .report[0].outcome
    ).toBe('no-paragraph');
    expect(
      copyPlacement(
        source([link({ url: 'https://a.example/1', afterParagraphId: 'gone' })]),
        target()
      ).report[0]
    ).toMatchObject({ outcome: 'no-paragraph', fromParagraph: null });
  });
});
