import type { IntlShape } from 'react-intl';

/**
 * A click-through rate as the manager shows it everywhere: a percent with one decimal always
 * ("3.0%", "12.3%"), so that rates on one screen line up and read alike (a link's card and
 * its position test showed "3%", "4.0%" and "12.3%" side by side).
 */
export const formatRate = (formatNumber: IntlShape['formatNumber'], rate: number): string =>
  formatNumber(rate, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
