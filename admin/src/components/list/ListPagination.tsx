import { Button, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ArrowLeft, ArrowRight } from '@strapi/icons';
import type { Pagination } from '#shared/contracts/admin';
import { useT } from '../../hooks/useT';

const PAGE_SIZES = [10, 25, 50, 100];

/** Server-side pagination: page size, previous / next and "Page X of Y". */
export const ListPagination = ({
  pagination,
  page,
  pageSize,
  onPage,
  onPageSize,
}: {
  pagination: Pagination;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) => {
  const t = useT();
  const pageCount = Math.max(pagination.pageCount, 1);
  return (
    <Flex justifyContent="space-between" wrap="wrap" gap={3}>
      <Flex gap={2} alignItems="center">
        <SingleSelect
          aria-label={t('list.pageSize')}
          size="S"
          value={String(pageSize)}
          onChange={(value: string | number) => onPageSize(Number(value))}
        >
          {PAGE_SIZES.map((size) => (
            <SingleSelectOption key={size} value={String(size)}>
              {String(size)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Typography variant="pi" textColor="neutral600">
          {t('list.perPage', { total: pagination.total })}
        </Typography>
      </Flex>
      <Flex gap={3} alignItems="center" tag="nav" aria-label={t('list.pagination')}>
        <Button
          variant="tertiary"
          size="S"
          startIcon={<ArrowLeft />}
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          {t('list.previous')}
        </Button>
        <Typography variant="pi" textColor="neutral800" aria-live="polite">
          {t('list.pageOf', { page, pageCount })}
        </Typography>
        <Button
          variant="tertiary"
          size="S"
          endIcon={<ArrowRight />}
          disabled={page >= pageCount}
          onClick={() => onPage(page + 1)}
        >
          {t('list.next')}
        </Button>
      </Flex>
    </Flex>
  );
};
