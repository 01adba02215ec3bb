import { creditText } from '#shared/quote-credit';
/**
 * What an import did with each Baca Juga link and quote of the story, so that whoever runs it
 * sees what survived of the editors' work: printed line by line by `strapi-newsroom import`,
 * and carried whole in its `--json` result.
 */

/**
 * kept: stands where it stood; moved: stands after another paragraph now (its own was
 * deleted, or --replace-links placed it as the copy does); added: new from the copy; dropped:
 * deleted; skipped: a Baca Juga line of the copy that was not made a link.
 */
export type ReportAction = 'kept' | 'added' | 'moved' | 'dropped' | 'skipped';

/** Paragraph numbers are 1-based; 0 is the start of the story (before the first paragraph). */
export interface LinkReport {
  action: ReportAction;
  /** The link's documentId (its click and position-test history); null for a skipped line. */
  link: string | null;
  label: string | null;
  /** Title of the article it points at; null for an external link. */
  target: string | null;
  url: string | null;
  /** The paragraph it stands after: of the new copy, or of the old one for a dropped link. */
  after: number | null;
  /** For a moved link: the paragraph of the old copy it stood after. */
  from?: number | null;
  reason: string;
}

export interface QuoteReport {
  action: Exclude<ReportAction, 'skipped'>;
  quote: string;
  /** The quote's first words. */
  text: string;
  /** The credit readers get: only ever an editor's (#shared/quote-credit). */
  speaker: string | null;
  speakerRole: string | null;
  /** The importer's reading of the copy, waiting for an editor (never served to readers). */
  suggestedSpeaker: string | null;
  suggestedRole: string | null;
  /** An editor confirmed the speaker: a re-import never changes it. */
  confirmed: boolean;
  /** The paragraph it stands beside: of the new copy, or of the old one for a dropped quote. */
  paragraph: number | null;
  /** For a moved quote: the paragraph of the old copy it stood beside. */
  from?: number | null;
  reason: string;
}

export interface ImportReport {
  links: LinkReport[];
  quotes: QuoteReport[];
}

/** "after paragraph 3", "at the start"; the number of a paragraph id in `ids` (0 = start). */
export const paragraphNumber = (ids: readonly string[], anchor: string | null | undefined) => {
  if (!anchor) return null;
  const index = ids.indexOf(anchor);
  return index >= 0 ? index + 1 : anchor === 'start' ? 0 : null;
};

const where = (after: number | null | undefined) =>
  after === 0 ? 'at the start' : after ? `after paragraph ${after}` : 'nowhere';

export const firstWords = (text: string, count = 8) => {
  const words = text.split(/\s+/u).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(' ')} …` : words.join(' ');
};

/** One line per link, as the command prints it. */
export const describeLink = (entry: LinkReport): string => {
  const name = entry.label ?? entry.target ?? entry.url ?? '(no label)';
  const to = entry.target ?? entry.url;
  const what = `"${name}"${to && to !== name ? ` -> ${to}` : ''}`;
  const place =
    entry.action === 'moved'
      ? `${where(entry.from)} of the old copy -> ${where(entry.after)}`
      : entry.action === 'dropped'
        ? `${where(entry.after)} of the old copy`
        : entry.action === 'skipped'
          ? ''
          : where(entry.after);
  return `link ${entry.action}: ${what}${place ? `, ${place}` : ''} (${entry.reason})`;
};

/** One line per quote, as the command prints it. */
export const describeQuote = (entry: QuoteReport): string => {
  const suggested = creditText(entry.suggestedSpeaker, entry.suggestedRole);
  const who =
    creditText(entry.speaker, entry.speakerRole) ||
    (suggested && !entry.confirmed ? `suggested: ${suggested}, for an editor to confirm` : '') ||
    'no speaker';
  const place =
    entry.action === 'moved'
      ? `paragraph ${entry.from ?? '?'} of the old copy -> paragraph ${entry.paragraph ?? '?'}`
      : `paragraph ${entry.paragraph ?? '?'}${entry.action === 'dropped' ? ' of the old copy' : ''}`;
  return `quote ${entry.action}: "${entry.text}" (${who}${entry.confirmed ? ', confirmed' : ''}), ${place} (${entry.reason})`;
};

/** "3 kept, 1 added, 0 moved, 1 dropped": the counts of each action that occurred. */
export const tally = (entries: { action: ReportAction }[]) => {
  const counts = new Map<ReportAction, number>();
  for (const entry of entries) counts.set(entry.action, (counts.get(entry.action) ?? 0) + 1);
  return (['kept', 'added', 'moved', 'dropped', 'skipped'] as const)
    .filter((action) => counts.has(action))
    .map((action) => `${counts.get(action)} ${action}`)
    .join(', ');
};
