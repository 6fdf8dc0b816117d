import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether `npm run demo` may serve the existing production build: the standalone copy exists and
 * is newer than every source Next compiles into it. Anything else (a first start, an edit, a pull)
 * means building again, so the demo never serves an app older than its code.
 */

/** Folders whose files end up in the build. */
const SOURCE_DIRS = ['app', 'components', 'lib'];
/** Top-level files Next compiles too: the CSP proxy, the Trusted Types policy, the config. */
const BUILD_ROOT_FILES = ['proxy.ts', 'instrumentation-client.ts', 'next.config.js'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function modifiedAt(path: string): number {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

export function buildIsCurrent(root: string): boolean {
  // The standalone copy: a build from before `output: 'standalone'` counts as missing.
  const buildId = join(root, '.next', 'standalone', '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return (
    SOURCE_DIRS.every(
      (dir) => !existsSync(join(root, dir)) || newestSource(join(root, dir)) < built,
    ) && BUILD_ROOT_FILES.every((file) => modifiedAt(join(root, file)) < built)
  );
}
