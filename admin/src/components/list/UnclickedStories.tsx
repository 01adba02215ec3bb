import { NavLink } from 'react-router-dom';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { UNCLICKED_DAYS } from '#shared/baca-juga/click-through';
import { useGetNewsroomLinkHealthQuery } from '../../api/newsroomApi';
import { useT } from '../../hooks/useT';

/**
 * Published stories readers keep opening while nobody clicks their Baca Juga links: the links
 * are there but do not work for readers (wrong target, wrong place). Shown only when there are
 * some; the server picks them (enough views, no clicks, most viewed first).
 */
export const UnclickedStories = ({ listSearch }: { listSearch: string }) => {
  const t = useT();
  // The report LinkHealthSummary loads (and refreshes on each visit): the same cache entry.
  const { data } = useGetNewsroomLinkHealthQuery();
  const stories = data?.unclicked ?? [];
  if (stories.length === 0) return null;

  return (
    <Box
      data-testid="newsroom-unclicked"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={3}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" textColor="neutral600" tag="h2">
          {t('unclicked.title', { days: UNCLICKED_DAYS })}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {t('unclicked.hint')}
        </Typography>
        <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
          {stories.map((story) => (
            <Flex
              tag="li"
              key={story.documentId}
              gap={2}
              wrap="wrap"
              alignItems="baseline"
              data-testid="newsroom-unclicked-story"
              data-document-id={story.documentId}
            >
              <Link
                tag={NavLink}
                to={`articles/${encodeURIComponent(story.documentId)}`}
                state={{ listSearch }}
              >
                {story.title || t('list.untitled')}
              </Link>
              <Typography variant="pi" textColor="neutral600">
                {t('unclicked.counts', { views: story.views, links: story.links })}
              </Typography>
            </Flex>
          ))}
        </Flex>
      </Flex>
    </Box>
  );
};
