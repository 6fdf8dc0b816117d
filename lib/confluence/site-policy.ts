/**
 * Which Confluence sites this server may talk to (docs/security.md SSRF-1, SSRF-2). The operator lists
 * them in `CONFLUENCE_ALLOWED_HOSTS` (`*.atlassian.net,wiki.corp.example,http://wiki.lan:8090`);
 * the configured `CONFLUENCE_BASE_URL` and, in demo mode, the embedded emulator are always
 * allowed. A user's URL is normalised to origin + context path before anything is fetched.
 */
export interface AllowedSite {
  /** Exact host, or `*.suffix` (one or more labels before the suffix). Lower-case, no trailing dot. */
  host: string;
  /** Ports allowed besides the scheme's default. */
  ports: readonly number[];
  /** Plain http is allowed only for sites listed with `http://`. */
  allowHttp: boolean;
  /** Private/loopback addresses allowed (Data Center on the LAN, the emulator). Set by the operator only. */
  privateOk: boolean;
}

export interface SitePolicy {
  sites: readonly AllowedSite[];
}

export interface NormalizedSite {
  /** `https://acme.atlassian.net` */
  origin: string;
  /** `` or `/wiki` or a Data Center context path such as `/confluence`; no trailing slash. */
  contextPath: string;
  /** `origin + contextPath`: the base every API path is appended to. */
  baseUrl: string;
  site: AllowedSite;
}

export type SiteCheck = { ok: true; value: NormalizedSite } | { ok: false; reason: string };

function cleanHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** Parses the operator's list; `extra` are full URLs (the configured base URL, the emulator). */
export function parseSitePolicy(
  list: string | undefined,
  extra: Array<{ url: string; privateOk: boolean }> = [],
): SitePolicy {
  const sites: AllowedSite[] = [];
  for (const raw of (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const withScheme = /^[a-z]+:\/\//i.test(raw)
      ? raw
      : `https://${raw.replace(/^\*\./, 'wildcard-label.')}`;
    const url = new URL(withScheme.replace('://*.', '://wildcard-label.'));
    const host = cleanHost(url.hostname).replace(/^wildcard-label\./, '*.');
    sites.push({
      host,
      ports: url.port ? [Number(url.port)] : [],
      allowHttp: url.protocol === 'http:',
      privateOk: false,
    });
  }
  for (const { url, privateOk } of extra) {
    const parsed = new URL(url);
    sites.push({
      host: cleanHost(parsed.hostname),
      ports: parsed.port ? [Number(parsed.port)] : [],
      allowHttp: parsed.protocol === 'http:',
      privateOk,
    });
  }
  return { sites };
}

function hostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1); // ".atlassian.net"
  return host.endsWith(suffix) && host.length > suffix.length;
}

/**
 * Normalises a user-typed Confluence URL and checks it against the policy. Only the origin and
 * a context path survive: userinfo, query and fragment are refused rather than silently dropped.
 */
export function checkSiteUrl(input: string, policy: SitePolicy): SiteCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return {
      ok: false,
      reason: 'Enter the full address of your Confluence, starting with https://.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      reason: 'Only https:// (or http:// where the operator allows it) addresses are accepted.',
    };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'The address must not contain a user name or password.' };
  }
  if (url.search || url.hash) {
    return { ok: false, reason: 'Give the site address only, without ?query or #fragment.' };
  }
  const host = cleanHost(url.hostname);
  const port = url.port ? Number(url.port) : null;
  const site = policy.sites.find(
    (candidate) =>
      hostMatches(candidate.host, host) &&
      (port === null || candidate.ports.includes(port)) &&
      (url.protocol === 'https:' || candidate.allowHttp),
  );
  if (!site) {
    return {
      ok: false,
      reason: `${host} is not a Confluence site this server is allowed to connect to.`,
    };
  }
  const contextPath = url.pathname.replace(/\/+$/, '');
  if (contextPath !== '' && !/^(\/[A-Za-z0-9._~-]+){1,3}$/.test(contextPath)) {
    return {
      ok: false,
      reason: 'The path after the host may only be a context path such as /wiki or /confluence.',
    };
  }
  const origin = `${url.protocol}//${host}${port === null ? '' : `:${port}`}`;
  return { ok: true, value: { origin, contextPath, baseUrl: origin + contextPath, site } };
}
