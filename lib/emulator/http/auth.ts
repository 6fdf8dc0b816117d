import type { ServerResponse } from 'node:http';

import type { UserRecord } from '../store/types';
import type { Flavour } from './context';
import { sendJson, sendText } from './respond';

/** Result of reading the Authorization header. `anonymous` = no credentials at all. */
export type AuthResult =
  | { kind: 'user'; user: UserRecord; scheme: 'basic' | 'bearer' }
  | { kind: 'anonymous' }
  | { kind: 'rejected'; scheme: 'basic' | 'bearer' | 'other' };

/**
 * Cloud: Basic `email:api_token` (a Bearer carrying the API token is accepted too, for scripts
 * that use one). DC: Bearer PAT or Basic `username:password`. Anything else is rejected.
 */
export function authenticate(
  header: string | undefined,
  flavour: Flavour,
  users: readonly UserRecord[],
): AuthResult {
  if (!header) return { kind: 'anonymous' };
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  const credential = rest.join(' ');
  if (scheme.toLowerCase() === 'bearer') {
    const user = users.find(
      (candidate) => (flavour === 'cloud' ? candidate.apiToken : candidate.pat) === credential,
    );
    return user ? { kind: 'user', user, scheme: 'bearer' } : { kind: 'rejected', scheme: 'bearer' };
  }
  if (scheme.toLowerCase() !== 'basic') return { kind: 'rejected', scheme: 'other' };
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { kind: 'rejected', scheme: 'basic' };
  const login = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  const user = users.find((candidate) =>
    flavour === 'cloud'
      ? candidate.email.toLowerCase() === login.toLowerCase() && candidate.apiToken === secret
      : candidate.username === login && candidate.password === secret,
  );
  return user ? { kind: 'user', user, scheme: 'basic' } : { kind: 'rejected', scheme: 'basic' };
}

const CLOUD_PASSWORD_TEXT =
  'Basic authentication with passwords is deprecated.  For more information, see: https://confluence.atlassian.com/cloud/deprecation-of-basic-authentication-with-passwords-for-jira-and-confluence-apis-972355348.html';

const TOMCAT_401 = [
  '<!doctype html><html lang="en"><head><title>HTTP Status 401 – Unauthorized</title>',
  '<style type="text/css">body {font-family:Tahoma,Arial,sans-serif;} h1, h2, h3, b {color:white;background-color:#525D76;}</style>',
  '</head><body><h1>HTTP Status 401 – Unauthorized</h1><hr class="line" />',
  '<p><b>Type</b> Status Report</p><p><b>Message</b> Basic Authentication Failure - Reason : AUTHENTICATED_FAILED</p>',
  '<p><b>Description</b> The request has not been applied to the target resource because it lacks valid authentication credentials for that resource.</p>',
  '<hr class="line" /><h3>Apache Tomcat</h3></body></html>',
].join('');

/**
 * The 401 real servers send for rejected credentials: Cloud Basic → the plain-text password
 * deprecation notice (Cloud cannot tell a wrong token from a password); Cloud Bearer → the
 * OAuth JSON; DC → Tomcat's HTML page.
 */
export function sendCredentialsRejected(
  res: ServerResponse,
  flavour: Flavour,
  scheme: 'basic' | 'bearer' | 'other',
): void {
  if (flavour === 'cloud' && scheme === 'basic') {
    sendText(res, 401, CLOUD_PASSWORD_TEXT, 'text/plain;charset=UTF-8', {
      'WWW-Authenticate': 'Basic realm="Confluence"',
    });
  } else if (flavour === 'cloud') {
    sendJson(res, 401, { code: 401, message: 'Unauthorized; scope does not match' });
  } else {
    sendText(res, 401, TOMCAT_401, 'text/html;charset=utf-8', {
      'WWW-Authenticate': 'Basic realm="Confluence"',
    });
  }
}

/** Message for requests without credentials on endpoints that need a user. */
export const NOT_AUTHENTICATED_MESSAGE = 'Client must be authenticated to access this resource.';
