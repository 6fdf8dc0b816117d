import { describe, expect, it } from 'vitest';

import { freeTitleInSpace, suggestFreeTitle } from './free-title';

describe('suggestFreeTitle', () => {
  it('counts up until a title is free, asking only as often as needed', async () => {
    const taken = new Set(['Roadmap', 'Roadmap (2)', 'Roadmap (3)']);
    const asked: string[] = [];
    const isFree = async (title: string) => {
      asked.push(title);
      return !taken.has(title);
    };
    expect(await suggestFreeTitle('Roadmap', isFree)).toBe('Roadmap (4)');
    expect(asked).toEqual(['Roadmap (2)', 'Roadmap (3)', 'Roadmap (4)']);
    expect(await suggestFreeTitle('Roadmap (3)', isFree)).toBe('Roadmap (4)');
  });

  it('keeps within 255 characters and gives up after maxTries', async () => {
    const long = 'x'.repeat(255);
    const suggestion = await suggestFreeTitle(long, async () => true);
    expect(suggestion).toHaveLength(255);
    expect(suggestion!.endsWith(' (2)')).toBe(true);
    expect(await suggestFreeTitle('Roadmap', async () => false, 3)).toBeNull();
  });
});

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
        throw new Error('Confluence is rate limiting');
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
