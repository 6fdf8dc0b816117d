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
  upstream_unexpected: 502,
  upstream_too_large: 502,
  upstream_timeout: 504,
  site_not_allowed: 400,
  server_unavailable: 503,
  offline: 0,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

const MESSAGES: Record<AppErrorCode, string> = {
  bad_request: 'The request was not understood.',
  not_signed_in: 'Please sign in to Confluence.',
  sign_in_failed:
    'Sign-in failed. Check the Confluence address, the sign-in method and your credentials.',
  confluence_unauthorized: 'Confluence did not accept your credentials. Please sign in again.',
  confluence_forbidden: 'You do not have permission to do this in Confluence.',
  csrf_rejected: 'This request did not come from Pagewright and was refused.',
  page_not_found: 'No page with this id exists, or you are not allowed to see it.',
  page_gone: 'This Confluence API is no longer available on your site.',
  version_conflict: 'Someone else saved this page after you opened it.',
  title_clash: 'Another page in this space already has this title.',
  invalid_storage: 'Confluence would reject this body: fix the marked errors first.',
  too_large: 'The page is too large for Confluence (5 MB at most).',
  rate_limited: 'Confluence is limiting requests right now. Pagewright will retry shortly.',
  sign_in_throttled: 'Too many sign-in attempts. Wait a moment and try again.',
  confluence_unavailable: 'Confluence could not be reached. Your text is safe; try again.',
  upstream_unexpected: 'Confluence answered with something unexpected (a login page or proxy?).',
  upstream_too_large: "Confluence's answer was larger than Pagewright reads, so it was not loaded.",
  upstream_timeout: 'Confluence did not answer in time. Your text is safe; try again.',
  site_not_allowed: 'This Confluence site is not on the list this server may connect to.',
  server_unavailable:
    'Pagewright is restarting or cannot reach its session store. Your text is safe; try again in a moment.',
  offline: 'You are offline. Your text is kept here until the connection returns.',
  internal: 'Something went wrong on the Pagewright server. Your text is safe.',
};

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

/** Codes worth retrying automatically: the same request may well succeed later. */
const TRANSIENT: ReadonlySet<AppErrorCode> = new Set([
  'rate_limited',
  'confluence_unavailable',
  'server_unavailable',
  'offline',
]);

export interface AppErrorBody {
  error: { code: AppErrorCode; message: string; details?: unknown };
}

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: AppErrorCode,
    message: string = MESSAGES[code],
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return APP_ERROR_CODES[this.code];
  }

  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }

  toBody(): AppErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && Object.hasOwn(APP_ERROR_CODES, value);
}

export function messageFor(code: AppErrorCode): string {
  return MESSAGES[code];
}

/** Rebuilds the server's error from a response body; anything unreadable becomes `internal`. */
export function appErrorFromBody(body: unknown): AppError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as Record<string, unknown>;
      if (isAppErrorCode(code)) {
        return new AppError(code, typeof message === 'string' ? message : MESSAGES[code], details);
      }
    }
  }
  return new AppError('internal');
}
