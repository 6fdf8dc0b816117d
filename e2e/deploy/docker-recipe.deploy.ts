import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, sep } from 'node:path';
import { promisify } from 'node:util';

import { expect, test } from '@playwright/test';

import { CSRF_HEADERS } from '../../lib/http/csrf-header';

import { parseDockerfile } from './dockerfile';
import { DIST_DIR, ROOT, startInstance, TEST_SESSION_SECRET } from './processes';

/**
 * Docker cannot run here, so this proves the recipe another way: it reads the Dockerfile's final
 * stage, copies into an empty folder exactly the files its COPY lines name (from this checkout's
 * build, as the build stage would have them), and starts that folder with the image's CMD and
 * ENV. If a COPY line, the CMD or the entry point drift apart, the server does not come up or a
 * check below fails.
 */
const ENTRY_ADDED_LOCALLY = 'pagewright-server.js';

/** `.next/…` in the Dockerfile is this run's build folder (PAGEWRIGHT_DIST_DIR). */
function toDist(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '.next' ? DIST_DIR : segment))
    .join(sep);
}

/** Any route that needs a session: 200 while the cookie is good, 401 once it is not. */
const SESSION_ROUTE = '/api/pages/9470040/ancestors';

/** Signs in as the emulator's demo user, proves the cookie works, signs out; the old cookie. */
async function signInThenOut(url: string): Promise<string> {
  const headers = { origin: url, 'content-type': 'application/json', ...CSRF_HEADERS };
  const signedIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ method: 'dc-password', username: 'demo', password: 'demo' }),
  });
  expect(signedIn.status).toBe(200);
  const cookie = signedIn.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  expect((await fetch(`${url}${SESSION_ROUTE}`, { headers: { cookie } })).status).toBe(200);
  const signedOut = await fetch(`${url}/api/session`, {
    method: 'DELETE',
    headers: { ...headers, cookie },
  });
  expect(signedOut.ok).toBe(true);
  expect((await fetch(`${url}${SESSION_ROUTE}`, { headers: { cookie } })).status).toBe(401);
  return cookie;
}

test('the image, rebuilt from the Dockerfile COPY lines, serves the app, passes its HEALTHCHECK and keeps sign-outs on its volume', async () => {
  const stage = parseDockerfile(join(ROOT, 'Dockerfile'));
  expect(stage.user).toBe('node');
  expect(stage.healthcheck).not.toBeNull();
  const image = mkdtempSync(join(tmpdir(), 'pagewright-image-'));
  const standalone = join(ROOT, DIST_DIR, 'standalone');
  try {
    for (const copy of stage.copies) {
      const source = join(ROOT, toDist(posix.relative(stage.buildWorkdir, copy.source)));
      const destination = join(
        image,
        toDist(posix.relative(stage.workdir, posix.resolve(stage.workdir, copy.destination))),
      );
      expect(existsSync(source), `COPY source ${copy.source}`).toBe(true);
      cpSync(source, destination, {
        recursive: true,
        // `next build` leaves these out of the standalone folder; `npm start` adds them locally
        // (lib/server/assemble-standalone.js). The image must get them from its own COPY lines.
        filter: (path) => {
          if (!path.startsWith(standalone)) return true;
          const inside = relative(standalone, path);
          return (
            inside !== ENTRY_ADDED_LOCALLY &&
            inside !== join(DIST_DIR, 'static') &&
            inside !== 'public'
          );
        },
      });
    }
    // The folders the image makes (RUN install -d), owned by its user; every VOLUME is one.
    for (const folder of stage.folders) {
      expect(folder.owner, folder.path).toBe(stage.user);
      mkdirSync(join(image, posix.relative(stage.workdir, folder.path)), { recursive: true });
    }
    expect(stage.volumes).toContain(posix.join(stage.workdir, 'data'));
    for (const volume of stage.volumes)
      expect(stage.folders.map((folder) => folder.path)).toContain(volume);

    // Only the build output: no sources, no lock file, no development dependencies.
    for (const absent of [
      'app',
      'lib',
      'components',
      'package-lock.json',
      'node_modules/typescript',
    ])
      expect(existsSync(join(image, absent)), absent).toBe(false);

    const env = {
      ...stage.env,
      SESSION_SECRET: TEST_SESSION_SECRET,
      CONFLUENCE_BASE_URL: process.env.E2E_EMULATOR_URL,
    };
    const instance = await startInstance('image', image, stage.cmd, env, image);
    let signedOutCookie = '';
    try {
      const live = await fetch(`${instance.url}/api/health`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${instance.url}/api/health?ready=1`);
      expect(await ready.json()).toMatchObject({
        status: 'ready',
        checks: { confluence: 'ok', store: 'not_configured' },
      });

      // The static assets came along: the sign-in page's scripts load.
      const login = await fetch(`${instance.url}/login`);
      expect(login.status).toBe(200);
      const scripts = [...(await login.text()).matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, path] of scripts.slice(0, 3)) {
        expect((await fetch(`${instance.url}${path}`)).status, path).toBe(200);
      }

      // The image's own HEALTHCHECK command, run as Docker would inside the container.
      const [program, ...args] = stage.healthcheck!;
      await expect(
        promisify(execFile)(program === 'node' ? process.execPath : program!, args, {
          // The container's environment: the image's ENV, with the port this run listens on.
          env: {
            ...stage.env,
            NODE_ENV: 'production',
            PATH: process.env.PATH,
            PORT: String(instance.port),
          },
          timeout: 10_000,
        }),
      ).resolves.toBeDefined();

      signedOutCookie = await signInThenOut(instance.url);
      expect(existsSync(join(image, 'data', 'revoked-sessions.json'))).toBe(true);
    } finally {
      await instance.stop();
    }
    // SIGTERM (docker stop) ends it cleanly.
    expect(instance.process.exitCode).toBe(0);

    // A new container over the same volume still refuses the signed-out cookie.
    const restarted = await startInstance('image-restarted', image, stage.cmd, env, image);
    try {
      const replay = await fetch(`${restarted.url}${SESSION_ROUTE}`, {
        headers: { cookie: signedOutCookie },
      });
      expect(replay.status).toBe(401);
    } finally {
      await restarted.stop();
    }
  } finally {
    rmSync(image, { recursive: true, force: true });
  }
});
