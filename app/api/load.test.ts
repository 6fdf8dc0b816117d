import { beforeAll, describe, expect, it } from 'vitest';

import { runLoad, verifyNoLostUpdates } from '@/bench/load-runner';

import * as pageRoute from './pages/[id]/route';
import * as sessionRoute from './session/route';
import { APP, startDemoEmulatorPerFile } from './route-test-support';

/**
 * The load test's short mode (`npm run load` is the long one, over HTTP against `next start`):
 * a few users hammer two pages through the real route handlers, in process, for a few seconds,
 * and the emulator's history must hold every acknowledged save and nothing else.
 */
const emulator = startDemoEmulatorPerFile();

beforeAll(() => {
  process.env.LOG_LEVEL = 'silent';
  // In process, a user loops without any network in between: far past the per-session budget
  // (RATE-3, tested on its own). The property under test is lost updates, not the budget.
  process.env.PAGEWRIGHT_SESSION_REQUESTS_PER_MINUTE = '1000000';
});

/** Routes a request to the handler `next start` would run for it. */
async function send(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname === '/api/session' && request.method === 'POST') return sessionRoute.POST(request);
  const page = /^\/api\/pages\/(\d+)$/.exec(pathname);
  if (page) {
    const route = { params: Promise.resolve({ id: page[1]! }) };
    if (request.method === 'GET') return pageRoute.GET(request, route);
    if (request.method === 'PUT') return pageRoute.PUT(request, route);
  }
  return new Response(null, { status: 404 });
}

describe('load (short mode)', () => {
  it('loses no update while users conflict on shared pages', { timeout: 20_000 }, async () => {
    const result = await runLoad({
      send,
      appOrigin: APP,
      emulator: emulator(),
      users: 6,
      pageIds: ['9470040', '9470047'],
      durationMs: 4_000,
      maxRequests: 3_000,
      accounts: [
        { username: 'demo', password: 'demo' },
        { username: 'alex', password: 'alex' },
      ],
    });
    const report = verifyNoLostUpdates(result, emulator());

    expect(report.violations).toEqual([]);
    expect(result.errors).toBe(0);
    expect(report.acknowledged).toBeGreaterThan(0);
    // Six users on two pages must collide, or the property above was never exercised.
    expect(report.conflicts).toBeGreaterThan(0);
    expect(report.versionsCreated).toBe(report.acknowledged);
  });

  it('notices a version nobody acknowledged', async () => {
    const pageId = '9470048';
    const before = emulator().page(pageId)!.current.number;
    emulator().concurrentEdit(pageId, { body: '<p>Saved behind the app’s back.</p>' });
    const report = verifyNoLostUpdates(
      { saves: [], initialVersions: { [pageId]: before } },
      emulator(),
    );
    expect(report.violations).toEqual([
      `page ${pageId}: version ${before + 1} (message "Edited by another user") was created but never acknowledged`,
    ]);
  });

  it('notices an acknowledged save whose body is not the stored version', async () => {
    const pageId = '9470048';
    const current = emulator().page(pageId)!.current;
    const report = verifyNoLostUpdates(
      {
        saves: [
          {
            saveId: 'u0-0',
            user: 0,
            username: 'demo',
            pageId,
            baseVersion: current.number - 1,
            title: current.title,
            body: '<p>What the user typed.</p>',
            status: 200,
            ackVersion: current.number,
          },
        ],
        initialVersions: { [pageId]: current.number - 1 },
      },
      emulator(),
    );
    expect(report.violations).toEqual([
      `page ${pageId}: version ${current.number} is not what save u0-0 sent (lost update)`,
    ]);
  });

  it('notices a 409 that no competing save explains', () => {
    const pageId = '9470048';
    const current = emulator().page(pageId)!.current;
    const report = verifyNoLostUpdates(
      {
        saves: [
          {
            saveId: 'u1-0',
            user: 1,
            username: 'alex',
            pageId,
            baseVersion: current.number,
            title: current.title,
            body: '<p>Refused for no reason.</p>',
            status: 409,
            errorCode: 'version_conflict',
          },
        ],
        initialVersions: { [pageId]: current.number },
      },
      emulator(),
    );
    expect(report.violations).toEqual([
      `page ${pageId}: save u1-0 got 409 but version ${current.number + 1} is not someone else's save`,
    ]);
  });
});
