import type { Readable } from "node:stream";
import sharp from "sharp";

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320;

/**
 * A ~320px WebP of an image, or null when sharp cannot read it (HEIC: sharp's
 * prebuilt libvips has no HEVC decoder for licensing reasons) or it is not an
 * image at all. `limitInputPixels` refuses decompression bombs.
 */
export async function makeThumbnail(image: Readable): Promise<Buffer | null> {
  const resize = sharp({ limitInputPixels: 100_000_000, failOn: "error" })
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 75 });
  try {
    image.pipe(resize);
    return await resize.toBuffer();
  } catch {
    image.destroy();
    return null;
  }
}

/** Image types sharp reads with its prebuilt binaries. */
export function canThumbnail(mimeType: string): boolean {
  return ["image/jpeg", "image/png", "image/webp"].includes(mimeType);
}
