import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { handler } from '@/lib/api/handler';
import {
  beforeSignIn,
  signInClient,
  signInFailed,
  signInSucceeded,
} from '@/lib/api/sign-in-throttle';
import { createConfluenceClient, guessFlavour } from '@/lib/confluence/client';
import { siteConfigFromEnv } from '@/lib/confluence/site-config';
import { checkSiteUrl, parseSiteAddress } from '@/lib/confluence/site-policy';
import { AppError } from '@/lib/errors';
import { liveSessionState, revokeSession } from '@/lib/session/revoked-sessions';
import { publicSession, type SessionData } from '@/lib/session/session-data';

/** Sign-in detects Cloud vs Data Center from the address; `flavour` forces it (e.g. Cloud behind a custom domain). */
const flavourSchema = z.enum(['cloud', 'datacenter']).optional();
/** An address is short; a megabyte of host name would only end up hashed and logged. */
const siteSchema = z.string().max(2000).optional();

const signInSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('cloud-token'),
    flavour: flavourSchema,
    baseUrl: siteSchema,
    email: z.string().min(1).max(320),
    token: z.string().min(1).max(2000),
  }),
  z.object({
    method: z.literal('dc-pat'),
    flavour: flavourSchema,
    baseUrl: siteSchema,
    token: z.string().min(1).max(2000),
  }),
  z.object({
    method: z.literal('dc-password'),
    flavour: flavourSchema,
    baseUrl: siteSchema,
    username: z.string().min(1).max(320),
    password: z.string().min(1).max(2000),
  }),
]);

// GET /api/session – who is signed in (display name, site, flavour only), and the sign-in options
export const GET = handler(async ({ session }) => {
  const config = siteConfigFromEnv();
  const valid = (await liveSessionState(session)) === 'valid';
  return {
    session: valid ? publicSession(session as SessionData) : null,
    fixedSite: config.fixedBaseUrl,
    demo: config.demoEmulatorUrl !== null,
  };
});

// POST /api/session – sign in: prove the credentials with user/current, then seal them in a fresh session
export const POST = handler(
  async ({ request, json, session, log }) => {
    const input = await json(signInSchema);
    const config = siteConfigFromEnv();
    const rawSite = config.fixedBaseUrl ?? input.baseUrl ?? config.demoEmulatorUrl ?? '';
    const address = parseSiteAddress(rawSite);
    // Credentials typed into the address would otherwise be sent, and written to logs, as a
    // site: refused with its own message (it says nothing about any account).
    if (!address.ok && address.problem === 'userinfo') {
      throw new AppError('bad_request', address.reason);
    }
    const caller = signInClient(request, log);
    const user =
      input.method === 'cloud-token'
        ? input.email
        : input.method === 'dc-password'
          ? input.username
          : null;
    const reservation = await beforeSignIn({ client: caller, site: rawSite, user });

    const site = checkSiteUrl(rawSite, config.policy);
    const credentials =
      input.method === 'cloud-token'
        ? { method: input.method, email: input.email, token: input.token }
        : input.method === 'dc-pat'
          ? { method: input.method, token: input.token }
          : { method: input.method, username: input.username, password: input.password };
    try {
      if (!site.ok) throw new AppError('site_not_allowed', site.reason);
      // Forced, else Cloud for Cloud credentials or an *.atlassian.net address, else Data Center
      // (the emulator speaks both: its flavour follows the credentials).
      const flavour =
        input.flavour ??
        (input.method === 'cloud-token' || guessFlavour(site.value.baseUrl) === 'cloud'
          ? 'cloud'
          : 'datacenter');
      const client = createConfluenceClient({
        baseUrl: site.value.baseUrl,
        flavour,
        credentials,
        guard: { privateOk: site.value.site.privateOk },
      });
      let me;
      try {
        me = await client.currentUser();
      } finally {
        await client.close();
      }
      await signInSucceeded(reservation);
      // A fresh session (new sid) replaces whatever was there: no fixation (docs/security.md SESS-5).
      const now = Date.now();
      const data: SessionData = {
        sid: randomUUID(),
        site: { baseUrl: site.value.baseUrl, flavour },
        credentials,
        user: me,
        createdAt: now,
        lastSeen: now,
      };
      Object.assign(session, data);
      await session.save();
      log.info({ event: 'sign_in', site: site.value.origin }, 'signed in');
      return { session: publicSession(data) };
    } catch (error) {
      await signInFailed(reservation);
      // One answer for every cause (docs/security.md RATE-2); the cause goes to the log only.
      log.warn(
        {
          event: 'login_failed',
          // The normalised origin only: the address as typed may carry a query or credentials.
          site: address.ok ? address.value.origin : address.origin,
          cause:
            (error as { kind?: string; code?: string }).kind ?? (error as { code?: string }).code,
        },
        'sign-in failed',
      );
      throw new AppError('sign_in_failed');
    }
  },
  { mutating: true },
);

// DELETE /api/session – sign out: the cookie is cleared and the browser told to drop cached pages
export const DELETE = handler(
  async ({ session }) => {
    if (session.sid) await revokeSession(session.sid);
    session.destroy();
    return new Response(null, {
      status: 204,
      headers: { 'cache-control': 'no-store', 'clear-site-data': '"cache"' },
    });
  },
  { mutating: true },
);
