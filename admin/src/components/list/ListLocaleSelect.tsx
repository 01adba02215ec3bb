import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useGetNewsroomLocalesQuery } from '../../api/newsroomApi';
import { useT } from '../../hooks/useT';

/**
 * Where stories are localized, the list shows one locale's stories: this picks which. Shown
 * only when the list names its locale (the server sends it where stories are localized).
 */
export const ListLocaleSelect = ({
  value,
  onChange,
}: {
  value: string;
  onChange: (locale: string) => void;
}) => {
  const t = useT();
  const { data: locales = [] } = useGetNewsroomLocalesQuery();
  if (locales.length < 2) return null;
  return (
    <Box style={{ flex: '1 1 180px' }} data-testid="newsroom-list-locale">
      <Field.Root name="locale">
        <Field.Label>{t('list.locale.label')}</Field.Label>
        <SingleSelect
          aria-label={t('list.locale.label')}
          value={value}
          onChange={(next: string | number) => onChange(String(next))}
        >
          {locales.map((l) => (
            <SingleSelectOption key={l.code} value={l.code}>
              {l.name ?? l.code}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
};
