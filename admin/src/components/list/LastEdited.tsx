import { FormattedDate, FormattedRelativeTime, useIntl } from 'react-intl';
import { Typography } from '@strapi/design-system';
import { toDate } from '#shared/dates';
import type { AdminArticleRow } from '#shared/contracts/admin';
import { useT } from '../../hooks/useT';

const RELATIVE_FOR_SECONDS = 7 * 24 * 3600;

/**
 * "3 hours ago" for recent edits, a date for older ones; the exact time on hover, saying when
 * the edit was of the story's Baca Juga links (saved apart from the story itself). A <time>
 * element carries the instant itself, to the millisecond.
 */
export const LastEdited = ({
  iso,
  of = 'story',
  small = false,
}: {
  iso: string | null;
  of?: AdminArticleRow['lastEditOf'];
  small?: boolean;
}) => {
  const { formatDate } = useIntl();
  const t = useT();
  const variant = small ? 'pi' : 'omega';
  const date = toDate(iso);
  if (!date) {
    return (
      <Typography variant={variant} textColor="neutral500">
        -
      </Typography>
    );
  }
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  // In the admin's language, not the browser's (toLocaleString would mix the two).
  const exact = formatDate(date, { dateStyle: 'full', timeStyle: 'short' });
  const title = of === 'links' ? t('list.lastEdited.links', { time: exact }) : exact;
  return (
    <Typography
      tag="time"
      dateTime={date.toISOString()}
      variant={variant}
      textColor={small ? 'neutral600' : 'neutral800'}
      title={title}
      data-testid="newsroom-last-edited"
      data-edited={of}
    >
      {Math.abs(seconds) < RELATIVE_FOR_SECONDS ? (
        <FormattedRelativeTime value={seconds} numeric="auto" updateIntervalInSeconds={60} />
      ) : (
        <FormattedDate value={date} dateStyle="medium" timeStyle="short" />
      )}
    </Typography>
  );
};
