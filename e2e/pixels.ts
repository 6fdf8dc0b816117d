import type { BrowserContext, Locator } from '@playwright/test';

/**
 * What an element looks like on screen, read from its screenshot's pixels: the check a person does
 * by eye ("is it grey or blue?"), independent of which CSS property produced the look.
 */

export interface PaintedColour {
  /** Mean red, green and blue over the element's pixels, 0–255. */
  r: number;
  g: number;
  b: number;
  /** Mean HSL saturation of the pixels, 0–1: grey is 0, the accent blue is high. */
  saturation: number;
}

/**
 * The element's mean painted colour. The PNG is decoded in a blank page of the same browser (no
 * CSP there, unlike the app's pages), so no image library is needed in the test run.
 */
export async function paintedColour(
  context: BrowserContext,
  element: Locator,
): Promise<PaintedColour> {
  const png = (await element.screenshot({ animations: 'disabled' })).toString('base64');
  const decoder = await context.newPage();
  try {
    return await decoder.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const drawing = canvas.getContext('2d');
      if (!drawing) throw new Error('no 2d canvas to decode the screenshot');
      drawing.drawImage(bitmap, 0, 0);
      const { data } = drawing.getImageData(0, 0, bitmap.width, bitmap.height);
      let r = 0;
      let g = 0;
      let b = 0;
      let saturation = 0;
      const pixels = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const [pr, pg, pb] = [data[i]! / 255, data[i + 1]! / 255, data[i + 2]! / 255];
        r += data[i]!;
        g += data[i + 1]!;
        b += data[i + 2]!;
        const max = Math.max(pr, pg, pb);
        const min = Math.min(pr, pg, pb);
        const lightness = (max + min) / 2;
        if (max !== min) saturation += (max - min) / (1 - Math.abs(2 * lightness - 1));
      }
      return { r: r / pixels, g: g / pixels, b: b / pixels, saturation: saturation / pixels };
    }, png);
  } finally {
    await decoder.close();
  }
}
