import { Button, Dialog } from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';
import { useT } from '../../hooks/useT';

/**
 * A save answered 409: someone changed the links since this editor loaded them. Reloading
 * discards the local edits; there is no merge, because the editor must see what changed.
 */
export const ConflictDialog = ({
  open,
  onReload,
  onCancel,
}: {
  open: boolean;
  onReload: () => void;
  onCancel: () => void;
}) => {
  const t = useT();
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onCancel()}>
      <Dialog.Content data-testid="newsroom-conflict">
        <Dialog.Header>{t('conflict.title')}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <Dialog.Description>{t('conflict.message')}</Dialog.Description>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('common.cancel')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button
              fullWidth
              variant="danger-light"
              startIcon={<ArrowClockwise />}
              onClick={onReload}
            >
              {t('conflict.reload')}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
