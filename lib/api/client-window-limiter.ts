/**
 * A per-client budget of `limit` events per fixed window, in this process's memory, holding at
 * most `maxClients` clients. When full, the client seen longest ago is forgotten (it starts a
 * fresh window): memory stays bounded, and a flood of new clients can only lend themselves
 * budget, never take another client's away.
 */
export interface ClientWindowLimiter {
  /** Spends one event of `client`'s budget; false once the window's budget is spent. */
  take(client: string): boolean;
  readonly size: number;
}

export function createClientWindowLimiter(options: {
  limit: number;
  windowMs: number;
  maxClients: number;
  now?: () => number;
}): ClientWindowLimiter {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { count: number; endsAt: number }>();
  return {
    take(client) {
      const at = now();
      let window = windows.get(client);
      if (!window || window.endsAt <= at) {
        window = { count: 0, endsAt: at + options.windowMs };
      }
      // Re-inserting keeps the Map in order of last use, oldest first.
      windows.delete(client);
      windows.set(client, window);
      while (windows.size > options.maxClients) {
        windows.delete(windows.keys().next().value!);
      }
      window.count += 1;
      return window.count <= options.limit;
    },
    get size() {
      return windows.size;
    },
  };
}
