/**
 * The editor's merge after a 409: the colleague's saved links stay, mine are reapplied where
 * they touch something the colleague left alone, and only real collisions are left to choose.
 */
import type { PlacedLink, Placement } from '#shared/contracts/admin';
import { mergePlacement } from '../../admin/src/utils/mergePlacement';
import {
  fromPlacement,
  insertLink,
  slotIdsOf,
  type DraftLink,
} from '../../admin/src/utils/placement';

const paragraphs = ['p-aaaaaa', 'p-bbbbbb', 'p-cccccc', 'p-dddddd'].map((id) => ({
  id,
  text: `Text of ${id}`,
}));

const placed = (
  documentId: string,
  afterParagraphId: string,
  extra: Partial<PlacedLink> = {}
): PlacedLink => ({
  documentId,
  targetArticle: {
    documentId: `t-${documentId}`,
    title: `Story ${documentId}`,
    slug: `story-${documentId}`,
    status: 'published',
    placeholder: false,
    publishedTitle: `Story ${documentId}`,
  },
  url: null,
  label: null,
  afterParagraphId,
  position: 0,
  variantAfterParagraphId: null,
  variantSince: null,
  health: 'ok',
  needsReview: false,
  waitsForStory: false,
  changedAt: null,
  changedBy: null,
  ...extra,
});

const placement = (links: PlacedLink[], paras = paragraphs, version = 'v'): Placement => ({
  article: {
    documentId: 'story',
    title: 'Story',
    slug: 'story',
    status: 'published',
    tags: [],
    lead: null,
    updatedAt: null,
    locale: undefined,
  },
  paragraphs: paras,
  publishedParagraphIds: paras.map((p) => p.id),
  links,
  linkedFrom: [],
  oldSlugs: [],
  translations: undefined,
  quotes: [],
  version,
  maxLinks: 10,
});

const slots = slotIdsOf(paragraphs);
const layout = (links: DraftLink[]) =>
  links.map(
    (l) =>
      `${l.targetArticle?.documentId ?? l.url}@${l.afterParagraphId}` +
      (l.variantAfterParagraphId ? `|${l.variantAfterParagraphId}` : '')
  );

const base = placement([placed('a', 'p-aaaaaa'), placed('b', 'p-aaaaaa'), placed('c', 'p-cccccc')]);
const loaded = () => fromPlacement(base);
const newLink = (target: string, slot: string): DraftLink => ({
  key: `new-${target}`,
  documentId: null,
  targetArticle: {
    documentId: target,
    title: `Story ${target}`,
    slug: target,
    status: 'published',
    placeholder: false,
    publishedTitle: `Story ${target}`,
  },
  url: null,
  label: '',
  afterParagraphId: slot,
  variantAfterParagraphId: null,
  health: 'ok',
});

describe('merging a placement after a conflict', () => {
  it('keeps both sides when they touched different links, with who and when', () => {
    // They added d after paragraph 4 and removed b; I added n after paragraph 2 and relabelled c.
    const theirs = placement(
      [
        placed('a', 'p-aaaaaa'),
        placed('c', 'p-cccccc'),
        placed('d', 'p-dddddd', { changedBy: 'Budi Santoso', changedAt: '2024-11-13T09:00:00Z' }),
      ],
      paragraphs,
      'v2'
    );
    let mine = insertLink(loaded(), slots, newLink('t-n', 'p-bbbbbb'), 'p-bbbbbb');
    mine = mine.map((l) => (l.key === 'c' ? { ...l, label: 'Baca: C' } : l));

    const merge = mergePlacement(base, mine, theirs);
    expect(merge.collisions).toEqual([]);
    expect(merge.resolved).toBe(true);
    expect(layout(merge.links)).toEqual([
      't-a@p-aaaaaa',
      't-n@p-bbbbbb',
      't-c@p-cccccc',
      't-d@p-dddddd',
    ]);
    expect(merge.links.find((l) => l.key === 'c')?.label).toBe('Baca: C');
    expect(merge.theirChanges.map((c) => [c.kind, c.link.key, c.by])).toEqual([
      ['removed', 'b', null],
      ['added', 'd', 'Budi Santoso'],
    ]);
    expect(merge.myChanges.map((c) => [c.kind, c.link.key, c.outcome])).toEqual([
      ['relabelled', 'c', 'reapplied'],
      ['added', 'new-t-n', 'reapplied'],
    ]);
  });

  it('reapplies my move and my removal onto their order', () => {
    // They moved c to the start; I moved a after paragraph 3 and removed b.
    const theirs = placement([
      placed('c', 'start'),
      placed('a', 'p-aaaaaa'),
      placed('b', 'p-aaaaaa'),
    ]);
    const mine = insertLink(loaded(), slots, loaded()[0], 'p-cccccc').filter((l) => l.key !== 'b');
    expect(layout(mine)).toEqual(['t-c@p-cccccc', 't-a@p-cccccc']);
    const merge = mergePlacement(base, mine, theirs);
    expect(merge.collisions).toEqual([]);
    expect(layout(merge.links)).toEqual(['t-c@start', 't-a@p-cccccc']);
  });

  it('puts a reapplied link before the link that followed it on my screen', () => {
    const theirs = placement([
      placed('a', 'p-aaaaaa'),
      placed('b', 'p-aaaaaa'),
      placed('c', 'p-cccccc'),
      placed('d', 'p-cccccc'),
    ]);
    const mine = insertLink(loaded(), slots, newLink('t-n', 'p-cccccc'), 'p-cccccc', 'c');
    const merge = mergePlacement(base, mine, theirs);
    expect(layout(merge.links)).toEqual([
      't-a@p-aaaaaa',
      't-b@p-aaaaaa',
      't-n@p-cccccc',
      't-c@p-cccccc',
      't-d@p-cccccc',
    ]);
  });

  it('does not add my link twice when the colleague added the same target', () => {
    const theirs = placement([...base.links, placed('n', 'p-dddddd')]);
    theirs.links[3].targetArticle!.documentId = 't-n';
    const mine = insertLink(loaded(), slots, newLink('t-n', 'p-bbbbbb'), 'p-bbbbbb');
    const merge = mergePlacement(base, mine, theirs);
    expect(layout(merge.links).filter((l) => l.startsWith('t-n'))).toEqual(['t-n@p-dddddd']);
    expect(merge.myChanges).toEqual([
      expect.objectContaining({ kind: 'added', outcome: 'already-done' }),
    ]);
  });

  it('leaves a label both changed for the editor, and applies the choice', () => {
    const theirs = placement([
      placed('a', 'p-aaaaaa', { label: 'Their words', changedBy: 'Budi' }),
      placed('b', 'p-aaaaaa'),
      placed('c', 'p-cccccc'),
    ]);
    const mine = loaded().map((l) => (l.key === 'a' ? { ...l, label: 'My words' } : l));
    const open = mergePlacement(base, mine, theirs);
    expect(open.resolved).toBe(false);
    expect(open.collisions).toEqual([
      expect.objectContaining({ id: 'a:label', aspect: 'label', by: 'Budi' }),
    ]);
    // Unresolved, their value shows.
    expect(open.links[0].label).toBe('Their words');
    const mineWins = mergePlacement(base, mine, theirs, { 'a:label': 'mine' });
    expect(mineWins.resolved).toBe(true);
    expect(mineWins.links[0].label).toBe('My words');
    const theirsWin = mergePlacement(base, mine, theirs, { 'a:label': 'theirs' });
    expect(theirsWin.links[0].label).toBe('Their words');
  });

  it('is no collision when both made the same change', () => {
    const theirs = placement([
      placed('a', 'p-aaaaaa', { label: 'Same' }),
      placed('b', 'p-aaaaaa'),
      placed('c', 'p-cccccc'),
    ]);
    const mine = loaded().map((l) => (l.key === 'a' ? { ...l, label: 'Same ' } : l));
    const merge = mergePlacement(base, mine, theirs);
    expect(merge.collisions).toEqual([]);
    expect(merge.myChanges).toEqual([
      expect.objectContaining({ kind: 'relabelled', outcome: 'already-done' }),
    ]);
  });

  it('asks when both moved one link to different places', () => {
    const theirs = placement([
      placed('a', 'start'),
      placed('b', 'p-aaaaaa'),
      placed('c', 'p-cccccc'),
    ]);
    const mine = insertLink(loaded(), slots, loaded()[0], 'p-dddddd');
    const open = mergePlacement(base, mine, theirs);
    expect(open.collisions.map((c) => c.id)).toEqual(['a:place']);
    expect(layout(open.links)[0]).toBe('t-a@start');
    const mineWins = mergePlacement(base, mine, theirs, { 'a:place': 'mine' });
    expect(layout(mineWins.links)).toEqual(['t-b@p-aaaaaa', 't-c@p-cccccc', 't-a@p-dddddd']);
  });

  it('asks when one removed a link the other changed', () => {
    // They retargeted a; I removed it.
    const retargeted = placed('a', 'p-aaaaaa');
    retargeted.targetArticle = { ...retargeted.targetArticle!, documentId: 't-z', title: 'Z' };
    const theirs = placement([retargeted, placed('b', 'p-aaaaaa'), placed('c', 'p-cccccc')]);
    const mine = loaded().filter((l) => l.key !== 'a');
    const open = mergePlacement(base, mine, theirs);
    expect(open.collisions).toEqual([
      expect.objectContaining({ id: 'a:presence', mine: null, theirs: expect.anything() }),
    ]);
    expect(layout(open.links)[0]).toBe('t-z@p-aaaaaa');
    expect(layout(mergePlacement(base, mine, theirs, { 'a:presence': 'mine' }).links)).toEqual([
      't-b@p-aaaaaa',
      't-c@p-cccccc',
    ]);
  });

  it('re-adds a link they removed and I changed, as a new link, when I choose mine', () => {
    const theirs = placement([placed('a', 'p-aaaaaa'), placed('b', 'p-aaaaaa')]);
    const mine = loaded().map((l) => (l.key === 'c' ? { ...l, label: 'Keep me' } : l));
    const open = mergePlacement(base, mine, theirs);
    expect(open.collisions).toEqual([expect.objectContaining({ id: 'c:presence', theirs: null })]);
    expect(open.links).toHaveLength(2);
    const kept = mergePlacement(base, mine, theirs, { 'c:presence': 'mine' });
    const readded = kept.links[2];
    expect(readded).toMatchObject({
      documentId: null,
      label: 'Keep me',
      afterParagraphId: 'p-cccccc',
    });
    expect(readded.key).not.toBe('c');
  });

  it("moves my link to the paragraph before when the colleague's copy lost its paragraph", () => {
    const fewer = paragraphs.filter((p) => p.id !== 'p-cccccc');
    const theirs = placement(
      [placed('a', 'p-aaaaaa'), placed('b', 'p-aaaaaa'), placed('c', 'p-bbbbbb')],
      fewer
    );
    const mine = insertLink(loaded(), slots, newLink('t-n', 'p-cccccc'), 'p-cccccc');
    const merge = mergePlacement(base, mine, theirs);
    expect(layout(merge.links)).toContain('t-n@p-bbbbbb');
  });

  it('changes nothing when only they changed', () => {
    const theirs = placement([placed('c', 'start'), placed('a', 'p-aaaaaa')]);
    const merge = mergePlacement(base, loaded(), theirs);
    expect(merge.myChanges).toEqual([]);
    expect(layout(merge.links)).toEqual(layout(fromPlacement(theirs)));
  });

  describe('position tests', () => {
    const testing = (links: DraftLink[], key: string, second: string | null) =>
      links.map((l) => (l.key === key ? { ...l, variantAfterParagraphId: second } : l));

    it("keeps the colleague's test and mine when they are on different links", () => {
      // They started a test of a after paragraph 4; I started one of c at the start.
      const theirs = placement([
        placed('a', 'p-aaaaaa', { variantAfterParagraphId: 'p-dddddd', changedBy: 'Budi' }),
        placed('b', 'p-aaaaaa'),
        placed('c', 'p-cccccc'),
      ]);
      const mine = testing(loaded(), 'c', 'start');
      const merge = mergePlacement(base, mine, theirs);
      expect(merge.collisions).toEqual([]);
      expect(layout(merge.links)).toEqual([
        't-a@p-aaaaaa|p-dddddd',
        't-b@p-aaaaaa',
        't-c@p-cccccc|start',
      ]);
      expect(merge.theirChanges.map((c) => [c.kind, c.link.key, c.by])).toEqual([
        ['moved', 'a', 'Budi'],
      ]);
      expect(merge.myChanges.map((c) => [c.kind, c.link.key, c.outcome])).toEqual([
        ['moved', 'c', 'reapplied'],
      ]);
    });

    it('asks when both changed the slots of one link, like two moves', () => {
      // They test a after paragraph 2; I moved a to paragraph 3 (ending no test of mine).
      const theirs = placement([
        placed('a', 'p-aaaaaa', { variantAfterParagraphId: 'p-bbbbbb' }),
        placed('b', 'p-aaaaaa'),
        placed('c', 'p-cccccc'),
      ]);
      const mine = testing(loaded(), 'a', 'p-dddddd');
      const open = mergePlacement(base, mine, theirs);
      expect(open.collisions.map((c) => [c.id, c.aspect])).toEqual([['a:place', 'place']]);
      // Unresolved, their test shows; mine replaces it when chosen.
      expect(layout(open.links)[0]).toBe('t-a@p-aaaaaa|p-bbbbbb');
      const mineWins = mergePlacement(base, mine, theirs, { 'a:place': 'mine' });
      expect(layout(mineWins.links)[0]).toBe('t-a@p-aaaaaa|p-dddddd');
    });

    it("ends my test when the colleague's copy lost the second slot's paragraph", () => {
      const fewer = paragraphs.filter((p) => p.id !== 'p-dddddd');
      const theirs = placement(base.links, fewer);
      const mine = testing(loaded(), 'a', 'p-dddddd');
      const merge = mergePlacement(base, mine, theirs);
      expect(layout(merge.links)[0]).toBe('t-a@p-aaaaaa');
    });
  });
});
