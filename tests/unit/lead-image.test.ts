import { absoluteMediaUrl, cardPicture, toLeadImage } from '#shared/lead-image';
import { imageMimeType } from '../../server/src/importer/image-file';
import { buildNewsArticleJsonLd } from '../../server/src/services/jsonld';
import { publicServerUrl } from '../../server/src/utils/public-url';
import type { RenderedArticle } from '../../server/src/services/render/types';
import { pngBytes } from '../integration/helpers/png';

/** An upload file row as Strapi stores one, with every format the upload plugin makes. */
const file = {
  id: 7,
  url: '/uploads/rob_1a2b.png',
  alternativeText: 'Air laut di jalan',
  width: 1200,
  height: 800,
  formats: {
    thumbnail: { url: '/uploads/thumbnail_rob_1a2b.png', width: 234, height: 156, size: 9.1 },
    small: { url: '/uploads/small_rob_1a2b.png', width: 500, height: 333, size: 40 },
    medium: { url: '/uploads/medium_rob_1a2b.png', width: 750, height: 500, size: 80 },
    large: { url: '/uploads/large_rob_1a2b.png', width: 1000, height: 667, size: 120 },
  },
};

describe('toLeadImage: an upload file as a lead image', () => {
  it('passes on the file, its alternative text and only the thumbnail and small formats', () => {
    expect(toLeadImage(file)).toEqual({
      url: '/uploads/rob_1a2b.png',
      alternativeText: 'Air laut di jalan',
      width: 1200,
      height: 800,
      formats: {
        thumbnail: { url: '/uploads/thumbnail_rob_1a2b.png', width: 234, height: 156 },
        small: { url: '/uploads/small_rob_1a2b.png', width: 500, height: 333 },
      },
    });
  });

  it('reads formats kept as JSON text (SQLite) and numbers as text, as plain SQL returns them', () => {
    const raw = { ...file, width: '1200', height: '800', formats: JSON.stringify(file.formats) };
    expect(toLeadImage(raw)).toEqual(toLeadImage(file));
  });

  it('gives null formats the upload plugin did not make, and null for no file or no URL', () => {
    expect(
      toLeadImage({ url: '/uploads/kecil.png', width: 40, height: 30, formats: null })
    ).toEqual({
      url: '/uploads/kecil.png',
      alternativeText: null,
      width: 40,
      height: 30,
      formats: { thumbnail: null, small: null },
    });
    expect(
      toLeadImage({ ...file, alternativeText: '  ', formats: { small: { url: '' } } })
    ).toMatchObject({ alternativeText: null, formats: { thumbnail: null, small: null } });
    for (const none of [null, undefined, 'x', {}, { url: '' }, { url: null, width: 2 }]) {
      expect(toLeadImage(none)).toBeNull();
    }
  });

  it('gives a card the smallest picture there is', () => {
    const image = toLeadImage(file)!;
    expect(cardPicture(image).url).toBe('/uploads/thumbnail_rob_1a2b.png');
    expect(
      cardPicture({ ...image, formats: { thumbnail: null, small: image.formats.small } }).url
    ).toBe('/uploads/small_rob_1a2b.png');
    expect(cardPicture({ ...image, formats: { thumbnail: null, small: null } })).toEqual({
      url: '/uploads/rob_1a2b.png',
      width: 1200,
      height: 800,
    });
  });

  it("makes a local upload's URL absolute and leaves a provider's absolute URL", () => {
    expect(absoluteMediaUrl('/uploads/a.png', 'https://cms.example.id/')).toBe(
      'https://cms.example.id/uploads/a.png'
    );
    expect(absoluteMediaUrl('/uploads/a.png', null)).toBe('/uploads/a.png');
    expect(absoluteMediaUrl('https://cdn.example.id/a.png', 'https://cms.example.id')).toBe(
      'https://cdn.example.id/a.png'
    );
    expect(absoluteMediaUrl('//cdn.example.id/a.png', 'https://cms.example.id')).toBe(
      '//cdn.example.id/a.png'
    );
  });
});

describe('JSON-LD image', () => {
  const article = (image: ReturnType<typeof toLeadImage>): RenderedArticle => ({
    documentId: 'd1',
    slug: 'rob',
    title: 'Banjir Rob',
    lead: null,
    outlet: null,
    dateline: null,
    byline: null,
    wireSource: null,
    reportedAt: '2024-11-13',
    publishedAt: null,
    updatedAt: null,
    href: '/berita/rob',
    image,
    tags: [],
    body: [],
    quotes: [],
    linkedFrom: [],
  });

  it("is an ImageObject, absolute with Strapi's public URL, omitted without an image", () => {
    const image = toLeadImage(file);
    expect(
      buildNewsArticleJsonLd(article(image), {
        siteUrl: 'https://www.example.id',
        mediaUrl: 'https://cms.example.id',
      }).image
    ).toEqual({
      '@type': 'ImageObject',
      url: 'https://cms.example.id/uploads/rob_1a2b.png',
      width: 1200,
      height: 800,
    });
    // Without Strapi's public URL it stays as the provider gives it, like every URL there
    // without `siteUrl`: the site's origin is not where uploads are served.
    expect(
      buildNewsArticleJsonLd(article(image), { siteUrl: 'https://www.example.id' }).image?.url
    ).toBe('/uploads/rob_1a2b.png');
    expect(buildNewsArticleJsonLd(article(null), { siteUrl: null })).not.toHaveProperty('image');
  });

  it("takes Strapi's server.url only when it is an absolute URL", () => {
    const strapi = (url: unknown) => ({ config: { get: () => url } }) as any;
    expect(publicServerUrl(strapi('https://cms.example.id/'))).toBe('https://cms.example.id');
    expect(publicServerUrl(strapi(''))).toBeNull();
    expect(publicServerUrl(strapi('/cms'))).toBeNull();
  });
});

describe("the importer's --image check (imageMimeType)", () => {
  it('knows a picture by its first bytes, never by its name', () => {
    expect(imageMimeType(pngBytes(2, 2, [0, 0, 0]))).toBe('image/png');
    expect(
      imageMimeType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]))
    ).toBe('image/jpeg');
    expect(imageMimeType(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00', 'latin1'))).toBe(
      'image/gif'
    );
    expect(imageMimeType(Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(imageMimeType(Buffer.from('\x00\x00\x00\x1cftypavif\x00\x00', 'latin1'))).toBe(
      'image/avif'
    );
    for (const text of [
      'JAKARTA - Banjir merendam',
      '<svg xmlns="http://www.w3.org/2000/svg">',
      '',
    ]) {
      expect(imageMimeType(Buffer.from(text))).toBeNull();
    }
  });
});
