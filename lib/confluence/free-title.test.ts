import { describe, expect, it } from 'vitest';

import { ConfluenceError } from './errors';
import { freeTitleInSpace } from './free-title';

describe('freeTitleInSpace', () => {
  it('skips titles used by other pages, in any letter case, but not by this page', async () => {
    const taken: Record<string, string> = { 'roadmap (2)': '1', 'roadmap (3)': '42' };
    const asked: string[] = [];
    const client = {
      findPagesByTitle: async (spaceKey: string, title: string) => {
        asked.push(`${spaceKey}/${title}`);
        const id = taken[title.toLowerCase()];
        return id ? [{ id, title: title.toUpperCase(), status: 'current' }] : [];
      },
    };
    expect(await freeTitleInSpace(client, 'DEMO', '42', 'Roadmap')).toBe('Roadmap (3)');
    expect(asked).toEqual(['DEMO/Roadmap (2)', 'DEMO/Roadmap (3)']);
  });

  it('answers null when Confluence cannot say or nothing is free', async () => {
    const failing = {
      findPagesByTitle: async () => {
        throw new ConfluenceError('rate_limited', 'slow down');
      },
    };
    expect(await freeTitleInSpace(failing, 'DEMO', '1', 'Roadmap')).toBeNull();
    const full = {
      findPagesByTitle: async (_s: string, title: string) => [
        { id: '9', title, status: 'current' },
      ],
    };
    expect(await freeTitleInSpace(full, 'DEMO', '1', 'Roadmap', 3)).toBeNull();
  });
});
