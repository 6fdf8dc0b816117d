/**
 * Next runs `register` once when a server starts (`npm start`, the Docker image, `next start`):
 * a server that is missing its session secret or a writable data folder refuses to start with a
 * message saying which, instead of answering 500 to every request (lib/server/boot-checks.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkBootConfig } = await import('./lib/server/boot-checks');
  await checkBootConfig(process.env);
}
