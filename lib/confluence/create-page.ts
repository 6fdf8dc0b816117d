import { ConfluenceError } from './errors';
import type { ConfluenceFlavour } from './model';
import { v1ContentSchema, v2PageSchema, v2SpaceListSchema } from './schemas';
import type { ConfluenceTransport } from './transport';

export interface CreatePageInput {
  spaceKey: string;
  title: string;
  /** Null puts the page at the top of the space. */
  parentId: string | null;
  body: string;
}

/** The short body a new page starts with (valid storage format, replaced by the author). */
export const STARTER_BODY = '<p>Start writing here.</p>';

/**
 * A new page: Cloud v2 `POST /pages` (the space's id looked up by key; `root-level=true` when
 * there is no parent, else Cloud would put it under the space's home page), Data Center v1
 * `POST /content`. Answers the new page's id.
 */
export async function createPage(
  http: ConfluenceTransport,
  flavour: ConfluenceFlavour,
  input: CreatePageInput,
): Promise<{ id: string }> {
  if (flavour === 'datacenter') {
    const content = await http.request('POST', 'rest/api/content', {
      json: {
        type: 'page',
        title: input.title,
        space: { key: input.spaceKey },
        ...(input.parentId ? { ancestors: [{ id: input.parentId }] } : {}),
        body: { storage: { value: input.body, representation: 'storage' } },
      },
      schema: v1ContentSchema,
    });
    return { id: content.id };
  }
  const spaces = await http.request('GET', 'wiki/api/v2/spaces', {
    query: { keys: input.spaceKey, limit: 1 },
    schema: v2SpaceListSchema,
  });
  const space = spaces.results.find((s) => s.key.toLowerCase() === input.spaceKey.toLowerCase());
  if (!space) throw new ConfluenceError('not_found', `No space with key ${input.spaceKey}.`);
  const page = await http.request('POST', 'wiki/api/v2/pages', {
    query: input.parentId ? {} : { 'root-level': true },
    json: {
      spaceId: space.id,
      status: 'current',
      title: input.title,
      ...(input.parentId ? { parentId: input.parentId } : {}),
      body: { representation: 'storage', value: input.body },
    },
    schema: v2PageSchema,
  });
  return { id: page.id };
}
