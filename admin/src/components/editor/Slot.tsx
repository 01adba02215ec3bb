import type { DragEvent, MouseEvent } from 'react';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { styled } from 'styled-components';
import { useT } from '../../hooks/useT';
import type { DraftLink, MoveDirection } from '../../utils/placement';
import { LINK_DRAG_TYPE, LinkCard, type FocusRequest, type FocusTarget } from './LinkCard';

export interface DropIndicator {
  slotId: string;
  /** Insert before this link; null = at the end of the slot. */
  beforeKey: string | null;
}

const Zone = styled(Box)<{ $over: boolean; $selected: boolean; $editable: boolean }>`
  border: ${({ $editable }) => ($editable ? '1px dashed' : '0')};
  border-color: ${({ theme, $over, $selected }) =>
    $over
      ? theme.colors.primary600
      : $selected
        ? theme.colors.primary200
        : theme.colors.neutral300};
  background: ${({ theme, $over }) => ($over ? theme.colors.primary100 : 'transparent')};
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
  canManage: boolean;
  canAdd: boolean;
  isSelected: boolean;
  draggingKey: string | null;
  dropIndicator: DropIndicator | null;
  invalid: { key: string; message: string } | null;
  focusRequest: FocusRequest | null;
  canMove: (key: string, direction: MoveDirection) => boolean;
  onSelect: () => void;
  onAdd: () => void;
  onMove: (key: string, direction: MoveDirection, from: FocusTarget) => void;
  onRemove: (key: string) => void;
  onRetarget: (key: string) => void;
  onLabelChange: (key: string, label: string) => void;
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

  return (
    <Zone
      data-testid="newsroom-slot"
      data-after-paragraph-id={slotId}
      data-selected={props.isSelected ? 'true' : undefined}
      aria-label={props.label}
      role="region"
      $over={over}
      $selected={props.isSelected && canManage}
      $editable={canManage}
      hasRadius
      padding={canManage ? 2 : 0}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      onClick={onClick}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
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
              onMove={(direction, from) => props.onMove(link.key, direction, from)}
              onRemove={() => props.onRemove(link.key)}
              onRetarget={() => props.onRetarget(link.key)}
              onLabelChange={(label) => props.onLabelChange(link.key, label)}
              onDragStart={() => props.onDragStart(link.key)}
              onDragEnd={props.onDragEnd}
            />
          </Flex>
        ))}
        {over && dropIndicator?.beforeKey === null && <DropLine aria-hidden />}
        {canManage && (
          <Flex gap={2} justifyContent="space-between" wrap="wrap">
            <Button
              variant="tertiary"
              size="S"
              startIcon={<Plus />}
              disabled={!props.canAdd}
              onClick={props.onAdd}
            >
              {t('slot.addLink')}
            </Button>
            <Flex gap={2}>
              <Typography variant="pi" textColor="neutral500">
                {props.label}
              </Typography>
              {props.isSelected && <Badge size="S">{t('slot.selected')}</Badge>}
            </Flex>
          </Flex>
        )}
      </Flex>
    </Zone>
  );
};
