import ipaddr from 'ipaddr.js';

/**
 * Which Confluence sites this server may talk to (docs/security.md SSRF-1, SSRF-2). The operator
 * lists them in `CONFLUENCE_ALLOWED_HOSTS` (`*.atlassian.net,wiki.corp.example,http://wiki.lan:8090`);
 * the configured `CONFLUENCE_BASE_URL` and, in demo mode, the embedded emulator are always
 * allowed. A user's URL is normalised to origin + context path before anything is fetched.
 */
export interface AllowedSite {
  /** Exact host, or `*.suffix` (one or more labels before the suffix). Lower-case, no trailing dot. */
  host: string;
  /** The one port an entry names (`http://wiki.lan:8090`); null: the scheme's default port only. */
  port: number | null;
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

/** A site address as typed, reduced to what identifies the site; nothing checked against the policy yet. */
export interface SiteAddress {
  protocol: 'https:' | 'http:';
  /** Lower-case, no trailing dot; numeric IPv4 forms (`127.1`, `0x7f.0.0.1`, `[::ffff:7f00:1]`) in dotted decimal. */
  host: string;
  /** null when the scheme's default port is meant (`:443` on https is the default too). */
  port: number | null;
  /** `https://acme.atlassian.net`: one spelling for every way of writing the same origin. */
  origin: string;
  /** The path as given, without trailing slashes. */
  contextPath: string;
}

export type SiteAddressProblem = 'malformed' | 'scheme' | 'userinfo' | 'query';

export type SiteAddressParse =
  | { ok: true; value: SiteAddress }
  | {
      ok: false;
      problem: SiteAddressProblem;
      reason: string;
      /** The normalised origin when there is one (for the log: never the address as typed). */
      origin: string | null;
    };

const PROBLEM_REASONS: Record<SiteAddressProblem, string> = {
  malformed: 'Enter the full address of your Confluence, starting with https://.',
  scheme: 'Only https:// (or http:// where the operator allows it) addresses are accepted.',
  userinfo:
    'The Confluence address must not contain a user name or password (user:password@): enter the address only, and your credentials in their own fields.',
  query: 'Give the site address only, without ?query or #fragment.',
};

function cleanHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** `[::ffff:7f00:1]` is 127.0.0.1 written as IPv6: one address, one spelling. */
function canonicalHost(hostname: string): string {
  const host = cleanHost(hostname);
  if (!host.startsWith('[')) return host;
  const inner = host.slice(1, -1);
  if (!ipaddr.IPv6.isValid(inner)) return host;
  const address = ipaddr.IPv6.parse(inner);
  return address.isIPv4MappedAddress() ? address.toIPv4Address().toString() : host;
}

/**
 * Parses a site address with the WHATWG URL parser, which already writes every numeric IPv4
 * form, percent-encoded or Unicode host in one canonical way; this adds the trailing dot and
 * the default port. Userinfo, query and fragment are refused rather than silently dropped.
 */
export function parseSiteAddress(input: string): SiteAddressParse {
  const fail = (problem: SiteAddressProblem, origin: string | null = null): SiteAddressParse => ({
    ok: false,
    problem,
    reason: PROBLEM_REASONS[problem],
    origin,
  });
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return fail('malformed');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('scheme');
  const host = canonicalHost(url.hostname);
  if (!host) return fail('malformed');
  const port = url.port ? Number(url.port) : null;
  const origin = `${url.protocol}//${host}${port === null ? '' : `:${port}`}`;
  if (url.username || url.password) return fail('userinfo', origin);
  if (url.search || url.hash) return fail('query', origin);
  return {
    ok: true,
    value: {
      protocol: url.protocol,
      host,
      port,
      origin,
      contextPath: url.pathname.replace(/\/+$/, ''),
    },
  };
}

function allowedSiteFrom(url: URL, host: string, privateOk: boolean): AllowedSite {
  return {
    host,
    port: url.port ? Number(url.port) : null,
    allowHttp: url.protocol === 'http:',
    privateOk,
  };
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
    sites.push(allowedSiteFrom(url, host, false));
  }
  for (const { url, privateOk } of extra) {
    const parsed = new URL(url);
    sites.push(allowedSiteFrom(parsed, cleanHost(parsed.hostname), privateOk));
  }
  return { sites };
}

function hostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1); // ".atlassian.net"
  return host.endsWith(suffix) && host.length > suffix.length;
}

/** An entry that names a port admits that port only; one that names none, the default port only. */
function admits(candidate: AllowedSite, address: SiteAddress): boolean {
  return (
    hostMatches(candidate.host, address.host) &&
    candidate.port === address.port &&
    (address.protocol === 'https:' || candidate.allowHttp)
  );
}

/**
 * Normalises a user-typed Confluence URL and checks it against the policy. Only the origin and
 * a context path survive.
 */
export function checkSiteUrl(input: string, policy: SitePolicy): SiteCheck {
  const parsed = parseSiteAddress(input);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const address = parsed.value;
  const site = policy.sites.find((candidate) => admits(candidate, address));
  if (!site) {
    return {
      ok: false,
      reason: `${address.host} is not a Confluence site this server is allowed to connect to.`,
    };
  }
  const { contextPath, origin } = address;
  if (contextPath !== '' && !/^(\/[A-Za-z0-9._~-]+){1,3}$/.test(contextPath)) {
    return {
      ok: false,
      reason: 'The path after the host may only be a context path such as /wiki or /confluence.',
    };
  }
  return { ok: true, value: { origin, contextPath, baseUrl: origin + contextPath, site } };
}
