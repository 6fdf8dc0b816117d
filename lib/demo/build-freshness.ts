import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether `npm run demo` (or `npm run bench`) may use the existing production build: its build id
 * exists and is newer than every source Next compiles into it. Anything else (a first start, an
 * edit, a pull) means building again, so neither serves or measures an app older than its code.
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

/**
 * `buildId` defaults to the demo's: the standalone copy in `.next`, so a build from before
 * `output: 'standalone'` counts as missing.
 */
export function buildIsCurrent(
  root: string,
  buildId = join(root, '.next', 'standalone', '.next', 'BUILD_ID'),
): boolean {
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return (
    SOURCE_DIRS.every(
      (dir) => !existsSync(join(root, dir)) || newestSource(join(root, dir)) < built,
    ) && BUILD_ROOT_FILES.every((file) => modifiedAt(join(root, file)) < built)
  );
}
