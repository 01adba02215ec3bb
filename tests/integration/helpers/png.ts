/**
 * A PNG made here, byte by byte: one colour, any size. The tests' lead images, so that no
 * picture from elsewhere is committed. Big enough (past 245×156 and 500 wide) and the upload
 * plugin makes its `thumbnail` and `small` formats of it.
 */
import { deflateSync } from 'node:zlib';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** An RGB PNG of `width` × `height` in one colour (`[r, g, b]`). */
export const pngBytes = (width: number, height: number, rgb: [number, number, number]) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, no interlace
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** The same PNG written to a fresh temporary file: its path. */
export const pngFile = (
  name: string,
  width: number,
  height: number,
  rgb: [number, number, number]
): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsroom-png-')), name);
  writeFileSync(file, pngBytes(width, height, rgb));
  return file;
};

/**
 * A picture through the upload plugin's service, as the media library stores one: the file
 * row (`size`: width and height; the colour follows the name, so two pictures differ).
 */
export const uploadPicture = async (
  strapi: Core.Strapi,
  name: string,
  alt: string,
  size: [number, number] = [600, 400]
): Promise<{ id: number; url: string }> => {
  const filepath = pngFile(name, size[0], size[1], [name.length * 20, 90, 160]);
  const [file] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name, alternativeText: alt } },
      files: {
        filepath,
        originalFilename: name,
        mimetype: 'image/png',
        size: statSync(filepath).size,
      },
    });
  return file;
};
