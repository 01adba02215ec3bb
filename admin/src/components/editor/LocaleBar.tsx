import { useNavigate, useSearchParams } from 'react-router-dom';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { Placement } from '#shared/contracts/admin';
import { toApiError } from '../../api/errors';
import {
  useCopyNewsroomPlacementMutation,
  useGetNewsroomLocalesQuery,
} from '../../api/newsroomApi';
import { useT } from '../../hooks/useT';

/**
 * Where stories are localized: which locale's version the editor works on, and "Copy
 * placements from another locale" (shared/baca-juga/copy-placement). Shown only when the
 * placement names its locale (the server sends it where stories are localized).
 */
export const LocaleBar = ({
  placement,
  isDirty,
  canManage,
  onCopied,
  onConflict,
}: {
  placement: Placement;
  isDirty: boolean;
  canManage: boolean;
  /** The placement as saved by the copy: it replaces the one on screen. */
  onCopied: (saved: Placement) => void;
  onConflict: () => void;
}) => {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { toggleNotification } = useNotification();
  const { data: locales = [] } = useGetNewsroomLocalesQuery();
  const [copy, { isLoading: copying }] = useCopyNewsroomPlacementMutation();
  const current = placement.article.locale;
  if (!current || locales.length < 2) return null;

  const nameOf = (code: string) => locales.find((l) => l.code === code)?.name ?? code;
  const switchTo = (code: string) => {
    const next = new URLSearchParams(params);
    next.set('locale', code);
    // A navigation: the unsaved-changes guard asks first when there are edits.
    navigate({ search: `?${next.toString()}` });
  };

  const copyFrom = async (from: string) => {
    try {
      const result = await copy({
        documentId: placement.article.documentId,
        locale: current,
        from,
        version: placement.version,
      }).unwrap();
      onCopied(result.placement);
      const copied = result.copied.filter((e) => e.outcome.startsWith('copied')).length;
      const left = result.copied.filter((e) => !e.outcome.startsWith('copied'));
      toggleNotification({
        type: left.length ? 'warning' : 'success',
        message: left.length
          ? t('locale.copy.partly', {
              copied,
              left: left
                .map((e) => `${e.name} (${t(`locale.copy.outcome.${e.outcome}`)})`)
                .join('; '),
            })
          : t('locale.copy.done', { copied }),
      });
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 409) onConflict();
      else toggleNotification({ type: 'danger', message: error.message });
    }
  };

  return (
    <Box paddingLeft={10} paddingRight={10} paddingBottom={4} data-testid="newsroom-locale-bar">
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Box minWidth="220px">
          <Field.Root name="newsroom-locale">
            <Field.Label>{t('locale.label')}</Field.Label>
            <SingleSelect
              value={current}
              onChange={(value: string | number) => switchTo(String(value))}
              data-testid="newsroom-locale-select"
            >
              {locales.map((l) => (
                <SingleSelectOption key={l.code} value={l.code}>
                  {nameOf(l.code)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        {canManage &&
          locales
            .filter((l) => l.code !== current)
            .map((l) => (
              <Button
                key={l.code}
                variant="secondary"
                loading={copying}
                disabled={isDirty}
                title={isDirty ? t('locale.copy.saveFirst') : undefined}
                onClick={() => copyFrom(l.code)}
                data-testid={`newsroom-copy-from-${l.code}`}
              >
                {t('locale.copy.from', { name: nameOf(l.code) })}
              </Button>
            ))}
      </Flex>
    </Box>
  );
};
