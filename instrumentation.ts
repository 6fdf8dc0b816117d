/**
 * Next runs `register` once when a server starts (lib/server/pagewright-server.js makes sure it
 * runs before the production server listens): a production server missing its session secret
 * or a writable data folder refuses to start with a message saying which, instead of answering
 * 500 to every request (lib/server/boot-checks.ts). `next dev` only warns, so the Scratchpad
 * still works without any configuration.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkBootConfig } = await import('./lib/server/boot-checks');
  try {
    await checkBootConfig(process.env);
  } catch (error) {
    if (process.env.NODE_ENV === 'production') throw error;
    console.warn(error instanceof Error ? error.message : String(error));
  }
}
