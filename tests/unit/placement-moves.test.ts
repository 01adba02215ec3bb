/**
 * The editor's local placement operations: a link moved with the keyboard crosses slot
 * boundaries, and what a save sends is the reading order the server stores.
 */
import type { Placement } from '#shared/contracts/admin';
import {
  fromPlacement,
  insertLink,
  keepTestedSlot,
  moveLink,
  setSecondSlot,
  slotIdsOf,
  toSaveBody,
  type DraftLink,
} from '../../admin/src/utils/placement';

const paragraphs = [{ id: 'p-aaaaaa' }, { id: 'p-bbbbbb' }, { id: 'p-cccccc' }];
const slots = slotIdsOf(paragraphs);
const link = (key: string, afterParagraphId: string): DraftLink => ({
  key,
  documentId: key,
  targetArticle: null,
  url: `/berita/${key}`,
  label: '',
  afterParagraphId,
  variantAfterParagraphId: null,
  health: 'external',
});
const layout = (links: DraftLink[]) => links.map((l) => `${l.key}@${l.afterParagraphId}`);

const threeLinks = () => [link('a', 'p-aaaaaa'), link('b', 'p-aaaaaa'), link('c', 'p-cccccc')];
/** A link as the server sends it, for `fromPlacement`. */
const stored = (documentId: string, afterParagraphId: string) => ({
  documentId,
  targetArticle: null,
  url: `/berita/${documentId}`,
  label: null,
  afterParagraphId,
  position: 0,
  health: 'external',
});

describe('placement moves', () => {
  const start = [link('a', 'p-aaaaaa'), link('b', 'p-aaaaaa'), link('c', 'p-cccccc')];

  it('moves within a slot, then across into the neighbouring slot', () => {
    const once = moveLink(start, slots, 'a', 'down');
    expect(layout(once)).toEqual(['b@p-aaaaaa', 'a@p-aaaaaa', 'c@p-cccccc']);
    const twice = moveLink(once, slots, 'a', 'down');
    expect(layout(twice)).toEqual(['b@p-aaaaaa', 'a@p-bbbbbb', 'c@p-cccccc']);
    const thrice = moveLink(twice, slots, 'a', 'down');
    expect(layout(thrice)).toEqual(['b@p-aaaaaa', 'a@p-cccccc', 'c@p-cccccc']);
  });

  it('moves up from the first place of a slot to the end of the previous one', () => {
    const moved = moveLink(start, slots, 'c', 'up');
    expect(layout(moved)).toEqual(['a@p-aaaaaa', 'b@p-aaaaaa', 'c@p-bbbbbb']);
  });

  it('stays put at the very edges', () => {
    const top = [link('a', 'start')];
    expect(moveLink(top, slots, 'a', 'up')).toBe(top);
    const bottom = [link('z', 'p-cccccc')];
    expect(moveLink(bottom, slots, 'z', 'down')).toBe(bottom);
  });

  it('drops before a given link or at the end of a slot', () => {
    const before = insertLink(start, slots, start[2], 'p-aaaaaa', 'b');
    expect(layout(before)).toEqual(['a@p-aaaaaa', 'c@p-aaaaaa', 'b@p-aaaaaa']);
    const atEnd = insertLink(start, slots, link('n', 'start'), 'p-bbbbbb');
    expect(layout(atEnd)).toEqual(['a@p-aaaaaa', 'b@p-aaaaaa', 'n@p-bbbbbb', 'c@p-cccccc']);
  });

  it('saves links in reading order, new ones without a documentId', () => {
    const fresh = { ...link('new-1', 'p-bbbbbb'), documentId: null, label: ' Baca ini ' };
    const body = toSaveBody('v1', insertLink(start, slots, fresh, 'p-bbbbbb'));
    expect(body).toEqual({
      version: 'v1',
      links: [
        {
          documentId: 'a',
          url: '/berita/a',
          label: null,
          afterParagraphId: 'p-aaaaaa',
          variantAfterParagraphId: null,
        },
        {
          documentId: 'b',
          url: '/berita/b',
          label: null,
          afterParagraphId: 'p-aaaaaa',
          variantAfterParagraphId: null,
        },
        {
          url: '/berita/new-1',
          label: 'Baca ini',
          afterParagraphId: 'p-bbbbbb',
          variantAfterParagraphId: null,
        },
        {
          documentId: 'c',
          url: '/berita/c',
          label: null,
          afterParagraphId: 'p-cccccc',
          variantAfterParagraphId: null,
        },
      ],
    });
  });
});

describe('position tests in the draft', () => {
  const tested = (key: string, first: string, second: string) => ({
    ...link(key, first),
    variantAfterParagraphId: second,
  });
  const slotsOf = (links: DraftLink[]) =>
    links.map((l) => `${l.key}@${l.afterParagraphId}|${l.variantAfterParagraphId}`);

  it('takes a second slot, but never the first one or one the draft lacks', () => {
    const set = setSecondSlot(threeLinks(), slots, 'a', 'p-cccccc');
    expect(slotsOf(set)[0]).toBe('a@p-aaaaaa|p-cccccc');
    expect(slotsOf(setSecondSlot(set, slots, 'a', 'p-aaaaaa'))[0]).toBe('a@p-aaaaaa|null');
    expect(slotsOf(setSecondSlot(set, slots, 'a', 'p-gone00'))[0]).toBe('a@p-aaaaaa|null');
    expect(slotsOf(setSecondSlot(set, slots, 'a', null))[0]).toBe('a@p-aaaaaa|null');
  });

  it('ends the test when the link is moved or dropped into its second slot', () => {
    const links = [tested('a', 'p-aaaaaa', 'p-bbbbbb'), link('c', 'p-cccccc')];
    const once = moveLink(links, slots, 'a', 'down');
    expect(slotsOf(once)[0]).toBe('a@p-bbbbbb|null');
    const elsewhere = insertLink(links, slots, links[0], 'p-cccccc');
    expect(slotsOf(elsewhere)).toContain('a@p-cccccc|p-bbbbbb');
  });

  it('keeps slot A in place, or moves the link to the end of slot B', () => {
    const links = [
      tested('a', 'p-aaaaaa', 'p-cccccc'),
      link('b', 'p-aaaaaa'),
      link('c', 'p-cccccc'),
    ];
    expect(slotsOf(keepTestedSlot(links, slots, 'a', 'a'))).toEqual([
      'a@p-aaaaaa|null',
      'b@p-aaaaaa|null',
      'c@p-cccccc|null',
    ]);
    expect(slotsOf(keepTestedSlot(links, slots, 'a', 'b'))).toEqual([
      'b@p-aaaaaa|null',
      'c@p-cccccc|null',
      'a@p-cccccc|null',
    ]);
  });

  it('sends the second slot with the save, and drops one whose paragraph is gone on load', () => {
    const body = toSaveBody('v', [tested('a', 'start', 'p-bbbbbb')]);
    expect(body.links[0]).toMatchObject({
      afterParagraphId: 'start',
      variantAfterParagraphId: 'p-bbbbbb',
    });
    const loaded = fromPlacement({
      paragraphs: paragraphs.map((p) => ({ ...p, text: '' })),
      links: [
        { ...stored('a', 'p-aaaaaa'), variantAfterParagraphId: 'p-bbbbbb' },
        { ...stored('b', 'p-aaaaaa'), variantAfterParagraphId: 'p-zzzzzz' },
      ],
    } as unknown as Placement);
    expect(slotsOf(loaded)).toEqual(['a@p-aaaaaa|p-bbbbbb', 'b@p-aaaaaa|null']);
  });
});
