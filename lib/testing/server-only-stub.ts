// Stand-in for 'server-only' under Vitest (see vitest.config.mts).
export {};
