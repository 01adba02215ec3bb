import { useState, type FormEvent } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Modal,
  Tabs,
  TextInput,
  Typography,
} from '@strapi/design-system';
import type { LinkTarget } from '#shared/contracts/admin';
import type { NewLinkInput } from '../../hooks/usePlacementState';
import { useT } from '../../hooks/useT';
import { MAX_LABEL_LENGTH, isSafeHref } from '../../utils/placement';
import { ArticleStatusBadge } from '../ArticleStatusBadge';
import { ExternalUrlField } from './ExternalUrlField';
import { TargetSearch } from './TargetSearch';

export type AddLinkMode =
  | { kind: 'add'; slotId: string; slotLabel: string }
  | {
      kind: 'retarget';
      key: string;
      currentLabel: string;
      /** Whether the label is the editor's own words, kept after a retarget (#shared/baca-juga/retarget). */
      keepsLabel: boolean;
    };

type Tab = 'internal' | 'external';

interface Props {
  mode: AddLinkMode;
  excludeDocumentId: string;
  /** Where stories are localized: a link stays in its language, so targets are of this one. */
  locale?: string;
  /** The client-side duplicate guard; the server checks again. */
  isLinked: (target: { documentId?: string; url?: string }) => boolean;
  onClose: () => void;
  onAdd: (input: NewLinkInput) => void;
  onRetarget: (target: LinkTarget) => void;
}

const LabelField = ({ value, onChange }: { value: string; onChange: (v: string) => void }) => {
  const t = useT();
  const tooLong = value.length > MAX_LABEL_LENGTH;
  return (
    <Field.Root
      name="label"
      error={tooLong ? t('link.label.tooLong', { max: MAX_LABEL_LENGTH }) : undefined}
      hint={t('modal.label.hint')}
    >
      <Field.Label>{t('modal.label')}</Field.Label>
      <TextInput
        value={value}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/** The modal's inside, mounted per opening so every opening starts empty. */
const AddLinkForm = ({
  mode,
  excludeDocumentId,
  locale,
  isLinked,
  onClose,
  onAdd,
  onRetarget,
}: Props) => {
  const t = useT();
  const [tab, setTab] = useState<Tab>('internal');
  const [target, setTarget] = useState<LinkTarget | null>(null);
  const [url, setUrl] = useState('');
  const [urlTouched, setUrlTouched] = useState(false);
  const [label, setLabel] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const isRetarget = mode.kind === 'retarget';
  const trimmedUrl = url.trim();
  const duplicateTarget =
    tab === 'internal' && target && isLinked({ documentId: target.documentId });
  const labelTooLong = label.length > MAX_LABEL_LENGTH;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (labelTooLong) return;
    if (tab === 'internal') {
      if (!target || duplicateTarget) return;
      if (isRetarget) onRetarget(target);
      else onAdd({ kind: 'internal', target, label: label.trim() });
    } else {
      if (!trimmedUrl || !isSafeHref(trimmedUrl) || isLinked({ url: trimmedUrl })) return;
      onAdd({ kind: 'external', url: trimmedUrl, label: label.trim() });
    }
    onClose();
  };

  const internal = (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <TargetSearch
        excludeDocumentId={excludeDocumentId}
        locale={locale}
        selected={target}
        isLinked={(documentId) => isLinked({ documentId })}
        onSelect={(picked) => {
          setTarget(picked);
          setSubmitted(false);
        }}
      />
      {target && (
        <Box padding={3} hasRadius background="neutral100">
          <Flex gap={2} wrap="wrap" alignItems="center">
            <Typography variant="pi" textColor="neutral600">
              {t('modal.selected')}
            </Typography>
            <Typography variant="omega" fontWeight="bold">
              {target.title}
            </Typography>
            <ArticleStatusBadge status={target.status} size="XS" />
          </Flex>
          {target.status === 'draft' && (
            <Typography variant="pi" textColor="warning600">
              {t('link.hiddenUntilPublished')}
            </Typography>
          )}
        </Box>
      )}
      {duplicateTarget && (
        <Typography variant="pi" textColor="danger600" role="alert">
          {t('modal.duplicate')}
        </Typography>
      )}
      {submitted && !target && (
        <Typography variant="pi" textColor="danger600" role="alert">
          {t('modal.target.required')}
        </Typography>
      )}
      {!isRetarget && <LabelField value={label} onChange={setLabel} />}
    </Flex>
  );

  const external = (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <ExternalUrlField
        name="url"
        label={t('modal.url')}
        hint={t('modal.url.hint')}
        value={url}
        showError={tab === 'external' && (urlTouched || submitted)}
        extraError={isLinked({ url: trimmedUrl }) ? t('modal.duplicate') : null}
        onChange={setUrl}
        onBlur={() => setUrlTouched(true)}
      />
      <LabelField value={label} onChange={setLabel} />
    </Flex>
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Modal.Header closeLabel={t('common.close')}>
        <Modal.Title>{isRetarget ? t('modal.retargetTitle') : t('modal.title')}</Modal.Title>
      </Modal.Header>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography variant="pi" textColor="neutral600">
            {mode.kind === 'add'
              ? t('modal.placement', { slot: mode.slotLabel })
              : mode.keepsLabel
                ? t('modal.retargetHint', { label: mode.currentLabel })
                : t('modal.retargetHintFollows', { label: mode.currentLabel })}
          </Typography>
          {isRetarget ? (
            internal
          ) : (
            <Tabs.Root value={tab} onValueChange={(value) => setTab(value as Tab)}>
              <Tabs.List aria-label={t('modal.kind')}>
                <Tabs.Trigger value="internal">{t('modal.tab.internal')}</Tabs.Trigger>
                <Tabs.Trigger value="external">{t('modal.tab.external')}</Tabs.Trigger>
              </Tabs.List>
              <Tabs.Content value="internal">
                <Box paddingTop={4}>{internal}</Box>
              </Tabs.Content>
              <Tabs.Content value="external">
                <Box paddingTop={4}>{external}</Box>
              </Tabs.Content>
            </Tabs.Root>
          )}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">{t('common.cancel')}</Button>
        </Modal.Close>
        {/* The button names what happens: retargeting replaces a target, it adds no link. */}
        <Button type="submit" disabled={Boolean(duplicateTarget) || labelTooLong}>
          {isRetarget ? t('modal.confirmRetarget') : t('modal.confirm')}
        </Button>
      </Modal.Footer>
    </form>
  );
};

/** Add a Baca Juga link to a slot (an article of the newsroom or an external URL), or retarget one. */
export const AddLinkModal = ({
  mode,
  ...rest
}: Omit<Props, 'mode'> & { mode: AddLinkMode | null }) => (
  <Modal.Root open={mode !== null} onOpenChange={(next) => !next && rest.onClose()}>
    <Modal.Content>{mode && <AddLinkForm mode={mode} {...rest} />}</Modal.Content>
  </Modal.Root>
);
