/**
 * Free titles to offer when a title is taken ("Roadmap (2)", …). Pure: the caller says how to ask
 * whether a title is free, so the editor (through the title-check route) and the server (through
 * its Confluence client, with a refused save) suggest the same titles.
 */

/**
 * A free title close to `title`: "Roadmap (2)", "Roadmap (3)", … (an existing " (n)" suffix is
 * counted on). `isFree` asks Confluence; at most `maxTries` are asked. Null when none of them is
 * free.
 */
export async function suggestFreeTitle(
  title: string,
  isFree: (candidate: string) => Promise<boolean>,
  maxTries = 8,
): Promise<string | null> {
  const numbered = /^(.*\S) \((\d+)\)$/.exec(title.trim());
  const stem = numbered ? numbered[1]! : title.trim();
  const first = numbered ? Number(numbered[2]) + 1 : 2;
  for (let n = first; n < first + maxTries; n++) {
    const suffix = ` (${n})`;
    // Confluence titles are at most 255 characters: shorten the stem, never the number.
    const candidate = stem.slice(0, 255 - suffix.length).trimEnd() + suffix;
    if (await isFree(candidate)) return candidate;
  }
  return null;
}

/** The pages a title lookup finds (the Confluence client's `findPagesByTitle` answers these). */
export interface TitleLookup {
  findPagesByTitle(spaceKey: string, title: string): Promise<Array<{ id: string; title: string }>>;
}

/**
 * A free title for `pageId` near `title` in its space, asking Confluence for each candidate (at
 * most `maxTries` lookups); null when none is free or Confluence cannot say. Titles compare
 * without letter case, and the page's own title is free for it.
 */
export async function freeTitleInSpace(
  client: TitleLookup,
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
