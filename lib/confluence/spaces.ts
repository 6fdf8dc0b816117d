import { z } from 'zod';

import type { ConfluenceFlavour } from './model';
import type { ConfluenceTransport } from './transport';

export interface SpaceSummary {
  key: string;
  name: string;
}

const v2Spaces = z.looseObject({
  results: z.array(z.looseObject({ key: z.string(), name: z.string().optional() })),
});
const v1Spaces = v2Spaces;

/** The spaces the user can see (the Open screen's "New page" picks one): v2 or v1 `spaces`. */
export async function listSpaces(
  http: ConfluenceTransport,
  flavour: ConfluenceFlavour,
): Promise<SpaceSummary[]> {
  const list =
    flavour === 'cloud'
      ? await http.request('GET', 'wiki/api/v2/spaces', {
          query: { limit: 250 },
          schema: v2Spaces,
        })
      : await http.request('GET', 'rest/api/space', { query: { limit: 200 }, schema: v1Spaces });
  return list.results.map((space) => ({ key: space.key, name: space.name ?? space.key }));
}
