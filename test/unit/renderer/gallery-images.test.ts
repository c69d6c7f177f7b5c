import { describe, expect, it } from 'vitest';
import { encodeBytes } from '../../../shared/inside/float-codec';
import { galleryImages } from '../../../renderer/src/lib/inside/gallery-images';

describe('gallery images', () => {
  it("draws an 8×8 dataset's images at 8×8 (they were drawn as 28×28 and stayed blank)", () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i % 8 === 3 ? 255 : 0));
    const [[index, image]] = galleryImages({
      width: 8,
      height: 8,
      images: [{ index: 17, label: 2, base64: encodeBytes(bytes) }],
    });
    expect(index).toBe(17);
    expect([image.width, image.height]).toEqual([8, 8]);
    expect(image.rgba.length).toBe(8 * 8 * 4);
  });

  it('ink dark on light: grey v becomes 255 − v, opaque', () => {
    const bytes = Uint8Array.from([0, 255, 128, 10]);
    const [[, image]] = galleryImages({ width: 2, height: 2, images: [{ index: 0, label: 0, base64: encodeBytes(bytes) }] });
    expect([...image.rgba]).toEqual([255, 255, 255, 255, 0, 0, 0, 255, 127, 127, 127, 255, 245, 245, 245, 255]);
  });

  it("MNIST's images stay 28×28, each by its index", () => {
    const blank = encodeBytes(new Uint8Array(784));
    const images = galleryImages({
      width: 28,
      height: 28,
      images: [
        { index: 3, label: 1, base64: blank },
        { index: 9, label: 4, base64: blank },
      ],
    });
    expect(images.map(([i, image]) => [i, image.width, image.height, image.rgba.length])).toEqual([
      [3, 28, 28, 3136],
      [9, 28, 28, 3136],
    ]);
  });
});
