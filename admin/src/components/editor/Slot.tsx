import type { DragEvent, MouseEvent } from 'react';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { Lightbulb, Plus } from '@strapi/icons';
import { styled } from 'styled-components';
import { useT } from '../../hooks/useT';
import type { DraftLink, MoveDirection } from '../../utils/placement';
import {
  LINK_DRAG_TYPE,
  LinkCard,
  type FocusRequest,
  type FocusTarget,
  type ReaderStats,
} from './LinkCard';
import type { PositionTestOptions } from './PositionTest';

export interface DropIndicator {
  slotId: string;
  /** Insert before this link; null = at the end of the slot. */
  beforeKey: string | null;
}

/**
 * Light by default: an empty slot is only a rail between paragraphs. It gets a frame when it
 * holds links, a tint when suggestions go there, and a strong outline as a drop target.
 */
const Zone = styled(Box)<{ $over: boolean; $selected: boolean; $framed: boolean }>`
  border: ${({ theme, $over, $selected, $framed }) => {
    if ($over) return `2px dashed ${theme.colors.primary600}`;
    if ($selected) return `1px solid ${theme.colors.primary500}`;
    if ($framed) return `1px dashed ${theme.colors.neutral300}`;
    return '1px solid transparent';
  }};
  background: ${({ theme, $over, $selected }) =>
    $over || $selected ? theme.colors.primary100 : 'transparent'};
  transition: background 120ms ease-in-out;
`;

/** The dashed line either side of a slot's controls: where the link will stand. */
const RailLine = styled.span<{ $selected: boolean }>`
  flex: 1;
  min-width: 1.6rem;
  border-top: 1px ${({ $selected }) => ($selected ? 'solid' : 'dashed')}
    ${({ theme, $selected }) => ($selected ? theme.colors.primary500 : theme.colors.neutral300)};
`;

/** The slot's name, doubling as the switch that sends suggestions here (keyboard too). */
const PositionToggle = styled.button<{ $selected: boolean }>`
  border: 0;
  background: transparent;
  padding: ${({ theme }) => `${theme.spaces[1]} ${theme.spaces[2]}`};
  border-radius: ${({ theme }) => theme.borderRadius};
  cursor: pointer;
  color: ${({ theme, $selected }) =>
    $selected ? theme.colors.primary700 : theme.colors.neutral600};
  font-size: ${({ theme }) => theme.fontSizes[1]};
  font-weight: ${({ $selected }) => ($selected ? 600 : 400)};
  &:hover {
    color: ${({ theme }) => theme.colors.primary600};
    text-decoration: underline;
  }
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

const DropLine = styled.div`
  height: 3px;
  border-radius: 2px;
  background: ${({ theme }) => theme.colors.primary600};
`;

export interface SlotProps {
  slotId: string;
  /** "Before paragraph 1" / "After paragraph 4". */
  label: string;
  links: DraftLink[];
  /** The slot's paragraph is not in the published story yet: its links wait for the story. */
  waitsForStory: boolean;
  canManage: boolean;
  canAdd: boolean;
  isSelected: boolean;
  draggingKey: string | null;
  dropIndicator: DropIndicator | null;
  invalid: { key: string; message: string } | null;
  focusRequest: FocusRequest | null;
  canMove: (key: string, direction: MoveDirection) => boolean;
  /** What readers did with a link (by its documentId), when there are counts for it. */
  readerStats: (documentId: string | null) => ReaderStats | null;
  positionTest: PositionTestOptions;
  onSelect: () => void;
  onAdd: () => void;
  /**
   * Narrow windows, where no suggestions column stands beside the article: the slot offers its
   * own "Suggestions" button (opening them for this slot) instead of the switch choosing it.
   */
  onSuggest?: () => void;
  onMove: (key: string, direction: MoveDirection, from: FocusTarget) => void;
  onRemove: (key: string) => void;
  onRetarget: (key: string) => void;
  onLabelChange: (key: string, label: string) => void;
  onUrlChange: (key: string, url: string) => void;
  onDragStart: (key: string) => void;
  onDragEnd: () => void;
  onDragOverSlot: (indicator: DropIndicator | null) => void;
  onDrop: (indicator: DropIndicator) => void;
}

/**
 * The place between two paragraphs where Baca Juga links stand, and the drop zone for them:
 * dropping on a card inserts before it, dropping on the free area appends to the slot.
 */
export const Slot = (props: SlotProps) => {
  const t = useT();
  const { slotId, links, canManage, dropIndicator } = props;
  const over = dropIndicator?.slotId === slotId;

  const indicatorAt = (event: DragEvent<HTMLElement>): DropIndicator => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('[data-link-key]');
    const beforeKey = card && event.currentTarget.contains(card) ? card.dataset.linkKey : null;
    return { slotId, beforeKey: beforeKey ?? null };
  };

  const accepts = (event: DragEvent<HTMLElement>) =>
    canManage && event.dataTransfer.types.includes(LINK_DRAG_TYPE);

  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const next = indicatorAt(event);
    if (next.slotId !== dropIndicator?.slotId || next.beforeKey !== dropIndicator?.beforeKey) {
      props.onDragOverSlot(next);
    }
  };

  const onDragLeave = (event: DragEvent<HTMLElement>) => {
    // dragleave also fires when moving between the slot's own children.
    if (over && !event.currentTarget.contains(event.relatedTarget as Node | null)) {
      props.onDragOverSlot(null);
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    if (!accepts(event)) return;
    event.preventDefault();
    props.onDrop(indicatorAt(event));
  };

  const onClick = (event: MouseEvent<HTMLElement>) => {
    // Clicking the slot itself (not a control in it) chooses it for suggestions.
    if ((event.target as HTMLElement).closest('button, input, a')) return;
    if (canManage) props.onSelect();
  };

  if (!canManage && links.length === 0) {
    // Read-only and empty: keep the hook for tests and structure, but take no room.
    // `display: contents` so the empty box adds no gap to the column around it.
    return (
      <Box
        data-testid="newsroom-slot"
        data-after-paragraph-id={slotId}
        aria-hidden
        style={{ display: 'contents' }}
      />
    );
  }

  const framed = links.length > 0 && canManage;
  return (
    <Zone
      data-testid="newsroom-slot"
      data-after-paragraph-id={slotId}
      data-selected={props.isSelected ? 'true' : undefined}
      aria-label={props.label}
      role="region"
      $over={over}
      $selected={props.isSelected && canManage}
      $framed={framed}
      hasRadius
      padding={framed || props.isSelected || over ? 2 : 0}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      onClick={onClick}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        {props.waitsForStory && links.length > 0 && (
          <Typography variant="pi" textColor="warning600" data-testid="newsroom-slot-waits">
            {t('slot.waitsForStory')}
          </Typography>
        )}
        {links.map((link) => (
          <Flex key={link.key} direction="column" alignItems="stretch" gap={1}>
            {over && dropIndicator?.beforeKey === link.key && <DropLine aria-hidden />}
            <LinkCard
              link={link}
              canManage={canManage}
              canMoveUp={props.canMove(link.key, 'up')}
              canMoveDown={props.canMove(link.key, 'down')}
              isDragging={props.draggingKey === link.key}
              invalidMessage={props.invalid?.key === link.key ? props.invalid.message : null}
              focusRequest={props.focusRequest}
              readerStats={props.readerStats(link.documentId)}
              positionTest={props.positionTest}
              onMove={(direction, from) => props.onMove(link.key, direction, from)}
              onRemove={() => props.onRemove(link.key)}
              onRetarget={() => props.onRetarget(link.key)}
              onLabelChange={(label) => props.onLabelChange(link.key, label)}
              onUrlChange={(url) => props.onUrlChange(link.key, url)}
              onDragStart={() => props.onDragStart(link.key)}
              onDragEnd={props.onDragEnd}
            />
          </Flex>
        ))}
        {over && dropIndicator?.beforeKey === null && <DropLine aria-hidden />}
        {canManage && (
          <Flex gap={2} alignItems="center" style={{ cursor: 'pointer' }}>
            <RailLine $selected={props.isSelected} aria-hidden />
            {/* Ghost: twenty of these in a long article must not outshout the paragraphs. */}
            <Button
              variant="ghost"
              size="S"
              startIcon={<Plus />}
              disabled={!props.canAdd}
              onClick={props.onAdd}
              // Twenty slots' buttons must not all be "Add link" to a screen reader.
              aria-label={t('slot.addLinkAt', { slot: props.label })}
            >
              {t('slot.addLink')}
            </Button>
            {props.onSuggest ? (
              <Button
                variant="ghost"
                size="S"
                startIcon={<Lightbulb />}
                disabled={!props.canAdd}
                onClick={props.onSuggest}
              >
                {t('slot.suggestions')}
              </Button>
            ) : (
              <>
                <PositionToggle
                  type="button"
                  $selected={props.isSelected}
                  aria-pressed={props.isSelected}
                  title={t('slot.useForSuggestions')}
                  onClick={props.onSelect}
                >
                  {props.label}
                </PositionToggle>
                {props.isSelected && (
                  <Badge size="S" active>
                    {t('slot.selected')}
                  </Badge>
                )}
              </>
            )}
            <RailLine $selected={props.isSelected} aria-hidden />
          </Flex>
        )}
      </Flex>
    </Zone>
  );
};
