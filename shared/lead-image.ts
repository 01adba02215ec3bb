/**
 * A story's lead image as readers and editors get it: the upload plugin's file, reduced to what
 * a teaser or a page needs. One home for the server (render, related, JSON-LD, the manager's
 * payload) and the admin (link cards, the preview).
 *
 * Only the `thumbnail` and `small` formats are passed on: they are what a link card and a
 * Baca Juga block show, and every larger one is the frontend's to ask the media library for.
 * A format is null when the upload plugin made none (it makes none larger than the original,
 * and none at all with its size optimisation turned off).
 */
import { fromJsonColumn } from './json-column';

export interface ImageFormat {
  url: string;
  width: number | null;
  height: number | null;
}

export interface LeadImage {
  url: string;
  /** The editor's alternative text; null when none was given. */
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  formats: { thumbnail: ImageFormat | null; small: ImageFormat | null };
}

/** The formats passed on, in the order a card prefers them when small enough. */
export const LEAD_IMAGE_FORMATS = ['thumbnail', 'small'] as const;

const dimension = (value: unknown): number | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : null;
};

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

const formatOf = (value: unknown): ImageFormat | null => {
  if (!value || typeof value !== 'object') return null;
  const format = value as Record<string, unknown>;
  const url = text(format.url);
  return url ? { url, width: dimension(format.width), height: dimension(format.height) } : null;
};

/**
 * An upload file row (as the Document Service serves it, or as plain SQL reads it: `formats`
 * may be JSON text) as a lead image; null for no file, or for a file without a URL (nothing a
 * reader could be shown).
 */
export const toLeadImage = (file: unknown): LeadImage | null => {
  if (!file || typeof file !== 'object') return null;
  const row = file as Record<string, unknown>;
  const url = text(row.url);
  if (!url) return null;
  const formats = fromJsonColumn(row.formats);
  const stored = formats && typeof formats === 'object' ? (formats as Record<string, unknown>) : {};
  return {
    url,
    alternativeText: text(row.alternativeText),
    width: dimension(row.width),
    height: dimension(row.height),
    formats: { thumbnail: formatOf(stored.thumbnail), small: formatOf(stored.small) },
  };
};

/** The smallest picture of the image a card can show: its thumbnail, else small, else itself. */
export const cardPicture = (image: LeadImage): ImageFormat =>
  image.formats.thumbnail ??
  image.formats.small ?? { url: image.url, width: image.width, height: image.height };

/**
 * An upload's URL made absolute against a public origin: the local provider serves files under
 * a path of Strapi's own ("/uploads/…"); a cloud provider's URL is absolute already and stays.
 */
export const absoluteMediaUrl = (url: string, origin: string | null): string =>
  origin && url.startsWith('/') && !url.startsWith('//')
    ? `${origin.replace(/\/+$/, '')}${url}`
    : url;
