/**
 * Which story versions' draft links a checked write changed (server/src/integrity/link-edits):
 * told from what is stored before and after it, whatever the write was.
 */
import type { PlacementState, StoredLink } from '#shared/baca-juga/invariants';
import { linkEditsOf } from '../../server/src/integrity/link-edits';
import type { WriteScope } from '../../server/src/integrity/scope';

const link = (documentId: string, more: Partial<StoredLink> = {}): StoredLink => ({
  documentId,
  sources: ['a1'],
  targets: ['t1'],
  url: null,
  label: null,
  afterParagraphId: 'p1',
  variantAfterParagraphId: null,
  position: 0,
  needsReview: false,
  ...more,
});

const state = (links: StoredLink[], more: Partial<PlacementState> = {}): PlacementState => ({
  documentId: 'a1',
  version: 'draft',
  body: [],
  links,
  quotes: [],
  ...more,
});

/** A scope that snapshotted `before` of article a1 and wrote `written` links. */
const scope = (before: PlacementState[] | null, written: string[] = []) =>
  ({
    before: new Map(before ? [['a1', before]] : []),
    written: new Map([['plugin::newsroom.related-link', new Set(written)]]),
  }) as unknown as WriteScope;

const a1 = [{ documentId: 'a1', locale: null }];

describe('link edits of a write', () => {
  it('an added, removed, moved, relabelled, retargeted or cleared link is an edit', () => {
    const one = [link('l1')];
    for (const after of [
      [link('l1'), link('l2')],
      [],
      [link('l1', { afterParagraphId: 'p2' })],
      [link('l1', { position: 1 })],
      [link('l1', { label: 'Baca juga' })],
      [link('l1', { targets: [], url: 'https://example.com' })],
      [link('l1', { variantAfterParagraphId: 'p3' })],
    ]) {
      expect(linkEditsOf(scope([state(one)]), [state(after)])).toEqual({ edited: a1, gone: [] });
    }
    const flagged = [link('l1', { needsReview: true })];
    expect(linkEditsOf(scope([state(flagged)]), [state(one)]).edited).toEqual(a1);
  });

  it('the same links in another order of rows, or the published version changing, is none', () => {
    const before = state([link('l1'), link('l2', { position: 1 })]);
    const after = state([link('l2', { position: 1 }), link('l1')]);
    const published = state([link('l1')], { version: 'published' });
    expect(linkEditsOf(scope([before]), [after, published])).toEqual({ edited: [], gone: [] });
  });

  it('a story first seen after the write had none of the links written into it', () => {
    const after = state([link('l1'), link('l2')]);
    expect(linkEditsOf(scope(null, ['l2']), [after]).edited).toEqual(a1);
    expect(linkEditsOf(scope(null, ['l9']), [after]).edited).toEqual([]);
  });

  it('a new story or translation with links is an edit; one without is none', () => {
    expect(linkEditsOf(scope([]), [state([link('l1')])]).edited).toEqual(a1);
    expect(linkEditsOf(scope([]), [state([])]).edited).toEqual([]);
  });

  it('per locale: only the version whose links changed; a deleted draft is gone', () => {
    const id = state([link('l1')], { locale: 'id' });
    const en = state([link('l2')], { locale: 'en' });
    const enAfter = state([link('l2', { label: 'Read also' })], { locale: 'en' });
    expect(linkEditsOf(scope([id, en]), [id, enAfter])).toEqual({
      edited: [{ documentId: 'a1', locale: 'en' }],
      gone: [],
    });
    expect(linkEditsOf(scope([id, en]), [id])).toEqual({
      edited: [],
      gone: [{ documentId: 'a1', locale: 'en' }],
    });
  });
});
