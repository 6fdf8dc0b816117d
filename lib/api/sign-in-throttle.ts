import 'server-only';

import { createHash } from 'node:crypto';

import type { Logger } from 'pino';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { parseSiteAddress } from '@/lib/confluence/site-policy';
import { AppError } from '@/lib/errors';
import { sharedStore, StoreUnavailableError, type SharedStore } from '@/lib/store';

import { clientAddress } from './client-address';

/**
 * Sign-in throttling (docs/security.md RATE-1): per client (10 failed attempts a minute, 100 a
 * day) and per account (5 failures in a row, then blocks of 1, 2, 4 … minutes up to an hour).
 * A blocked attempt costs Confluence nothing: it is refused before any upstream call.
 *
 * Every limit belongs to one client or one account, never to everybody: a limit all clients
 * shared would let one of them lock everyone out. Attempts are counted *before* the upstream
 * call, atomically in the store, so parallel attempts cannot all pass a check made before any of
 * them failed. A success gives its reservations back, so many people signing in from behind one
 * address (an office's NAT) do not use up each other's attempts.
 *
 * The counters live in the shared store, so with REDIS_URL every instance behind a load
 * balancer counts the same attempts. When the store cannot be reached, sign-in is refused with
 * `server_unavailable` (fail closed: an attacker must not get unlimited guesses by breaking Redis).
 */
interface Limiters {
  attemptsPerClient: RateLimiterAbstract;
  failuresPerClientDay: RateLimiterAbstract;
  failuresPerAccount: RateLimiterAbstract;
}

const ACCOUNT_FAILURES = 5;

const limitersByStore = new WeakMap<SharedStore, Limiters>();

function limiters(store: SharedStore): Limiters {
  let found = limitersByStore.get(store);
  if (!found) {
    found = {
      attemptsPerClient: store.limiter({ keyPrefix: 'signin_ip', points: 10, duration: 60 }),
      failuresPerClientDay: store.limiter({
        keyPrefix: 'signin_ip_day',
        points: 100,
        duration: 86_400,
      }),
      failuresPerAccount: store.limiter({
        keyPrefix: 'signin_user',
        points: ACCOUNT_FAILURES,
        duration: 3_600,
      }),
    };
    limitersByStore.set(store, found);
  }
  return found;
}

/** How long the escalation level (1, 2, 4 … minute blocks) is remembered after a block. */
const BLOCK_LEVEL_TTL_MS = 86_400_000;

/** Who is trying to sign in where. */
export interface SignInIdentity {
  /** The client's address key (lib/api/client-address.ts), or null when it cannot be known. */
  client: string | null;
  /** The site as typed. */
  site: string;
  /** The account as typed (user name or e-mail); null for a personal access token. */
  user: string | null;
}

/** What one attempt reserved; hand it back to `signInFailed` or `signInSucceeded`. */
export interface SignInReservation {
  client: string | null;
  account: string | null;
  /** This attempt took the account's last guess: if it fails, the account is blocked. */
  lastGuess: boolean;
}

/**
 * The client a sign-in comes from (lib/api/client-address.ts). Only the production server
 * (pagewright-server.js: `npm start`, the image) or a trusted proxy (TRUST_PROXY=1) can say; under
 * `next dev` and in tests it is unknown, and only the per-account limits apply. In production an
 * unknown client is a deployment mistake: per-client limits would have to be shared by every
 * client, so sign-in is refused and the log says how to fix it.
 */
export function signInClient(
  request: Request,
  log: Pick<Logger, 'error'>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null {
  const client = clientAddress(request, env);
  if (client === null && env.NODE_ENV === 'production') {
    log.error(
      { event: 'client_address_unknown' },
      'sign-in refused: the client address is unknown. Serve the app with `npm start` ' +
        '(lib/server/pagewright-server.js), or set TRUST_PROXY=1 behind a proxy that appends X-Forwarded-For',
    );
    throw new AppError('server_unavailable', CLIENT_UNKNOWN_MESSAGE);
  }
  return client;
}

const CLIENT_UNKNOWN_MESSAGE =
  'Sign-in is unavailable: this server is not set up to tell clients apart. Ask its operator to check the server log.';

/** `USER`, ` user `, `ｕｓｅｒ` are one account to Confluence, so they are one to the throttle. */
function foldUser(user: string): string {
  return user.normalize('NFKC').trim().toLowerCase();
}

/**
 * The account an attempt guesses at, on the site's one canonical origin, so that no spelling of
 * the site (`127.1`, a trailing dot or slash, spaces, another case) buys fresh guesses. A
 * personal access token names no account: its attempts count against the client that makes
 * them, never against a value the attacker picks (the token itself, or a shared `pat` key
 * through which five bad tokens would lock out every token user of the site).
 */
export function accountKey(identity: SignInIdentity): string | null {
  const parsed = parseSiteAddress(identity.site);
  const site = (parsed.ok ? parsed.value.origin : parsed.origin) ?? '';
  let who: string;
  if (identity.user !== null) who = `user\n${foldUser(identity.user)}`;
  else if (identity.client !== null) who = `token-client\n${identity.client}`;
  else return null;
  return createHash('sha256').update(`${site}\n${who}`).digest('hex');
}

function blocked(res: RateLimiterRes | null): AppError {
  return new AppError('sign_in_throttled', undefined, {
    retryAfterMs: res?.msBeforeNext ?? 60_000,
  });
}

/** rate-limiter-flexible rejects with a RateLimiterRes when out of points, else with the store's error. */
function storeFailure(error: unknown): AppError {
  return new AppError('server_unavailable', undefined, {
    cause: error instanceof Error ? error.name : 'unknown',
  });
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RateLimiterRes) throw blocked(error);
    if (error instanceof AppError) throw error;
    if (error instanceof StoreUnavailableError || error instanceof Error) throw storeFailure(error);
    throw error;
  }
}

/**
 * Call before trying the credentials: reserves this attempt in every limit it falls under and
 * throws `sign_in_throttled` when one of them is used up.
 */
export async function beforeSignIn(
  identity: SignInIdentity,
  store: SharedStore = sharedStore(),
): Promise<SignInReservation> {
  const limit = limiters(store);
  const { client } = identity;
  const account = accountKey(identity);
  return guarded(async () => {
    if (client !== null) {
      await limit.attemptsPerClient.consume(client);
      await limit.failuresPerClientDay.consume(client);
    }
    let lastGuess = false;
    if (account !== null) {
      const taken = await limit.failuresPerAccount.consume(account);
      lastGuess = taken.consumedPoints === ACCOUNT_FAILURES;
    }
    return { client, account, lastGuess };
  });
}

export async function signInFailed(
  reservation: SignInReservation,
  store: SharedStore = sharedStore(),
): Promise<void> {
  const { account, lastGuess } = reservation;
  if (account === null || !lastGuess) return;
  const limit = limiters(store);
  await guarded(async () => {
    const level = await store.increment(`signin_block_level:${account}`, BLOCK_LEVEL_TTL_MS);
    await limit.failuresPerAccount.block(account, Math.min(3_600, 60 * 2 ** (level - 1)));
  });
}

export async function signInSucceeded(
  reservation: SignInReservation,
  store: SharedStore = sharedStore(),
): Promise<void> {
  const { account, client } = reservation;
  const limit = limiters(store);
  await guarded(async () => {
    if (client !== null) {
      await limit.attemptsPerClient.reward(client, 1);
      await limit.failuresPerClientDay.reward(client, 1);
    }
    if (account !== null) {
      await store.delete(`signin_block_level:${account}`);
      await limit.failuresPerAccount.delete(account);
    }
  });
}
