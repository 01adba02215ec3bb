import { useCallback, useMemo, useReducer } from 'react';
import { labelAfterRetarget } from '#shared/baca-juga/retarget';
import type { LinkTarget, Placement } from '#shared/contracts/admin';
import type { Variant } from '#shared/baca-juga/position-test';
import {
  fromPlacement,
  healthForTarget,
  insertLink,
  keepTestedSlot,
  moveLink,
  newLocalKey,
  removeLink,
  setSecondSlot,
  slotIdsOf,
  snapshotOf,
  updateLink,
  type DraftLink,
  type MoveDirection,
} from '../utils/placement';
import { canRedo, canUndo, record, redo, startHistory, undo, type History } from '../utils/history';

/** What the editor adds: an internal target or an external URL, with an optional label. */
export type NewLinkInput =
  | { kind: 'internal'; target: LinkTarget; label: string }
  | { kind: 'external'; url: string; label: string };

export interface InvalidLink {
  key: string;
  message: string;
}

interface State {
  /** The last placement the server sent (load or save). */
  placement: Placement | null;
  slots: string[];
  /** The links on screen (`present`) and the edits to undo or redo since the load or save. */
  history: History<DraftLink[]>;
  /** Snapshot of the links as loaded, to detect unsaved changes. */
  baseline: string;
  /** Where a suggestion's "Add" puts the link. */
  selectedSlot: string;
  /** The link the server rejected in the last save. */
  invalid: InvalidLink | null;
}

type Action =
  | { type: 'load'; placement: Placement }
  | { type: 'rebase'; placement: Placement; links: DraftLink[] }
  | { type: 'add'; slotId: string; input: NewLinkInput }
  | { type: 'move'; key: string; direction: MoveDirection }
  | { type: 'drop'; key: string; slotId: string; beforeKey: string | null }
  | { type: 'remove'; key: string }
  | { type: 'setLabel'; key: string; label: string }
  | { type: 'setUrl'; key: string; url: string }
  | { type: 'retarget'; key: string; target: LinkTarget }
  | { type: 'setVariant'; key: string; slotId: string | null }
  | { type: 'keepSlot'; key: string; winner: Variant }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'selectSlot'; slotId: string }
  | { type: 'markInvalid'; index: number; message: string };

const initialState: State = {
  placement: null,
  slots: [],
  history: startHistory<DraftLink[]>([]),
  baseline: '[]',
  // Not a slot id, so the first load picks the default: the last slot.
  selectedSlot: '',
  invalid: null,
};

const newLink = (input: NewLinkInput, slotId: string): DraftLink =>
  input.kind === 'internal'
    ? {
        key: newLocalKey(),
        documentId: null,
        targetArticle: input.target,
        url: null,
        label: input.label,
        afterParagraphId: slotId,
        variantAfterParagraphId: null,
        health: healthForTarget(input.target),
      }
    : {
        key: newLocalKey(),
        documentId: null,
        targetArticle: null,
        url: input.url,
        label: input.label,
        afterParagraphId: slotId,
        variantAfterParagraphId: null,
        health: 'external',
      };

/** Editing a link clears the server's complaint about it: the editor is acting on it. */
const clearInvalidFor = (invalid: InvalidLink | null, key: string) =>
  invalid && invalid.key === key ? null : invalid;

/**
 * Whole-value comparison, labels untrimmed: a drop in place is no step, but a typed space is
 * (the input shows the present, so dropping it would eat the keystroke).
 */
const sameLinks = (a: DraftLink[], b: DraftLink[]) =>
  a === b || JSON.stringify(a) === JSON.stringify(b);

/** Records new links as an undo step; label typing on one link coalesces into one step. */
const commit = (state: State, links: DraftLink[], group: string | null = null): State => ({
  ...state,
  history: record(state.history, links, { group, equals: sameLinks }),
});

/** After undo/redo: the server's complaint stays only while the link it names is there. */
const travel = (state: State, history: History<DraftLink[]>): State =>
  history === state.history
    ? state
    : {
        ...state,
        history,
        invalid:
          state.invalid && history.present.some((l) => l.key === state.invalid?.key)
            ? state.invalid
            : null,
      };

const placementReducer = (state: State, action: Action): State => {
  const links = state.history.present;
  switch (action.type) {
    case 'load': {
      const slots = slotIdsOf(action.placement.paragraphs);
      const loaded = fromPlacement(action.placement);
      // A load or a save is the new baseline: nothing before it can be undone.
      return {
        placement: action.placement,
        slots,
        history: startHistory(loaded),
        baseline: snapshotOf(loaded),
        selectedSlot: slots.includes(state.selectedSlot)
          ? state.selectedSlot
          : slots[slots.length - 1],
        invalid: null,
      };
    }
    case 'rebase': {
      // After a conflict: the colleague's placement is the new baseline (its version is what
      // the next save checks against), and the merged links are one undoable edit over it.
      const loaded = placementReducer(state, { type: 'load', placement: action.placement });
      return commit(loaded, action.links);
    }
    case 'add':
      return {
        ...commit(
          state,
          insertLink(links, state.slots, newLink(action.input, action.slotId), action.slotId)
        ),
        selectedSlot: action.slotId,
      };
    case 'move':
      return commit(state, moveLink(links, state.slots, action.key, action.direction));
    case 'drop': {
      const link = links.find((l) => l.key === action.key);
      if (!link || action.beforeKey === action.key) return state;
      return commit(state, insertLink(links, state.slots, link, action.slotId, action.beforeKey));
    }
    case 'remove':
      return {
        ...commit(state, removeLink(links, action.key)),
        invalid: clearInvalidFor(state.invalid, action.key),
      };
    case 'setLabel':
      return {
        ...commit(
          state,
          updateLink(links, action.key, { label: action.label }),
          `label:${action.key}`
        ),
        invalid: clearInvalidFor(state.invalid, action.key),
      };
    case 'setUrl':
      // An external link's URL, edited on its card: typing coalesces into one step, as a label.
      return {
        ...commit(state, updateLink(links, action.key, { url: action.url }), `url:${action.key}`),
        invalid: clearInvalidFor(state.invalid, action.key),
      };
    case 'retarget': {
      // The server's own rule, applied here too, so that the card and the Preview show before
      // the save what readers will get: a label that was the old headline follows the target.
      const link = links.find((l) => l.key === action.key);
      return {
        ...commit(
          state,
          updateLink(links, action.key, {
            targetArticle: action.target,
            url: null,
            // An empty label is none (the target's title shows), as the save sends it.
            label:
              labelAfterRetarget(link?.label.trim() || null, link?.targetArticle?.title ?? null) ??
              '',
            health: healthForTarget(action.target),
          })
        ),
        invalid: clearInvalidFor(state.invalid, action.key),
      };
    }
    case 'setVariant':
      return commit(state, setSecondSlot(links, state.slots, action.key, action.slotId));
    case 'keepSlot':
      return commit(state, keepTestedSlot(links, state.slots, action.key, action.winner));
    case 'undo':
      return travel(state, undo(state.history));
    case 'redo':
      return travel(state, redo(state.history));
    case 'selectSlot':
      return state.slots.includes(action.slotId)
        ? { ...state, selectedSlot: action.slotId }
        : state;
    case 'markInvalid': {
      // The save sent the links in array order, so the server's index is ours.
      const link = links[action.index];
      return link ? { ...state, invalid: { key: link.key, message: action.message } } : state;
    }
    default:
      return state;
  }
};

/** The editor's local placement: the server's answer plus the edits not saved yet. */
export const usePlacementState = () => {
  const [state, dispatch] = useReducer(placementReducer, initialState);
  const links = state.history.present;

  const actions = useMemo(
    () => ({
      load: (placement: Placement) => dispatch({ type: 'load', placement }),
      rebase: (placement: Placement, links: DraftLink[]) =>
        dispatch({ type: 'rebase', placement, links }),
      add: (slotId: string, input: NewLinkInput) => dispatch({ type: 'add', slotId, input }),
      move: (key: string, direction: MoveDirection) => dispatch({ type: 'move', key, direction }),
      drop: (key: string, slotId: string, beforeKey: string | null) =>
        dispatch({ type: 'drop', key, slotId, beforeKey }),
      remove: (key: string) => dispatch({ type: 'remove', key }),
      setLabel: (key: string, label: string) => dispatch({ type: 'setLabel', key, label }),
      setUrl: (key: string, url: string) => dispatch({ type: 'setUrl', key, url }),
      retarget: (key: string, target: LinkTarget) => dispatch({ type: 'retarget', key, target }),
      setVariant: (key: string, slotId: string | null) =>
        dispatch({ type: 'setVariant', key, slotId }),
      keepSlot: (key: string, winner: Variant) => dispatch({ type: 'keepSlot', key, winner }),
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      selectSlot: (slotId: string) => dispatch({ type: 'selectSlot', slotId }),
      markInvalid: (index: number, message: string) =>
        dispatch({ type: 'markInvalid', index, message }),
    }),
    []
  );

  const isDirty = useMemo(
    () => state.placement !== null && snapshotOf(links) !== state.baseline,
    [state.placement, links, state.baseline]
  );
  // A save also clears "moved, check the place" flags: with one showing, saving is no no-op.
  const canSave = isDirty || links.some((l) => l.needsReview);

  const hasLink = useCallback(
    (target: { documentId?: string; url?: string }, exceptKey?: string) =>
      links.some(
        (l) =>
          l.key !== exceptKey &&
          ((target.documentId && l.targetArticle?.documentId === target.documentId) ||
            (target.url && l.url === target.url))
      ),
    [links]
  );

  const view = useMemo(() => ({ ...state, links }), [state, links]);
  return {
    state: view,
    actions,
    isDirty,
    canSave,
    canUndo: canUndo(state.history),
    canRedo: canRedo(state.history),
    hasLink,
  };
};

export type PlacementActions = ReturnType<typeof usePlacementState>['actions'];
