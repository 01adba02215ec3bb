import { styled } from 'styled-components';
import { absoluteMediaUrl, cardPicture, type LeadImage } from '#shared/lead-image';

declare global {
  interface Window {
    strapi?: { backendURL?: string };
  }
}

const Picture = styled.img<{ $size: number }>`
  display: block;
  flex: none;
  width: ${({ $size }) => $size}px;
  height: ${({ $size }) => Math.round(($size * 2) / 3)}px;
  object-fit: cover;
  border-radius: ${({ theme }) => theme.borderRadius};
  background: ${({ theme }) => theme.colors.neutral150};
`;

/**
 * The target's lead image as a link card shows it: the upload plugin's thumbnail (else its
 * small format, else the file). A file of the local provider lives under Strapi's own path, so
 * it is read from Strapi's backend URL, as the media library does, wherever the admin is served.
 */
export const LinkThumbnail = ({ image, size = 72 }: { image: LeadImage | null; size?: number }) => {
  if (!image) return null;
  const picture = cardPicture(image);
  return (
    <Picture
      data-testid="newsroom-link-thumbnail"
      src={absoluteMediaUrl(picture.url, window.strapi?.backendURL ?? null)}
      alt={image.alternativeText ?? ''}
      loading="lazy"
      $size={size}
    />
  );
};
