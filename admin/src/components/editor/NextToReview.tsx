import { Box, LinkButton, Typography } from '@strapi/design-system';
import { ArrowRight } from '@strapi/icons';
import { NavLink } from 'react-router-dom';
import { useGetNewsroomArticlesQuery } from '../../api/newsroomApi';
import { useT } from '../../hooks/useT';
import { PLUGIN_ID } from '../../pluginId';

/**
 * "Next to review": the next story (newest edit first, as the list sorts) with links or quotes
 * flagged for an editor, other than this one. The same query as the list's "Links or quotes
 * to check" filter, so the editor and the list agree; it refreshes with every save.
 */
export const NextToReview = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { data } = useGetNewsroomArticlesQuery(
    { filter: 'needs-review', page: 1, pageSize: 2 },
    { refetchOnMountOrArgChange: true }
  );
  const next = data?.data.find((row) => row.documentId !== documentId);
  if (!next) return null;
  return (
    <Box data-testid="newsroom-next-to-review">
      <Typography variant="pi" textColor="neutral600" tag="p">
        {t('review.next.hint', { count: next.reviewCount })}
      </Typography>
      <LinkButton
        tag={NavLink}
        to={`/plugins/${PLUGIN_ID}/articles/${encodeURIComponent(next.documentId)}`}
        variant="secondary"
        endIcon={<ArrowRight />}
        fullWidth
      >
        {t('review.next', { title: next.title || t('list.untitled') })}
      </LinkButton>
    </Box>
  );
};
