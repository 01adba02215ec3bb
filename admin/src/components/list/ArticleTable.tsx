import type { MouseEvent } from 'react';
import { NavLink, useNavigate } from 'react-router-dom';
import { FormattedDate, FormattedRelativeTime } from 'react-intl';
import { Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { AdminArticleRow } from '../../../../server/src/contracts/admin';
import { useT, type TranslationKey } from '../../hooks/useT';
import { ArticleStatusBadge } from '../ArticleStatusBadge';

const COLUMNS: TranslationKey[] = [
  'list.column.title',
  'list.column.status',
  'list.column.links',
  'list.column.broken',
  'list.column.updatedAt',
];
const RELATIVE_FOR_SECONDS = 7 * 24 * 3600;

const LastEdited = ({ iso }: { iso: string | null }) => {
  if (!iso) return <Typography textColor="neutral500">-</Typography>;
  const date = new Date(iso);
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  // Recent edits read better as "3 hours ago"; older ones as a date.
  if (Math.abs(seconds) < RELATIVE_FOR_SECONDS) {
    return (
      <Typography textColor="neutral800" title={date.toLocaleString()}>
        <FormattedRelativeTime value={seconds} numeric="auto" updateIntervalInSeconds={60} />
      </Typography>
    );
  }
  return (
    <Typography textColor="neutral800">
      <FormattedDate value={date} dateStyle="medium" timeStyle="short" />
    </Typography>
  );
};

const ArticleRow = ({ row, listSearch }: { row: AdminArticleRow; listSearch: string }) => {
  const t = useT();
  const navigate = useNavigate();
  const to = `articles/${encodeURIComponent(row.documentId)}`;
  // The editor's Back link returns to the list as it was (filters, page).
  const state = { listSearch };
  const onRowClick = (event: MouseEvent<HTMLTableRowElement>) => {
    // The title link navigates by itself; don't navigate twice.
    if ((event.target as HTMLElement).closest('a')) return;
    navigate(to, { state });
  };
  const broken = row.brokenCount > 0;

  return (
    <Tr
      data-testid="newsroom-article-row"
      data-document-id={row.documentId}
      onClick={onRowClick}
      style={{ cursor: 'pointer' }}
    >
      <Td>
        <Link tag={NavLink} to={to} state={state}>
          {row.title || t('list.untitled')}
        </Link>
      </Td>
      <Td>
        <ArticleStatusBadge status={row.status} />
      </Td>
      <Td>
        <Typography textColor="neutral800">{row.linkCount}</Typography>
      </Td>
      <Td>
        <Typography
          textColor={broken ? 'danger600' : 'neutral800'}
          fontWeight={broken ? 'bold' : undefined}
        >
          {row.brokenCount}
        </Typography>
      </Td>
      <Td>
        <LastEdited iso={row.updatedAt} />
      </Td>
    </Tr>
  );
};

/** The articles of one page; a row (or its title link, for the keyboard) opens the editor. */
export const ArticleTable = ({
  rows,
  listSearch,
}: {
  rows: AdminArticleRow[];
  listSearch: string;
}) => {
  const t = useT();
  return (
    <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {COLUMNS.map((column) => (
            <Th key={column}>
              <Typography variant="sigma">{t(column)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <ArticleRow key={row.documentId} row={row} listSearch={listSearch} />
        ))}
      </Tbody>
    </Table>
  );
};
