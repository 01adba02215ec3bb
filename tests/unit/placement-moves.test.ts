/**
 * The editor's local placement operations: a link moved with the keyboard crosses slot
 * boundaries, and what a save sends is the reading order the server stores.
 */
import {
  insertLink,
  moveLink,
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
  health: 'external',
});
const layout = (links: DraftLink[]) => links.map((l) => `${l.key}@${l.afterParagraphId}`);

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
        { documentId: 'a', url: '/berita/a', label: null, afterParagraphId: 'p-aaaaaa' },
        { documentId: 'b', url: '/berita/b', label: null, afterParagraphId: 'p-aaaaaa' },
        { url: '/berita/new-1', label: 'Baca ini', afterParagraphId: 'p-bbbbbb' },
        { documentId: 'c', url: '/berita/c', label: null, afterParagraphId: 'p-cccccc' },
      ],
    });
  });
});
