import { suggestFreeTitle } from '@/lib/error-translator';

import type { TitleUse } from './model';

/**
 * A free title for `pageId` near `title` in its space ("Roadmap (2)", …), asking Confluence for
 * each candidate (at most `maxTries` lookups); null when none is free or Confluence cannot say.
 */
export async function freeTitleInSpace(
  client: { findPagesByTitle(spaceKey: string, title: string): Promise<TitleUse[]> },
  spaceKey: string,
  pageId: string,
  title: string,
  maxTries = 5,
): Promise<string | null> {
  try {
    return await suggestFreeTitle(
      title,
      async (candidate) => {
        const uses = await client.findPagesByTitle(spaceKey, candidate);
        const wanted = candidate.toLowerCase();
        return !uses.some((use) => use.id !== pageId && use.title.toLowerCase() === wanted);
      },
      maxTries,
    );
  } catch {
    return null;
  }
}
