import { writeFileSync } from "node:fs";
import { expect, it } from "vitest";

/** Rounds long decimals, so a snapshot does not change with the last digits of the layout's arithmetic. */
export const normalize = (svg: string): string => svg.replace(/\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000));

/**
 * One test per picture of a gallery module (test/views/*.ts): its SVG must match snapshots/NAME.svg. On a mismatch
 * the new picture is kept beside the old one (NAME-changed.svg) so the two can be compared in a browser.
 */
export function itMatchesGallerySnapshots(gallery: object): void {
  it.each(Object.keys(gallery))("%s matches its snapshot", async (name) => {
    const svg = normalize((gallery as Record<string, (doc: Document) => SVGSVGElement>)[name]!(document).outerHTML);
    try {
      await expect(svg).toMatchFileSnapshot(`./snapshots/${name}.svg`);
    } catch (error) {
      writeFileSync(`${import.meta.dirname}/snapshots/${name}-changed.svg`, svg); // not new URL(): jsdom replaces the URL global
      throw error;
    }
  });
}
