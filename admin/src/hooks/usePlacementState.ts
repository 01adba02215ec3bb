import { useCallback, useMemo, useReducer } from 'react';
import type { LinkTarget, Placement } from '#shared/contracts/admin';
import {
  fromPlacement,
  healthForTarget,
  insertLink,
  moveLink,
  newLocalKey,
  removeLink,
  slotIdsOf,
  snapshotOf,
  updateLink,
  type DraftLink,
  type MoveDirection,
} from '../utils/placement';

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
  links: DraftLink[];
  /** Snapshot of `links` as loaded, to detect unsaved changes. */
  baseline: string;
  /** Where a suggestion's "Add" puts the link. */
  selectedSlot: string;
  /** The link the server rejected in the last save. */
  invalid: InvalidLink | null;
}

type Action =
  | { type: 'load'; placement: Placement }
  | { type: 'add'; slotId: string; input: NewLinkInput }
  | { type: 'move'; key: string; direction: MoveDirection }
  | { type: 'drop'; key: string; slotId: string; beforeKey: string | null }
  | { type: 'remove'; key: string }
  | { type: 'setLabel'; key: string; label: string }
  | { type: 'retarget'; key: string; target: LinkTarget }
  | { type: 'selectSlot'; slotId: string }
  | { type: 'markInvalid'; index: number; message: string };

const initialState: State = {
  placement: null,
  slots: [],
  links: [],
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
        health: healthForTarget(input.target),
      }
    : {
        key: newLocalKey(),
        documentId: null,
        targetArticle: null,
        url: input.url,
        label: input.label,
        afterParagraphId: slotId,
        health: 'external',
      };

/** Editing a link clears the server's complaint about it: the editor is acting on it. */
const clearInvalidFor = (invalid: InvalidLink | null, key: string) =>
  invalid && invalid.key === key ? null : invalid;

const reducer = (state: State, action: Action): State => {
  switch (action.type) {
    case 'load': {
      const slots = slotIdsOf(action.placement.paragraphs);
      const links = fromPlacement(action.placement);
      return {
        placement: action.placement,
        slots,
        links,
        baseline: snapshotOf(links),
        selectedSlot: slots.includes(state.selectedSlot)
          ? state.selectedSlot
          : slots[slots.length - 1],
        invalid: null,
      };
    }
    case 'add':
      return {
        ...state,
        selectedSlot: action.slotId,
        links: insertLink(
          state.links,
          state.slots,
          newLink(action.input, action.slotId),
          action.slotId
        ),
      };
    case 'move':
      return { ...state, links: moveLink(state.links, state.slots, action.key, action.direction) };
    case 'drop': {
      const link = state.links.find((l) => l.key === action.key);
      if (!link || action.beforeKey === action.key) return state;
      return {
        ...state,
        links: insertLink(state.links, state.slots, link, action.slotId, action.beforeKey),
      };
    }
    case 'remove':
      return {
        ...state,
        links: removeLink(state.links, action.key),
        invalid: clearInvalidFor(state.invalid, action.key),
      };
    case 'setLabel':
      return {
        ...state,
        links: updateLink(state.links, action.key, { label: action.label }),
        invalid: clearInvalidFor(state.invalid, action.key),
      };
    case 'retarget':
      return {
        ...state,
        links: updateLink(state.links, action.key, {
          targetArticle: action.target,
          url: null,
          health: healthForTarget(action.target),
        }),
        invalid: clearInvalidFor(state.invalid, action.key),
      };
    case 'selectSlot':
      return state.slots.includes(action.slotId)
        ? { ...state, selectedSlot: action.slotId }
        : state;
    case 'markInvalid': {
      // The save sent the links in array order, so the server's index is ours.
      const link = state.links[action.index];
      return link ? { ...state, invalid: { key: link.key, message: action.message } } : state;
    }
    default:
      return state;
  }
};

/** The editor's local placement: the server's answer plus the edits not saved yet. */
export const usePlacementState = () => {
  const [state, dispatch] = useReducer(reducer, initialState);

  const actions = useMemo(
    () => ({
      load: (placement: Placement) => dispatch({ type: 'load', placement }),
      add: (slotId: string, input: NewLinkInput) => dispatch({ type: 'add', slotId, input }),
      move: (key: string, direction: MoveDirection) => dispatch({ type: 'move', key, direction }),
      drop: (key: string, slotId: string, beforeKey: string | null) =>
        dispatch({ type: 'drop', key, slotId, beforeKey }),
      remove: (key: string) => dispatch({ type: 'remove', key }),
      setLabel: (key: string, label: string) => dispatch({ type: 'setLabel', key, label }),
      retarget: (key: string, target: LinkTarget) => dispatch({ type: 'retarget', key, target }),
      selectSlot: (slotId: string) => dispatch({ type: 'selectSlot', slotId }),
      markInvalid: (index: number, message: string) =>
        dispatch({ type: 'markInvalid', index, message }),
    }),
    []
  );

  const isDirty = useMemo(
    () => state.placement !== null && snapshotOf(state.links) !== state.baseline,
    [state.placement, state.links, state.baseline]
  );

  const hasLink = useCallback(
    (target: { documentId?: string; url?: string }, exceptKey?: string) =>
      state.links.some(
        (l) =>
          l.key !== exceptKey &&
          ((target.documentId && l.targetArticle?.documentId === target.documentId) ||
            (target.url && l.url === target.url))
      ),
    [state.links]
  );

  return { state, actions, isDirty, hasLink };
};

export type PlacementActions = ReturnType<typeof usePlacementState>['actions'];
