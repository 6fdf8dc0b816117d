import { describe, expect, it, vi } from 'vitest';

import { createLiveValue } from './live-value';

describe('createLiveValue', () => {
  it('returns the initial value, then the last one set', () => {
    const live = createLiveValue('a');
    expect(live.get()).toBe('a');
    live.set('b');
    expect(live.get()).toBe('b');
  });

  it('notifies subscribers of a change, and not of the same value again', () => {
    const live = createLiveValue({ line: 1, column: 1 });
    const listener = vi.fn();
    live.subscribe(listener);
    const next = { line: 2, column: 3 };
    live.set(next);
    live.set(next);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(live.get()).toBe(next);
  });

  it('stops notifying after unsubscribing', () => {
    const live = createLiveValue(0);
    const kept = vi.fn();
    const dropped = vi.fn();
    live.subscribe(kept);
    const unsubscribe = live.subscribe(dropped);
    unsubscribe();
    live.set(1);
    expect(kept).toHaveBeenCalledTimes(1);
    expect(dropped).not.toHaveBeenCalled();
  });
});
