import { useState } from 'react';
import { Button, Field, Flex, Modal, Radio, Textarea, Typography } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { DISMISS_REASONS, type DismissReason } from '#shared/contracts/admin';
import { MAX_NOTE_LENGTH } from '#shared/baca-juga/suggestion-controls';
import { useT } from '../../hooks/useT';
import type { SuggestionRules } from './useSuggestionRules';

/**
 * "Dismiss" (with a reason) and "Never suggest this pair" for one suggestion of one story.
 * Both store a rule at once; the caller's UndoBar offers to take it back.
 */
export const RuleButtons = ({
  documentId,
  candidate,
  rules,
}: {
  documentId: string;
  candidate: { documentId: string; title?: string | null };
  rules: SuggestionRules;
}) => {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<DismissReason>('not-related');
  const [note, setNote] = useState('');

  const dismiss = async () => {
    await rules.store(documentId, candidate, 'dismiss', reason, note);
    setOpen(false);
    setNote('');
  };

  return (
    <>
      <Button
        size="S"
        variant="tertiary"
        startIcon={<Cross />}
        disabled={rules.busy}
        onClick={() => setOpen(true)}
      >
        {t('controls.dismiss')}
      </Button>
      <Button
        size="S"
        variant="tertiary"
        disabled={rules.busy}
        onClick={() => rules.store(documentId, candidate, 'never-pair')}
      >
        {t('controls.neverPair')}
      </Button>
      <Modal.Root open={open} onOpenChange={setOpen}>
        <Modal.Content>
          <Modal.Header closeLabel={t('common.close')}>
            <Modal.Title>{t('controls.dismissTitle', { title: candidate.title })}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography variant="pi" textColor="neutral600">
                {t('controls.dismissHint')}
              </Typography>
              <Radio.Group
                aria-label={t('controls.reason')}
                value={reason}
                onValueChange={(value: string) => setReason(value as DismissReason)}
              >
                {DISMISS_REASONS.map((value) => (
                  <Radio.Item key={value} value={value}>
                    {t(`controls.reason.${value}`)}
                  </Radio.Item>
                ))}
              </Radio.Group>
              <Field.Root name="dismiss-note">
                <Field.Label>{t('controls.note')}</Field.Label>
                <Textarea
                  value={note}
                  maxLength={MAX_NOTE_LENGTH}
                  onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)}
                />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('common.cancel')}</Button>
            </Modal.Close>
            <Button onClick={dismiss} loading={rules.busy}>
              {t('controls.dismissConfirm')}
            </Button>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>
    </>
  );
};
