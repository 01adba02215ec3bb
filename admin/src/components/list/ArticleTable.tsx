import type { MouseEvent } from 'react';
import { NavLink, useNavigate } from 'react-router-dom';
import {
  Badge,
  Box,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useIsMobile } from '@strapi/strapi/admin';
import { styled } from 'styled-components';
import type { AdminArticleRow } from '#shared/contracts/admin';
import { useT, type TranslationKey } from '../../hooks/useT';
import { ArticleStatusBadge } from '../ArticleStatusBadge';
import { LastEdited } from './LastEdited';
import { LinkHealthCell } from './LinkHealthCell';

const COLUMNS: TranslationKey[] = [
  'list.column.title',
  'list.column.status',
  'list.column.links',
  'list.column.updatedAt',
];
/** A phone has room for one column: the others' values stand under the title. */
const PHONE_COLUMNS: TranslationKey[] = ['list.column.title'];

/** The whole row opens the editor, so it looks clickable. */
const Row = styled(Tr)`
  cursor: pointer;
  &:hover {
    background: ${({ theme }) => theme.colors.primary100};
  }
`;

const ArticleRow = ({
  row,
  listSearch,
  compact,
}: {
  row: AdminArticleRow;
  listSearch: string;
  compact: boolean;
}) => {
  const t = useT();
  const navigate = useNavigate();
  // The editor opens the version of the locale listed (where stories are localized).
  const locale = new URLSearchParams(listSearch).get('locale');
  const to = `articles/${encodeURIComponent(row.documentId)}${
    locale ? `?locale=${encodeURIComponent(locale)}` : ''
  }`;
  // The editor's Back link returns to the list as it was (filters, page).
  const state = { listSearch };
  const onRowClick = (event: MouseEvent<HTMLTableRowElement>) => {
    // The title link navigates by itself; don't navigate twice.
    if ((event.target as HTMLElement).closest('a')) return;
    navigate(to, { state });
  };

  const status = row.placeholder ? (
    <Badge variant="warning" data-testid="newsroom-awaiting-copy">
      {t('list.awaitingCopy')}
    </Badge>
  ) : (
    <ArticleStatusBadge status={row.status} />
  );
  const health = (
    <LinkHealthCell
      linkCount={row.linkCount}
      brokenCount={row.brokenCount}
      reviewCount={row.reviewCount}
      unconfirmedSpeakerCount={row.unconfirmedSpeakerCount}
    />
  );
  const edited = <LastEdited iso={row.lastEditedAt} of={row.lastEditOf} small={compact} />;

  return (
    <Row data-testid="newsroom-article-row" data-document-id={row.documentId} onClick={onRowClick}>
      <Td style={{ whiteSpace: 'normal' }}>
        {/* The table pads its first column only sideways; a phone's row holds three lines. */}
        <Box paddingTop={compact ? 3 : 0} paddingBottom={compact ? 3 : 0}>
          <Link tag={NavLink} to={to} state={state} data-testid="newsroom-article-title">
            {row.title || t('list.untitled')}
          </Link>
          {row.tags.length > 0 && (
            <Typography tag="p" variant="pi" textColor="neutral600">
              {row.tags.join(' · ')}
            </Typography>
          )}
          {compact && (
            <Flex gap={2} wrap="wrap" alignItems="center" paddingTop={2}>
              {status}
              {health}
              {edited}
            </Flex>
          )}
        </Box>
      </Td>
      {!compact && (
        <>
          <Td>{status}</Td>
          <Td>{health}</Td>
          <Td>{edited}</Td>
        </>
      )}
    </Row>
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
  const compact = useIsMobile();
  const columns = compact ? PHONE_COLUMNS : COLUMNS;
  return (
    <Table colCount={columns.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {columns.map((column) => (
            <Th key={column}>
              <Typography variant="sigma">{t(column)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <ArticleRow key={row.documentId} row={row} listSearch={listSearch} compact={compact} />
        ))}
      </Tbody>
    </Table>
  );
};
