import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Suggestion } from '#shared/contracts/admin';
import { strengthOf, type Strength } from '#shared/baca-juga/strength';
import { useT, type TranslationKey } from '../../hooks/useT';
import { formatRate } from '../../utils/rates';

const LABEL: Record<Strength, TranslationKey> = {
  strong: 'strength.strong',
  fair: 'strength.fair',
  weak: 'strength.weak',
};
const VARIANT: Record<Strength, 'success' | 'secondary' | 'warning'> = {
  strong: 'success',
  fair: 'secondary',
  weak: 'warning',
};

/** A suggestion's strength band (shared/baca-juga/strength) and the reason for it. */
export const StrengthBadge = ({ suggestion }: { suggestion: Suggestion }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const strength = strengthOf(suggestion);
  const percent = formatRate(formatNumber, suggestion.coverage);
  return (
    <Flex
      gap={2}
      wrap="wrap"
      alignItems="center"
      data-testid="newsroom-strength"
      data-strength={strength}
    >
      <Badge variant={VARIANT[strength]} size="S">
        {t(LABEL[strength])}
      </Badge>
      <Typography variant="pi" textColor="neutral600">
        {suggestion.sharedTags.length > 0
          ? t('strength.whyTags', { percent, count: suggestion.sharedTags.length })
          : t('strength.why', { percent })}
      </Typography>
    </Flex>
  );
};

/**
 * Suggestions above the relevance floor, and the weak ones, hidden until the editor asks:
 * a one-click Accept saves and publishes, so a match on common words is not offered as if it
 * were as good as the rest.
 */
export const WeakToggle = ({
  weak,
  shown,
  onToggle,
}: {
  weak: number;
  shown: boolean;
  onToggle: () => void;
}) => {
  const t = useT();
  if (weak === 0) return null;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid="newsroom-weak-toggle">
      {!shown && (
        <Typography variant="pi" textColor="neutral600">
          {t('strength.hidden', { count: weak })}
        </Typography>
      )}
      <Button size="S" variant="tertiary" onClick={onToggle}>
        {shown ? t('strength.hideWeak') : t('strength.showWeak', { count: weak })}
      </Button>
    </Flex>
  );
};
