import { cqlString } from './cql';
import type { TitleUse } from './model';
import { v1ContentArraySchema } from './schemas';
import type { ConfluenceTransport } from './transport';

/**
 * Pages of a space whose title equals `title` ignoring case, as Confluence's uniqueness rule
 * compares them ("Roadmap" and "roadmap" clash; docs/confluence-api.md §11). Cloud's v2 title
 * filter matches exactly, so the lookup goes through CQL, whose `title =` ignores case; the
 * answers are filtered again here so a looser match never counts as a clash.
 */
export async function findPagesByTitleIgnoringCase(
  http: ConfluenceTransport,
  apiPrefix: string,
  spaceKey: string,
  title: string,
): Promise<TitleUse[]> {
  const found = await http.request('GET', `${apiPrefix}rest/api/content/search`, {
    query: {
      cql: `space = ${cqlString(spaceKey)} and type = page and title = ${cqlString(title)}`,
      limit: 25,
    },
    schema: v1ContentArraySchema,
  });
  const wanted = title.trim().toLowerCase();
  return found.results
    .filter((content) => content.title.trim().toLowerCase() === wanted)
    .map((content) => ({ id: content.id, title: content.title, status: content.status }));
}
