import { Typography } from '@strapi/design-system';
import { useT } from '../hooks/useT';

/**
 * The server says the suggestion index is being rebuilt (`meta.indexing`: an instance booted on
 * a database whose index was incomplete): suggestions rank from what is indexed so far, so a
 * story missing from them may only not be indexed yet. Said where suggestions are shown, so the
 * editor does not take an empty or short list for the engine's last word.
 */
export const IndexingNotice = ({ indexing }: { indexing: boolean | undefined }) => {
  const t = useT();
  if (!indexing) return null;
  return (
    <Typography variant="pi" textColor="warning600" role="status" data-testid="newsroom-indexing">
      {t('suggestions.indexing')}
    </Typography>
  );
};
