/**
 * "Copy placements from another locale": a translation gets the Baca Juga links its original
 * carries, placed by paragraph position (a translation keeps the story's paragraphs in order,
 * but each locale's paragraphs have ids of their own). Pure: the server applies it as one
 * versioned save, and the manager can show the same report before the editor confirms.
 *
 * - A link to a story goes to that story's version in the target locale (the same document),
 *   and is left out, and named, when the story has none: a link stays in its language.
 * - A link after paragraph N goes after paragraph N of the translation; past the
 *   translation's last paragraph, after its last one.
 * - Labels are the source language's words: an internal link shows its target's title in the
 *   target locale instead, and an external link is copied without its label (the editor
 *   writes one in the new language; the report says so).
 * - A target or URL the translation already links is not linked twice.
 * - Position tests are not copied: each locale's readers are their own test.
 */

export interface CopiedLinkSource {
  documentId: string;
  targetDocumentId: string | null;
  /** The target's title, for the report. */
  targetTitle: string | null;
  url: string | null;
  label: string | null;
  afterParagraphId: string;
}

export type CopyOutcome =
  | 'copied'
  | 'copied-without-label'
  | 'no-translation'
  | 'already-linked'
  | 'no-paragraph';

export interface CopyReportEntry {
  /** The source locale's link. */
  link: string;
  /** What the editor reads: the target's title, or the URL. */
  name: string;
  outcome: CopyOutcome;
  /** 1-based paragraph numbers, in the source and (when copied) in the translation. */
  fromParagraph: number | null;
  toParagraph: number | null;
}

export interface NewLink {
  targetDocumentId: string | null;
  url: string | null;
  label: null;
  afterParagraphId: string;
}

export const copyPlacement = (
  source: { paragraphIds: string[]; links: CopiedLinkSource[] },
  target: {
    paragraphIds: string[];
    /** Targets and URLs the translation already links to. */
    linkedTargets: ReadonlySet<string>;
    linkedUrls: ReadonlySet<string>;
    /** Stories (documentIds) that have a version in the target locale. */
    translated: ReadonlySet<string>;
  }
): { links: NewLink[]; report: CopyReportEntry[] } => {
  const links: NewLink[] = [];
  const report: CopyReportEntry[] = [];
  const targets = new Set(target.linkedTargets);
  const urls = new Set(target.linkedUrls);
  for (const link of source.links) {
    const name = link.targetTitle ?? link.url ?? link.label ?? link.documentId;
    const at = source.paragraphIds.indexOf(link.afterParagraphId);
    const entry = { link: link.documentId, name, fromParagraph: at === -1 ? null : at + 1 };
    if (at === -1 || target.paragraphIds.length === 0) {
      report.push({ ...entry, outcome: 'no-paragraph', toParagraph: null });
      continue;
    }
    if (link.targetDocumentId && !target.translated.has(link.targetDocumentId)) {
      report.push({ ...entry, outcome: 'no-translation', toParagraph: null });
      continue;
    }
    const key = link.targetDocumentId ?? link.url;
    const seen = link.targetDocumentId ? targets : urls;
    if (!key || seen.has(key)) {
      report.push({ ...entry, outcome: 'already-linked', toParagraph: null });
      continue;
    }
    seen.add(key);
    const index = Math.min(at, target.paragraphIds.length - 1);
    links.push({
      targetDocumentId: link.targetDocumentId,
      url: link.targetDocumentId ? null : link.url,
      label: null,
      afterParagraphId: target.paragraphIds[index],
    });
    report.push({
      ...entry,
      outcome: !link.targetDocumentId && link.label ? 'copied-without-label' : 'copied',
      toParagraph: index + 1,
    });
  }
  return { links, report };
};
