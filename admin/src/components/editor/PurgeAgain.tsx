import { Box, Button, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { toApiError } from '../../api/errors';
import { useResendNewsroomInvalidationMutation } from '../../api/newsroomApi';
import { useT } from '../../hooks/useT';

/**
 * "Send purge again": every publish already tells the webhooks subscribed to
 * `newsroom.invalidate` what to purge, and retries until they answer. This is for the day a
 * frontend or CDN lost one anyway (its own cache reset, a purge it dropped): the story's
 * event, its old addresses included, goes out again.
 */
export const PurgeAgain = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const [resend, { isLoading }] = useResendNewsroomInvalidationMutation();

  const send = async () => {
    try {
      const { webhooks } = await resend(documentId).unwrap();
      toggleNotification(
        webhooks > 0
          ? { type: 'success', message: t('purge.sent', { count: webhooks }) }
          : { type: 'warning', message: t('purge.noWebhook') }
      );
    } catch (err) {
      toggleNotification({
        type: 'danger',
        message: t('purge.failed', { message: toApiError(err).message }),
      });
    }
  };

  return (
    <Box data-testid="newsroom-purge-again">
      <Typography variant="pi" textColor="neutral600" tag="p">
        {t('purge.hint')}
      </Typography>
      <Box paddingTop={2}>
        <Button
          variant="tertiary"
          size="S"
          startIcon={<ArrowClockwise />}
          loading={isLoading}
          onClick={send}
        >
          {t('purge.action')}
        </Button>
      </Box>
    </Box>
  );
};
