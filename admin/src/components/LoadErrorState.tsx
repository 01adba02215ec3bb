import { Button, EmptyStateLayout } from '@strapi/design-system';
import { useT, type TranslationKey } from '../hooks/useT';

/**
 * A page whose data did not load: "no permission" for a 403, else the page's own message,
 * with a retry. One place, so every screen of the manager says it the same way.
 */
export const LoadErrorState = ({
  status,
  message,
  onRetry,
}: {
  status: number | null | undefined;
  message: TranslationKey;
  onRetry: () => void;
}) => {
  const t = useT();
  return (
    <EmptyStateLayout
      content={status === 403 ? t('error.forbidden') : t(message)}
      action={
        <Button variant="secondary" onClick={() => onRetry()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
};
