import { open } from 'node:fs/promises';
import path from 'node:path';

/**
 * The picture formats an imported lead image may be, by the bytes each starts with: what
 * browsers show and the upload plugin's image service reads. A file is judged by its bytes,
 * never its name, so a story's text renamed `.jpg` is refused before it reaches the media
 * library.
 */
const SIGNATURES: { mime: string; test: (head: Buffer) => boolean }[] = [
  {
    mime: 'image/png',
    test: (h) => h.subarray(0, 8).equals(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')),
  },
  { mime: 'image/jpeg', test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { mime: 'image/gif', test: (h) => /^GIF8[79]a/.test(h.subarray(0, 6).toString('latin1')) },
  {
    mime: 'image/webp',
    test: (h) =>
      h.subarray(0, 4).toString('latin1') === 'RIFF' &&
      h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  {
    mime: 'image/avif',
    test: (h) =>
      h.subarray(4, 8).toString('latin1') === 'ftyp' &&
      /^avi[fs]$/.test(h.subarray(8, 12).toString('latin1')),
  },
];

/** The MIME type of a picture by its first bytes, or null when they are none of SIGNATURES. */
export const imageMimeType = (head: Buffer): string | null =>
  SIGNATURES.find(({ test }) => head.length >= 12 && test(head))?.mime ?? null;

/** What the upload plugin's service takes for one file already on disk. */
export interface LocalImage {
  filepath: string;
  originalFilename: string;
  mimetype: string;
  size: number;
}

/** The file as the upload service takes it, or null when it is not a picture. */
export const readLocalImage = async (filepath: string): Promise<LocalImage | null> => {
  const handle = await open(filepath, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(16);
    await handle.read(head, 0, head.length, 0);
    const mimetype = imageMimeType(head);
    return mimetype
      ? { filepath, originalFilename: path.basename(filepath), mimetype, size }
      : null;
  } finally {
    await handle.close();
  }
};
