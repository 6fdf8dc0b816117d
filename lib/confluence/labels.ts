import { z } from 'zod';

import { AppError } from '@/lib/errors';

import { ConfluenceError } from './errors';
import type { ConfluenceFlavour } from './model';
import type { ConfluenceTransport } from './transport';

export interface PageLabel {
  id: string;
  name: string;
  prefix: string;
}

export interface LabelsApi {
  list(pageId: string): Promise<PageLabel[]>;
  /** Adds one label; the answer is every label of the page after the change. */
  add(pageId: string, name: string): Promise<PageLabel[]>;
  remove(pageId: string, name: string): Promise<void>;
}

const labelListSchema = z.looseObject({
  results: z.array(
    z.looseObject({ id: z.union([z.string(), z.number()]), name: z.string(), prefix: z.string() }),
  ),
});

function toLabels(list: z.infer<typeof labelListSchema>): PageLabel[] {
  return list.results.map(({ id, name, prefix }) => ({ id: String(id), name, prefix }));
}

/**
 * Labels on both flavours (docs/confluence-api.md, Labels): Cloud reads them through v2 and
 * writes through v1, which v2 cannot do; Data Center uses v1 throughout. Only global labels are
 * shown and written: personal (`my:`) labels are deprecated.
 */
export function createLabelsApi(http: ConfluenceTransport, flavour: ConfluenceFlavour): LabelsApi {
  const v1 = flavour === 'cloud' ? 'wiki/rest/api' : 'rest/api';
  return {
    async list(pageId) {
      const list =
        flavour === 'cloud'
          ? await http.request('GET', `wiki/api/v2/pages/${pageId}/labels`, {
              query: { limit: 250, prefix: 'global' },
              schema: labelListSchema,
            })
          : await http.request('GET', `${v1}/content/${pageId}/label`, {
              query: { limit: 200, prefix: 'global' },
              schema: labelListSchema,
            });
      return toLabels(list).filter((label) => label.prefix === 'global');
    },
    async add(pageId, name) {
      try {
        const list = await http.request('POST', `${v1}/content/${pageId}/label`, {
          json: [{ prefix: 'global', name }],
          schema: labelListSchema,
        });
        return toLabels(list).filter((label) => label.prefix === 'global');
      } catch (error) {
        throw refusal(error);
      }
    },
    async remove(pageId, name) {
      // The query form: a name may hold characters a path segment would mangle.
      await http.delete(`${v1}/content/${pageId}/label`, { name });
    },
  };
}

/** Confluence's reason for refusing a label is the useful part: passed on in its words. */
function refusal(error: unknown): unknown {
  if (error instanceof ConfluenceError && error.kind === 'bad_request' && error.message) {
    return new AppError('bad_request', error.message, { confluence: error.message });
  }
  return error;
}
