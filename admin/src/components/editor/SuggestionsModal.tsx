import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import type { Suggestion } from '#shared/contracts/admin';
import { useT } from '../../hooks/useT';
import { SuggestionList } from './SuggestionsPanel';

/**
 * Narrow windows: suggestions in a dialog over the article, opened from a slot. "Add" puts the
 * link after the paragraph it fits (else in that slot) and closes the dialog, so the new card
 * shows.
 */
export const SuggestionsModal = ({
  slotLabel,
  onClose,
  onAdd,
  ...list
}: {
  /** The slot the suggestions are for; null = closed. */
  slotLabel: string | null;
  documentId: string;
  locale?: string;
  linkedDocumentIds: Set<string>;
  canAdd: boolean;
  onClose: () => void;
  onAdd: (suggestion: Suggestion) => void;
}) => {
  const t = useT();
  return (
    <Modal.Root open={slotLabel !== null} onOpenChange={(next) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{t('suggestions.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography variant="pi" textColor="neutral600">
              {t('suggestions.targetSlot', { slot: slotLabel ?? '' })}
            </Typography>
            <SuggestionList
              {...list}
              canManage
              onAdd={(suggestion) => {
                onAdd(suggestion);
                onClose();
              }}
            />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('common.close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
