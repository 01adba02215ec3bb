import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { ArticleRef, ArticleStatus } from '#shared/contracts/admin';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { ArticleStatusBadge } from './ArticleStatusBadge';

const MAX_LISTED = 5;
const editorPath = (documentId: string) =>
  `/plugins/${PLUGIN_ID}/articles/${encodeURIComponent(documentId)}`;

/**
 * The stories whose Baca Juga links point at this one, with their state: what breaks for
 * readers if this story is unpublished or deleted. The whole list is the manager's list
 * filtered by "links to" this story.
 */
export const LinkedFromList = ({
  documentId,
  linkedFrom,
  articleStatus,
}: {
  documentId: string;
  linkedFrom: ArticleRef[];
  /** This story's state: while it is live, unpublishing it breaks the live links to it. */
  articleStatus: ArticleStatus;
}) => {
  const t = useT();
  const liveSources = linkedFrom.filter((source) => source.status !== 'draft').length;
  return (
    <Box data-testid="newsroom-linked-from">
      {articleStatus !== 'draft' && liveSources > 0 && (
        <Box
          data-testid="newsroom-unpublish-warning"
          background="warning100"
          borderColor="warning200"
          hasRadius
          padding={3}
          marginBottom={2}
        >
          <Typography variant="pi" textColor="warning700">
            {t('linkedFrom.unpublishWarning', { count: liveSources })}
          </Typography>
        </Box>
      )}
      <Typography variant="sigma" textColor="neutral600" tag="h2">
        {linkedFrom.length === 0
          ? t('linkedFrom.none')
          : t('linkedFrom.title', { count: linkedFrom.length })}
      </Typography>
      {linkedFrom.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2} tag="ul">
          {linkedFrom.slice(0, MAX_LISTED).map((source) => (
            <Flex key={source.documentId} tag="li" gap={2} alignItems="center">
              <Link tag={NavLink} to={editorPath(source.documentId)}>
                {source.title || t('list.untitled')}
              </Link>
              <ArticleStatusBadge status={source.status} size="XS" />
            </Flex>
          ))}
          <Box tag="li">
            <Link
              tag={NavLink}
              to={`/plugins/${PLUGIN_ID}?linksTo=${encodeURIComponent(documentId)}`}
            >
              {t('linkedFrom.all')}
            </Link>
          </Box>
        </Flex>
      )}
    </Box>
  );
};
