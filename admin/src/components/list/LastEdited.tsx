import { FormattedDate, FormattedRelativeTime, useIntl } from 'react-intl';
import { Typography } from '@strapi/design-system';
import { toDate } from '#shared/dates';

const RELATIVE_FOR_SECONDS = 7 * 24 * 3600;

/** "3 hours ago" for recent edits, a date for older ones; the exact time on hover. */
export const LastEdited = ({ iso, small = false }: { iso: string | null; small?: boolean }) => {
  const { formatDate } = useIntl();
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
  return (
    <Typography variant={variant} textColor={small ? 'neutral600' : 'neutral800'} title={exact}>
      {Math.abs(seconds) < RELATIVE_FOR_SECONDS ? (
        <FormattedRelativeTime value={seconds} numeric="auto" updateIntervalInSeconds={60} />
      ) : (
        <FormattedDate value={date} dateStyle="medium" timeStyle="short" />
      )}
    </Typography>
  );
};
