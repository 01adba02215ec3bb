import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { ArticleRef, ArticleStatus } from '#shared/contracts/admin';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { ArticleStatusBadge } from './ArticleStatusBadge';
import { LiveBacklinksNotice } from './LiveBacklinks';

const MAX_LISTED = 5;
const editorPath = (documentId: string) =>
  `/plugins/${PLUGIN_ID}/articles/${encodeURIComponent(documentId)}`;

/**
 * The stories whose draft Baca Juga links point at this one, with their state, under the
 * notice of what readers lose (or, while the story is down, miss) from the live ones. The whole list is the manager's list
 * filtered by "links to" this story.
 */
export const LinkedFromList = ({
  documentId,
  linkedFrom,
  articleStatus,
  locale,
}: {
  documentId: string;
  linkedFrom: ArticleRef[];
  /** This story's state: the notice asks again when it is published or unpublished. */
  articleStatus: ArticleStatus;
  /** The version's locale where stories are localized. */
  locale?: string;
}) => {
  const t = useT();
  return (
    <Box data-testid="newsroom-linked-from">
      <LiveBacklinksNotice documentId={documentId} locale={locale} state={articleStatus} />
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
