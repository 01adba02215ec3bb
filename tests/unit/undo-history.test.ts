/**
 * The editor's undo/redo history: every change is a step until a save or load starts over,
 * undo and redo walk the steps both ways, a new change drops what was undone, and label
 * typing on one link is one step, not one per keystroke.
 */
import {
  canRedo,
  canUndo,
  record,
  redo,
  startHistory,
  undo,
  type History,
} from '../../admin/src/utils/history';

const sameText = (a: string, b: string) => a === b;
const walk = (history: History<string>) => ({
  past: history.past,
  present: history.present,
  future: history.future,
});

describe('undo history', () => {
  it('starts with nothing to undo or redo', () => {
    const start = startHistory('loaded');
    expect([canUndo(start), canRedo(start)]).toEqual([false, false]);
    expect(undo(start)).toBe(start);
    expect(redo(start)).toBe(start);
  });

  it('undoes step by step back to the start, and redoes forward again', () => {
    let h = startHistory('loaded');
    h = record(h, 'removed');
    h = record(h, 'moved');
    expect(walk(h)).toEqual({ past: ['loaded', 'removed'], present: 'moved', future: [] });

    h = undo(h);
    expect(walk(h)).toEqual({ past: ['loaded'], present: 'removed', future: ['moved'] });
    h = undo(h);
    expect(walk(h)).toEqual({ past: [], present: 'loaded', future: ['removed', 'moved'] });
    expect([canUndo(h), canRedo(h)]).toEqual([false, true]);

    h = redo(h);
    expect(h.present).toBe('removed');
    h = redo(h);
    expect(walk(h)).toEqual({ past: ['loaded', 'removed'], present: 'moved', future: [] });
    expect([canUndo(h), canRedo(h)]).toEqual([true, false]);
  });

  it('a change after an undo drops the steps that were undone', () => {
    let h = record(record(startHistory('a'), 'b'), 'c');
    h = record(undo(h), 'd');
    expect(walk(h)).toEqual({ past: ['a', 'b'], present: 'd', future: [] });
  });

  it('records nothing when the change leaves the value as it is', () => {
    const h = record(startHistory('a'), 'b');
    expect(record(h, 'b', { equals: sameText })).toBe(h);
  });

  it('coalesces consecutive changes of one group (typing a label) into one step', () => {
    let h = startHistory('');
    for (const typed of ['B', 'Ba', 'Bac', 'Baca']) h = record(h, typed, { group: 'label:x' });
    expect(walk(h)).toEqual({ past: [''], present: 'Baca', future: [] });
    expect(undo(h).present).toBe('');
  });

  it('starts a new step when the group changes, or after an undo', () => {
    let h = startHistory('');
    h = record(h, 'a1', { group: 'label:a' });
    h = record(h, 'a1 b1', { group: 'label:b' });
    h = record(h, 'a1 b1 moved');
    h = record(h, 'a1 b1 moved b2', { group: 'label:b' });
    expect(h.past).toEqual(['', 'a1', 'a1 b1', 'a1 b1 moved']);

    h = record(undo(h), 'a1 b1 moved b3', { group: 'label:b' });
    h = record(h, 'a1 b1 moved b34', { group: 'label:b' });
    expect(walk(h)).toEqual({
      past: ['', 'a1', 'a1 b1', 'a1 b1 moved'],
      present: 'a1 b1 moved b34',
      future: [],
    });
  });

  it('keeps only the newest steps past the limit', () => {
    let h = startHistory(0);
    for (let i = 1; i <= 5; i += 1) h = record(h, i, { limit: 3 });
    expect(h.past).toEqual([2, 3, 4]);
    expect(h.present).toBe(5);
  });
});
