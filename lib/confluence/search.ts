import { z } from 'zod';

import { titleSearchCql, type ContentType } from './cql';
import type { ConfluenceFlavour } from './model';
import { v1ContentArraySchema, v2PageListSchema, v2SpaceListSchema } from './schemas';
import type { ConfluenceTransport } from './transport';

/** A page (or Cloud folder) found by title, with the space it lives in. */
export interface TitleMatch {
  id: string;
  title: string;
  kind: 'page' | 'folder';
  spaceKey: string;
  spaceName: string;
}

export interface TitleSearchOptions {
  /** Only this space (the move dialog); otherwise every space the user can see. */
  spaceKey?: string;
  /** Folders as well as pages (Cloud only: Data Center has no folders). */
  includeFolders?: boolean;
  limit?: number;
}

const searchResultSchema = z.looseObject({
  results: z.array(
    z.looseObject({
      content: z
        .looseObject({
          id: z.string(),
          type: z.string(),
          title: z.string(),
          space: z.looseObject({ key: z.string(), name: z.string().optional() }).optional(),
        })
        .optional(),
      resultGlobalContainer: z.looseObject({ title: z.string() }).optional(),
    }),
  ),
});

/**
 * Type-ahead by title: exact matches first (v2 `GET /pages?title=` on Cloud, v1
 * `GET /content?title=` on Data Center), then CQL `title ~` through v1 search (v2 has no CQL;
 * Cloud still serves `/wiki/rest/api/search`). Both run at once; duplicates are dropped.
 */
export async function searchByTitle(
  http: ConfluenceTransport,
  flavour: ConfluenceFlavour,
  text: string,
  options: TitleSearchOptions = {},
): Promise<TitleMatch[]> {
  const limit = options.limit ?? 10;
  const types: ContentType[] =
    flavour === 'cloud' && options.includeFolders ? ['page', 'folder'] : ['page'];
  const cql = titleSearchCql(text, { spaceKey: options.spaceKey, types });
  const [exact, fuzzy] = await Promise.all([
    flavour === 'cloud'
      ? cloudExactTitle(http, text.trim(), options.spaceKey)
      : dataCenterExactTitle(http, text.trim(), options.spaceKey),
    cql === null ? Promise.resolve([]) : cqlSearch(http, flavour, cql, limit),
  ]);
  const seen = new Set<string>();
  return [...exact, ...fuzzy]
    .filter((match) => (seen.has(match.id) ? false : (seen.add(match.id), true)))
    .slice(0, limit);
}

async function cqlSearch(
  http: ConfluenceTransport,
  flavour: ConfluenceFlavour,
  cql: string,
  limit: number,
): Promise<TitleMatch[]> {
  const found = await http.request(
    'GET',
    flavour === 'cloud' ? 'wiki/rest/api/search' : 'rest/api/search',
    { query: { cql, limit, expand: 'content.space' }, schema: searchResultSchema },
  );
  return found.results.flatMap((result) => {
    const content = result.content;
    if (!content || (content.type !== 'page' && content.type !== 'folder')) return [];
    const spaceKey = content.space?.key ?? '';
    return [
      {
        id: content.id,
        title: content.title,
        kind: content.type,
        spaceKey,
        spaceName: content.space?.name ?? result.resultGlobalContainer?.title ?? spaceKey,
      },
    ];
  });
}

async function cloudExactTitle(
  http: ConfluenceTransport,
  title: string,
  spaceKey: string | undefined,
): Promise<TitleMatch[]> {
  if (title === '') return [];
  const pages = await http.request('GET', 'wiki/api/v2/pages', {
    query: { title, limit: 10 },
    schema: v2PageListSchema,
  });
  if (pages.results.length === 0) return [];
  const spaceIds = [...new Set(pages.results.map((page) => page.spaceId))];
  const spaces = await http.request('GET', 'wiki/api/v2/spaces', {
    query: { ids: spaceIds, limit: 250 },
    schema: v2SpaceListSchema,
  });
  const byId = new Map(spaces.results.map((space) => [space.id, space]));
  return pages.results.flatMap((page) => {
    const space = byId.get(page.spaceId);
    if (!space || (spaceKey && space.key.toLowerCase() !== spaceKey.toLowerCase())) return [];
    const name = typeof space.name === 'string' ? space.name : space.key;
    return [{ id: page.id, title: page.title, kind: 'page', spaceKey: space.key, spaceName: name }];
  });
}

async function dataCenterExactTitle(
  http: ConfluenceTransport,
  title: string,
  spaceKey: string | undefined,
): Promise<TitleMatch[]> {
  if (title === '') return [];
  const found = await http.request('GET', 'rest/api/content', {
    query: { title, type: 'page', expand: 'space', limit: 10, spaceKey },
    schema: v1ContentArraySchema,
  });
  return found.results.flatMap((content) =>
    content.space
      ? [
          {
            id: content.id,
            title: content.title,
            kind: 'page' as const,
            spaceKey: content.space.key,
            spaceName:
              typeof content.space.name === 'string' ? content.space.name : content.space.key,
          },
        ]
      : [],
  );
}
