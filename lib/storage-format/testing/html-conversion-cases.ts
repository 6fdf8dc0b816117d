import { describe, expect, it } from 'vitest';

import { htmlToStorage } from '../html-to-storage';

/** One conversion: what it shows, the pasted HTML, the storage it must become. */
export type ConversionCase = [name: string, html: string, storage: string];

/** One describe per group of cases, one test per case, each comparing the storage exactly. */
export function describeConversions(groups: Record<string, ConversionCase[]>): void {
  for (const [group, cases] of Object.entries(groups)) {
    describe(group, () => {
      it.each(cases)('%s', (_name, html, storage) => {
        expect(htmlToStorage(html)).toBe(storage);
      });
    });
  }
}
