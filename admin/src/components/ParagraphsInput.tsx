import { forwardRef, type ClipboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Field, Flex, IconButton, Textarea, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';
import { useField } from '@strapi/strapi/admin';
import { getTranslation } from '../utils/getTranslation';
import type { CustomFieldInputProps } from './types';
import {
  hasVisibleText,
  move,
  newParagraphId,
  toParagraphs,
  type ParagraphValue,
} from '../utils/paragraphs';

type Props = CustomFieldInputProps;

/**
 * Content-manager input for an article body: one text box per paragraph, with insert,
 * move and remove. Each paragraph keeps its id through edits, so quotes and Baca Juga
 * links stay attached to it.
 */
const ParagraphsInput = forwardRef<HTMLDivElement, Props>(
  ({ name, label, hint, required, disabled }, ref) => {
    const { formatMessage } = useIntl();
    const field = useField<unknown>(name);
    const paragraphs = toParagraphs(field.value);
    const t = (id: string, values?: Record<string, string | number>) =>
      formatMessage({ id: getTranslation(id), defaultMessage: id }, values);

    const commit = (next: ParagraphValue[]) => field.onChange(name, next);
    const insertAt = (index: number, texts: string[] = ['']) =>
      commit([
        ...paragraphs.slice(0, index),
        ...texts.map((text) => ({ id: newParagraphId(), text })),
        ...paragraphs.slice(index),
      ]);
    const setText = (index: number, text: string) =>
      commit(paragraphs.map((p, i) => (i === index ? { ...p, text } : p)));

    // Pasting copy with line breaks into an empty paragraph splits it into paragraphs,
    // which is how stories usually arrive from reporters. Empty as the server says it: a line
    // of invisible characters is no paragraph.
    const onPaste = (index: number) => (event: ClipboardEvent<HTMLTextAreaElement>) => {
      if (hasVisibleText(paragraphs[index].text)) return;
      const lines = event.clipboardData
        .getData('text')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(hasVisibleText);
      if (lines.length < 2) return;
      event.preventDefault();
      commit([
        ...paragraphs.slice(0, index),
        { ...paragraphs[index], text: lines[0] },
        ...lines.slice(1).map((text) => ({ id: newParagraphId(), text })),
        ...paragraphs.slice(index + 1),
      ]);
    };

    return (
      <Field.Root name={name} hint={hint} error={field.error} required={required} ref={ref}>
        <Field.Label>{label}</Field.Label>
        <Flex direction="column" alignItems="stretch" gap={3} paddingTop={1}>
          {paragraphs.length === 0 && (
            <Typography variant="pi" textColor="neutral600">
              {t('paragraphs.empty')}
            </Typography>
          )}
          {paragraphs.map((paragraph, index) => (
            <Box
              key={paragraph.id ?? `new-${index}`}
              padding={3}
              hasRadius
              borderColor="neutral200"
              background="neutral0"
            >
              <Flex justifyContent="space-between" paddingBottom={2}>
                <Typography variant="sigma" textColor="neutral600">
                  {t('paragraphs.number', { number: index + 1 })}
                </Typography>
                <Flex gap={1}>
                  <IconButton
                    label={t('paragraphs.moveUp')}
                    disabled={disabled || index === 0}
                    onClick={() => commit(move(paragraphs, index, index - 1))}
                  >
                    <ArrowUp />
                  </IconButton>
                  <IconButton
                    label={t('paragraphs.moveDown')}
                    disabled={disabled || index === paragraphs.length - 1}
                    onClick={() => commit(move(paragraphs, index, index + 1))}
                  >
                    <ArrowDown />
                  </IconButton>
                  <IconButton
                    label={t('paragraphs.insertBelow')}
                    disabled={disabled}
                    onClick={() => insertAt(index + 1)}
                  >
                    <Plus />
                  </IconButton>
                  <IconButton
                    label={t('paragraphs.remove')}
                    disabled={disabled}
                    onClick={() => commit(paragraphs.filter((_, i) => i !== index))}
                  >
                    <Trash />
                  </IconButton>
                </Flex>
              </Flex>
              <Textarea
                aria-label={t('paragraphs.number', { number: index + 1 })}
                placeholder={t('paragraphs.placeholder')}
                value={paragraph.text}
                disabled={disabled}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setText(index, event.target.value)
                }
                onPaste={onPaste(index)}
              />
            </Box>
          ))}
          <Box>
            <Button
              variant="secondary"
              startIcon={<Plus />}
              disabled={disabled}
              onClick={() => insertAt(paragraphs.length)}
            >
              {t('paragraphs.add')}
            </Button>
          </Box>
          <Typography variant="pi" textColor="neutral600">
            {t('paragraphs.pasteHint')}
          </Typography>
        </Flex>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);

export default ParagraphsInput;
