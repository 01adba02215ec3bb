/**
 * Undo/redo as a pure value: the states before the present (oldest first), the present, and
 * the states an undo stepped back from (next first). The editor keeps its unsaved placement in
 * one of these; a save or a load starts a new one, so the saved placement is the baseline.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /**
   * What the last recorded change was, when changes of that kind coalesce (e.g. typing one
   * link's label): a change with the same group replaces the present instead of adding a step.
   */
  group: string | null;
}

/** Enough for any editing session; an endless past would only keep old arrays alive. */
export const HISTORY_LIMIT = 100;

export const startHistory = <T>(present: T): History<T> => ({
  past: [],
  present,
  future: [],
  group: null,
});

export interface RecordOptions<T> {
  /** Consecutive changes with the same non-null group become one undo step. */
  group?: string | null;
  /** When `next` equals the present, nothing is recorded (a move at the edge, a drop in place). */
  equals?: (a: T, b: T) => boolean;
  limit?: number;
}

/** A new present after a change; anything undone before it can no longer be redone. */
export const record = <T>(history: History<T>, next: T, options: RecordOptions<T> = {}) => {
  const { group = null, equals = Object.is, limit = HISTORY_LIMIT } = options;
  if (equals(history.present, next)) return history;
  if (group !== null && group === history.group) {
    return { ...history, present: next, future: [] };
  }
  const past = [...history.past, history.present];
  return {
    past: past.length > limit ? past.slice(past.length - limit) : past,
    present: next,
    future: [],
    group,
  };
};

export const canUndo = <T>(history: History<T>) => history.past.length > 0;
export const canRedo = <T>(history: History<T>) => history.future.length > 0;

// Undo and redo end any coalescing: typing after an undo is a new step, not part of the old one.
export const undo = <T>(history: History<T>): History<T> =>
  canUndo(history)
    ? {
        past: history.past.slice(0, -1),
        present: history.past[history.past.length - 1],
        future: [history.present, ...history.future],
        group: null,
      }
    : history;

export const redo = <T>(history: History<T>): History<T> =>
  canRedo(history)
    ? {
        past: [...history.past, history.present],
        present: history.future[0],
        future: history.future.slice(1),
        group: null,
      }
    : history;
