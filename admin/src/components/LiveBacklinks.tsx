import { useEffect, useRef } from 'react';
import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import type { LiveBacklinks } from '#shared/contracts/admin';
import { toApiErrorOrNull } from '../api/errors';
import { useGetNewsroomLiveBacklinksQuery } from '../api/newsroomApi';
import { useT } from '../hooks/useT';

const MAX_LISTED = 5;

interface Subject {
  documentId: string;
  /** The version's locale where stories are localized (absent: the default one's). */
  locale?: string;
}

/**
 * What an Unpublish or a Delete confirmation of the content manager adds: the live stories
 * whose Baca Juga links to this story readers lose, and how often those stories were read in
 * the last week. Asked afresh each time the dialog opens (another editor may have linked here
 * a minute ago).
 */
export const LiveBacklinksImpact = ({
  documentId,
  locale,
  action,
}: Subject & { action: 'unpublish' | 'delete' }) => {
  const t = useT();
  const { currentData: data, error } = useGetNewsroomLiveBacklinksQuery(
    // A delete takes every locale's version, so every locale's backlinks count.
    action === 'delete' ? { documentId, scope: 'document' } : { documentId, locale },
    { refetchOnMountOrArgChange: true }
  );
  // Without the plugin's read permission, Strapi's own confirmation as it is.
  if (toApiErrorOrNull(error)?.status === 403) return null;
  if (error) {
    return (
      <Typography variant="pi" textColor="danger600" data-testid="newsroom-live-backlinks">
        {t('liveBacklinks.error')}
      </Typography>
    );
  }
  if (!data) return <Loader small>{t('common.loading')}</Loader>;
  return (
    <Box data-testid="newsroom-live-backlinks" width="100%">
      {data.stories.length === 0 ? (
        <Typography variant="omega" textColor="neutral700" tag="p">
          {t('liveBacklinks.none')}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="omega" textColor="danger700" fontWeight="semiBold" tag="p">
            {t(action === 'delete' ? 'liveBacklinks.delete' : 'liveBacklinks.unpublish', {
              count: data.stories.length,
            })}
          </Typography>
          <StoryList data={data} />
          <Typography variant="pi" textColor="neutral700" tag="p">
            {t('liveBacklinks.views', {
              views: data.views,
              days: data.days,
            })}
          </Typography>
        </Flex>
      )}
    </Box>
  );
};

const StoryList = ({ data }: { data: LiveBacklinks }) => {
  const t = useT();
  const more = data.stories.length - MAX_LISTED;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} tag="ul">
      {data.stories.slice(0, MAX_LISTED).map((story) => (
        <Flex key={story.documentId} tag="li" gap={2} justifyContent="space-between">
          <Typography variant="pi" textColor="neutral800" ellipsis>
            {story.title || t('list.untitled')}
          </Typography>
          <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'nowrap' }}>
            {t('liveBacklinks.story', { views: story.views })}
          </Typography>
        </Flex>
      ))}
      {more > 0 && (
        <Typography tag="li" variant="pi" textColor="neutral600">
          {t('liveBacklinks.more', { count: more })}
        </Typography>
      )}
    </Flex>
  );
};

/**
 * The side panel's and the editor's word on it, while the story is live (an unpublish would
 * take these links away) and while it is down (they wait for it). `state` changes when the
 * story is published or unpublished, and asks again.
 */
export const LiveBacklinksNotice = ({ documentId, locale, state }: Subject & { state: string }) => {
  const t = useT();
  const { currentData: data, refetch } = useGetNewsroomLiveBacklinksQuery({ documentId, locale });
  const stateShown = useRef(state);
  useEffect(() => {
    if (stateShown.current === state) return;
    stateShown.current = state;
    refetch();
  }, [state, refetch]);
  if (!data || data.stories.length === 0) return null;
  const down = !data.live;
  return (
    <Box
      data-testid={down ? 'newsroom-down-notice' : 'newsroom-unpublish-warning'}
      background={down ? 'danger100' : 'warning100'}
      borderColor={down ? 'danger200' : 'warning200'}
      hasRadius
      padding={3}
      marginBottom={2}
    >
      <Typography variant="pi" textColor={down ? 'danger700' : 'warning700'}>
        {t(down ? 'linkedFrom.downNotice' : 'linkedFrom.unpublishWarning', {
          count: data.stories.length,
        })}
      </Typography>
    </Box>
  );
};
