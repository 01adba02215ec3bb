import { Button, Field, Flex, TextInput } from '@strapi/design-system';
import { httpsOffer } from '#shared/baca-juga/text';
import { useT } from '../../hooks/useT';
import { urlFieldError } from '../../utils/urlField';

/**
 * An external link's URL: in the add dialog and on the link's card. Its error shows once
 * `showError` (after the field was left, or a save was tried); with it, the URL with https://
 * in front when that is what the editor meant, to take in one click.
 */
export const ExternalUrlField = ({
  name,
  label,
  value,
  hint,
  size,
  showError,
  extraError,
  onChange,
  onBlur,
}: {
  name: string;
  label: string;
  value: string;
  hint?: string;
  size?: 'S' | 'M';
  showError: boolean;
  /** A problem besides the rule's (a duplicate), shown when the URL itself is acceptable. */
  extraError?: string | null;
  onChange: (url: string) => void;
  onBlur?: () => void;
}) => {
  const t = useT();
  const ruleError = urlFieldError(t, value);
  const error = showError ? (ruleError ?? extraError ?? null) : null;
  const offer = showError ? httpsOffer(value) : null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root name={name} error={error ?? undefined} hint={hint} required>
        <Field.Label>{label}</Field.Label>
        <TextInput
          type="text"
          inputMode="url"
          size={size}
          placeholder="https://"
          value={value}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          onBlur={onBlur}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      {offer && (
        <Flex>
          <Button
            type="button"
            size="S"
            variant="secondary"
            data-testid="newsroom-url-offer"
            style={{ wordBreak: 'break-all', height: 'auto' }}
            onClick={() => onChange(offer)}
          >
            {t('url.useOffer', { url: offer })}
          </Button>
        </Flex>
      )}
    </Flex>
  );
};
