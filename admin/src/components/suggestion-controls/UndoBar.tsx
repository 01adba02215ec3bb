import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useT } from '../../hooks/useT';

/**
 * What the last control did, said with an Undo until the next one (or until closed); without
 * one when there is nothing of this screen's to undo (`onUndo` null).
 */
export const UndoBar = ({
  message,
  busy,
  onUndo,
  testId = 'newsroom-control-done',
}: {
  message: string | null;
  busy: boolean;
  onUndo: (() => void) | null;
  /** For tests: which bar this is (the orphans queue's accepts have their own). */
  testId?: string;
}) => {
  const t = useT();
  if (!message) return null;
  return (
    <Box
      role="status"
      data-testid={testId}
      background="success100"
      borderColor="success200"
      hasRadius
      padding={3}
    >
      <Flex gap={3} alignItems="center" justifyContent="space-between" wrap="wrap">
        <Typography variant="omega" textColor="success700">
          {message}
        </Typography>
        {onUndo && (
          <Button
            size="S"
            variant="secondary"
            startIcon={<ArrowClockwise />}
            disabled={busy}
            onClick={onUndo}
          >
            {t('controls.undo')}
          </Button>
        )}
      </Flex>
    </Box>
  );
};
