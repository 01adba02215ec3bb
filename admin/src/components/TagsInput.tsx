import { forwardRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { Field, Flex, Tag, TextInput } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useField } from '@strapi/strapi/admin';
import { tagKey } from '#shared/tags';
import { getTranslation } from '../utils/getTranslation';
import type { CustomFieldInputProps } from './types';

type Props = CustomFieldInputProps;

const toTags = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];

/** Content-manager input for article tags: type a tag, Enter or comma adds it. */
const TagsInput = forwardRef<HTMLDivElement, Props>(
  ({ name, label, hint, required, disabled }, ref) => {
    const { formatMessage } = useIntl();
    const field = useField<unknown>(name);
    const tags = toTags(field.value);
    const [draft, setDraft] = useState('');

    const add = (raw: string) => {
      // The same tag by the server's rule (#shared/tags): "ÖZİL" is not added beside "Özil".
      const seen = new Set(tags.map(tagKey));
      const fresh = raw
        .split(',')
        .map((t) => t.replace(/\s+/g, ' ').trim())
        .filter((t) => t && !seen.has(tagKey(t)) && seen.add(tagKey(t)));
      if (fresh.length) field.onChange(name, [...tags, ...fresh]);
      setDraft('');
    };
    const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
      if ((event.key === 'Enter' || event.key === ',') && draft.trim()) {
        event.preventDefault();
        add(draft);
      }
    };

    return (
      <Field.Root name={name} hint={hint} error={field.error} required={required} ref={ref}>
        <Field.Label>{label}</Field.Label>
        <TextInput
          value={draft}
          disabled={disabled}
          placeholder={formatMessage({
            id: getTranslation('tags.placeholder'),
            defaultMessage: 'Add tag',
          })}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => draft.trim() && add(draft)}
        />
        <Flex gap={2} wrap="wrap" paddingTop={2}>
          {tags.map((tag) => (
            <Tag
              key={tag}
              icon={<Cross />}
              disabled={disabled}
              label={formatMessage(
                { id: getTranslation('tags.remove'), defaultMessage: 'Remove {tag}' },
                { tag }
              )}
              onClick={() =>
                field.onChange(
                  name,
                  tags.filter((t) => t !== tag)
                )
              }
            >
              {tag}
            </Tag>
          ))}
        </Flex>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);

export default TagsInput;
