/** Test images as the Inside view's galleries draw them. Pure. */
import { decodeBytes } from '../../../../shared/inside/float-codec';
import type { TestImages } from '../../../../shared/inside/inside-schemas';

/** One test image ready to draw: RGBA bytes of `width` × `height` pixels. */
export interface GalleryImage {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Grey bytes as RGBA: ink dark on light, as digits are printed. */
export function rgbaOfGrey(bytes: Uint8Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(bytes.length * 4);
  bytes.forEach((v, i) => out.set([255 - v, 255 - v, 255 - v, 255], i * 4));
  return out;
}

/**
 * The fetched images by index, each at the size its dataset has (the answer's width × height): a gallery drawn
 * at MNIST's 28×28 left another dataset's images blank (an 8×8 image's 256 bytes are no 28×28 picture).
 */
export function galleryImages(result: TestImages): Array<[number, GalleryImage]> {
  return result.images.map((image) => [
    image.index,
    { rgba: rgbaOfGrey(decodeBytes(image.base64)), width: result.width, height: result.height },
  ]);
}
