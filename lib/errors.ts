/**
 * One error vocabulary on both sides of the wire. Route handlers answer
 * `{ error: { code, message, details? } }`; the browser rebuilds the same `AppError` from it, so
 * every screen reacts to a code, never to a status or a string. Components never write error
 * copy of their own: the messages live here.
 */
export const APP_ERROR_CODES = {
  bad_request: 400,
  not_signed_in: 401,
  sign_in_failed: 401,
  confluence_unauthorized: 401,
  confluence_forbidden: 403,
  csrf_rejected: 403,
  page_not_found: 404,
  page_gone: 410,
  version_conflict: 409,
  title_clash: 409,
  invalid_storage: 422,
  too_large: 413,
  rate_limited: 429,
  sign_in_throttled: 429,
  confluence_unavailable: 502,
  confluence_error: 502,
  upstream_unexpected: 502,
  upstream_too_large: 502,
  upstream_timeout: 504,
  site_not_allowed: 400,
  server_unavailable: 503,
  offline: 0,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/**
 * One user action (open, save, check) waits this long for Confluence, retries included: the
 * server's deadline per upstream request (lib/confluence/guarded-fetch.ts) is the same.
 */
export const ACTION_DEADLINE_SECONDS = 30;

/**
 * Each message names what happened and what to do. None claims "your text is safe": the server
 * cannot know, and an open has no text yet; the editor says so itself where a draft is stored.
 */
const MESSAGES: Record<AppErrorCode, string> = {
  bad_request: 'The request was not understood.',
  not_signed_in: 'You are signed out (your session expired). Sign in again to go on.',
  sign_in_failed:
    'Sign-in failed. Check the Confluence address, the sign-in method and your credentials.',
  confluence_unauthorized: 'Confluence did not accept your credentials. Please sign in again.',
  confluence_forbidden:
    'Confluence refused this: you do not have permission. Ask a space admin for access.',
  csrf_rejected: 'This request did not come from Pagewright and was refused.',
  page_not_found: 'No page with this id exists, or you are not allowed to see it.',
  page_gone: 'This Confluence API is no longer available on your site.',
  version_conflict: 'Someone else saved this page after you opened it.',
  title_clash: 'Another page in this space already has this title.',
  invalid_storage: 'Confluence would reject this body: fix the marked errors first.',
  too_large: 'The page is too large for Confluence (5 MB at most).',
  rate_limited: 'Confluence is limiting requests right now. Wait a moment, then try again.',
  sign_in_throttled: 'Too many sign-in attempts. Wait a moment and try again.',
  confluence_unavailable:
    'Confluence could not be reached (connection refused or dropped). Check that Confluence is up, then try again.',
  confluence_error:
    'Confluence answered with a server error. Try again; if it persists, tell your Confluence admin.',
  upstream_unexpected: 'Confluence answered with something unexpected (a login page or proxy?).',
  upstream_too_large: "Confluence's answer was larger than Pagewright reads, so it was not loaded.",
  upstream_timeout: timeoutMessage(ACTION_DEADLINE_SECONDS * 1000),
  site_not_allowed: 'This Confluence site is not on the list this server may connect to.',
  server_unavailable:
    'Pagewright is restarting or cannot reach its session store. Try again in a moment.',
  offline: 'You are offline. Reconnect, then try again.',
  internal:
    'Something went wrong on the Pagewright server. Try again; if it persists, tell your admin.',
};

/** Confluence did not answer within the deadline, named in seconds. */
export function timeoutMessage(deadlineMs: number): string {
  const seconds =
    deadlineMs % 1000 === 0 ? String(deadlineMs / 1000) : (deadlineMs / 1000).toFixed(1);
  return `Confluence did not answer in ${seconds} s. Try again; if it keeps happening, Confluence may be overloaded.`;
}

/** A 5xx from Confluence, its status named so an admin knows which error to look for. */
export function confluenceErrorMessage(status: number): string {
  return `Confluence answered with a server error (HTTP ${status}). Try again; if it persists, tell your Confluence admin.`;
}

/** A 429, with the wait Confluence asked for when it said. */
export function rateLimitedMessage(retryAfterMs: number | undefined): string {
  if (retryAfterMs === undefined || retryAfterMs <= 0) return MESSAGES.rate_limited;
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `Confluence is limiting requests right now. Wait ${seconds} s, then try again.`;
}

/**
 * The save flow's own words (page editor, save panel, merge and conflict views): refusals before
 * anything is sent and the states of a save in progress. Not AppErrors — nothing failed on the
 * wire — but shared copy all the same, so every screen says the same thing.
 */
export const SAVE_MESSAGES = {
  titleRequired: 'A page needs a title.',
  draftOnOffer: 'Restore or discard the local draft before saving.',
  titleClash: (title: string, spaceKey: string) =>
    `A page titled ${title} already exists in ${spaceKey}`,
  nothingToSave: (version: number) =>
    `Nothing to save: the title and body are the same as version ${version}.`,
  busyRetrying: (seconds: number) => `Confluence is busy, retrying in ${seconds} s`,
  conflict: (version: number) =>
    `Someone else saved version ${version} after you opened this page. Your text is still here.`,
  conflictMarkersLeft:
    'The result still has conflict markers (<<<<<<<, =======, >>>>>>>): keep one side of each conflict and delete the markers first.',
  resultInvalid: (errors: number) =>
    `Confluence would reject the result (${errors} error${errors === 1 ? '' : 's'}); fix ${errors === 1 ? 'it' : 'them'} first.`,
  draftNotKept: 'Your text could not be kept as a local draft; it stays in the editor.',
} as const;

/**
 * Codes the browser retries on its own. Confluence's own failures (5xx, resets, 429, timeouts)
 * are not: the server already retried them within the action's one deadline, and retrying that
 * again would make the user wait two or three deadlines for the same message.
 */
const TRANSIENT: ReadonlySet<AppErrorCode> = new Set(['server_unavailable', 'offline']);

/** A place the server found wrong in a refused body, in the body's own coordinates. */
export interface ReportedDiagnostic {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** The engine's diagnostic code; absent when only Confluence's parser spoke. */
  code?: string;
}

/**
 * What each code carries in `details` besides its message. Codes not listed carry none. The
 * browser checks what arrives against these shapes (lib/http/fetch-json.ts) and drops details
 * that do not fit, so readers narrow by code and trust the type.
 */
export interface AppErrorDetailsByCode {
  version_conflict: { currentVersion?: number };
  title_clash: {
    confluence: string;
    suggestedTitle?: string | null;
    /** The page that has the title (a create refused before Confluence was asked). */
    clash?: { id: string; title: string; status?: string };
  };
  invalid_storage: { diagnostics: ReportedDiagnostic[] };
  rate_limited: { retryAfterMs?: number; reason?: string };
  sign_in_throttled: { retryAfterMs: number };
  csrf_rejected: { reason: string };
  server_unavailable: { cause: string };
  /** The site no longer serves the v1 API a minor edit on Cloud is saved through. */
  page_gone: { minorEditUnavailable?: boolean };
  /** A link from another site: the site the user may sign in to instead, when it is allowed. */
  bad_request: { signInSite?: string | null; confluence?: string };
  /** What was too large for whom: the server's limit, or Confluence's own refusal. */
  too_large: { maxBytes?: number; confluence?: string };
  upstream_too_large: { maxBytes?: number };
  /** Confluence's own status (500, 502, 503…). */
  confluence_error: { status: number };
}

export type AppErrorDetails<C extends AppErrorCode = AppErrorCode> =
  C extends keyof AppErrorDetailsByCode ? AppErrorDetailsByCode[C] : never;

export interface AppErrorBody<C extends AppErrorCode = AppErrorCode> {
  error: { code: C; message: string; details?: AppErrorDetails<C> };
}

export class AppError<C extends AppErrorCode = AppErrorCode> extends Error {
  override readonly name = 'AppError';

  /** The id the server logged this failure under (`x-request-id`), for an admin to find it. */
  requestId?: string;

  constructor(
    readonly code: C,
    message: string = MESSAGES[code],
    readonly details?: AppErrorDetails<C>,
  ) {
    super(message);
  }

  get status(): number {
    return APP_ERROR_CODES[this.code];
  }

  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }

  toBody(): AppErrorBody<C> {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** An AppError, or with `codes` one of those: its `details` then have that code's type. */
export function isAppError<C extends AppErrorCode = AppErrorCode>(
  value: unknown,
  ...codes: C[]
): value is AppError<C> {
  return (
    value instanceof AppError &&
    (codes.length === 0 || (codes as AppErrorCode[]).includes(value.code))
  );
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && Object.hasOwn(APP_ERROR_CODES, value);
}

export function messageFor(code: AppErrorCode): string {
  return MESSAGES[code];
}
