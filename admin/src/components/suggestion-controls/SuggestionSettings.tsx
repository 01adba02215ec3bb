import { useEffect, useState } from 'react';
import { Box, Button, Checkbox, Field, Flex, NumberInput, Typography } from '@strapi/design-system';
import type { SuggestionControls, SuggestionSettingsBody } from '#shared/contracts/admin';
import { tagKey } from '#shared/tags';
import { toApiError } from '../../api/errors';
import { useSaveNewsroomSuggestionSettingsMutation } from '../../api/newsroomApi';
import { useT } from '../../hooks/useT';
import { UndoBar } from './UndoBar';
import type { SuggestionRules } from './useSuggestionRules';

const same = (a: SuggestionSettingsBody, b: SuggestionSettingsBody) =>
  a.maxLinks === b.maxLinks &&
  a.scopeTags.map(tagKey).sort().join('\u0000') === b.scopeTags.map(tagKey).sort().join('\u0000');

/**
 * "Suggestion settings" of a story: the tags its suggestions must share one of (chosen among
 * its own), and its cap of Baca Juga links. Saved apart from the story (stored at once, for
 * editors and readers), with an Undo that puts the settings of before back. Below, the story's
 * dismissals and pairs, each with Restore.
 */
export const SuggestionSettings = ({
  documentId,
  locale,
  tags,
  controls,
  rules,
  canManage,
}: {
  documentId: string;
  locale?: string;
  /** The story's own tags: the scope is chosen among them. */
  tags: string[];
  controls: SuggestionControls;
  rules: SuggestionRules;
  canManage: boolean;
}) => {
  const t = useT();
  const stored: SuggestionSettingsBody = {
    scopeTags: controls.settings.scopeTags,
    maxLinks: controls.settings.maxLinks,
  };
  const [draft, setDraft] = useState<SuggestionSettingsBody>(stored);
  const [previous, setPrevious] = useState<SuggestionSettingsBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [save, { isLoading }] = useSaveNewsroomSuggestionSettingsMutation();
  const storedKey = JSON.stringify(stored);
  // A save here or elsewhere (another editor, the undo) shows what is stored now.
  useEffect(() => setDraft(JSON.parse(storedKey)), [storedKey]);

  const write = async (body: SuggestionSettingsBody) => {
    setError(null);
    try {
      await save({ documentId, ...(locale ? { locale } : {}), body }).unwrap();
      return true;
    } catch (err) {
      setError(toApiError(err).message);
      return false;
    }
  };
  const onSave = async () => {
    if (await write(draft)) setPrevious(stored);
  };
  const onUndo = async () => {
    if (previous && (await write(previous))) setPrevious(null);
  };

  // The story's tags, and any stored scope tag it no longer has (so it can be unchecked).
  const choices = [
    ...tags,
    ...stored.scopeTags.filter((s) => !tags.some((tag) => tagKey(tag) === tagKey(s))),
  ];
  const inScope = (tag: string) => draft.scopeTags.some((s) => tagKey(s) === tagKey(tag));
  const toggle = (tag: string) =>
    setDraft((d) => ({
      ...d,
      scopeTags: inScope(tag)
        ? d.scopeTags.filter((s) => tagKey(s) !== tagKey(tag))
        : [...d.scopeTags, tag],
    }));

  return (
    <Box
      data-testid="newsroom-suggestion-settings"
      padding={3}
      hasRadius
      borderColor="neutral200"
      background="neutral100"
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="sigma" tag="h3">
          {t('controls.settings')}
        </Typography>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="pi" fontWeight="bold">
            {t('controls.scope')}
          </Typography>
          {choices.length === 0 ? (
            <Typography variant="pi" textColor="neutral600">
              {t('controls.scopeNoTags')}
            </Typography>
          ) : (
            choices.map((tag) => (
              <Checkbox
                key={tag}
                disabled={!canManage}
                checked={inScope(tag)}
                onCheckedChange={() => toggle(tag)}
              >
                {tag}
              </Checkbox>
            ))
          )}
        </Flex>
        {canManage ? (
          <Field.Root name="suggestion-cap" hint={t('controls.capHint')} error={error ?? undefined}>
            <Field.Label>{t('controls.cap')}</Field.Label>
            <NumberInput
              size="S"
              disabled={!canManage}
              value={draft.maxLinks ?? undefined}
              onValueChange={(value: number | undefined) =>
                setDraft((d) => ({ ...d, maxLinks: value === undefined ? null : value }))
              }
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        ) : (
          // A read-only editor reads the cap; an input, even disabled, reads as one to edit.
          <Typography variant="pi">
            {t('controls.capReadOnly', { cap: stored.maxLinks ?? t('controls.noCap') })}
          </Typography>
        )}
        {controls.maxAgeDays > 0 && (
          <Typography variant="pi" textColor="neutral600">
            {t('controls.maxAge', { days: controls.maxAgeDays })}
          </Typography>
        )}
        {canManage && (
          <Box>
            <Button
              size="S"
              variant="secondary"
              loading={isLoading}
              disabled={same(draft, stored)}
              onClick={onSave}
            >
              {t('controls.saveSettings')}
            </Button>
          </Box>
        )}
        <UndoBar
          message={previous ? t('controls.settingsSaved') : null}
          busy={isLoading}
          onUndo={onUndo}
        />
        {controls.rules.length > 0 && (
          <Flex direction="column" alignItems="stretch" gap={2} data-testid="newsroom-dismissed">
            <Typography variant="pi" fontWeight="bold">
              {t('controls.dismissed')}
            </Typography>
            {controls.rules.map((rule) => (
              <Flex
                key={rule.id}
                data-testid="newsroom-dismissed-rule"
                gap={2}
                justifyContent="space-between"
                alignItems="flex-start"
              >
                <Typography variant="pi">
                  {t(rule.kind === 'never-pair' ? 'controls.rulePair' : 'controls.ruleDismiss', {
                    title: rule.candidate.title ?? rule.candidate.documentId,
                    reason: rule.reason ? t(`controls.reason.${rule.reason}`) : '',
                    who: rule.createdBy.name ?? '?',
                  })}
                  {rule.note ? ` (${rule.note})` : ''}
                </Typography>
                {canManage && (
                  <Button
                    size="S"
                    variant="tertiary"
                    disabled={rules.busy}
                    onClick={() => rules.remove(documentId, rule)}
                  >
                    {t('controls.restore')}
                  </Button>
                )}
              </Flex>
            ))}
          </Flex>
        )}
      </Flex>
    </Box>
  );
};
