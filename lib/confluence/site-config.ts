import { parseSitePolicy, type SitePolicy } from './site-policy';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The operator's choices about Confluence: the allowlist, a fixed site (then the sign-in form
 * hides the URL field), and in demo mode the embedded emulator. Sites the operator names
 * explicitly may live on private addresses (Data Center on the LAN); user-typed ones may not.
 */
export interface SiteConfig {
  policy: SitePolicy;
  /** Set when the operator fixed the site: users cannot choose another. */
  fixedBaseUrl: string | null;
  /** Demo mode: the emulator's URL, offered on the sign-in page with its demo accounts. */
  demoEmulatorUrl: string | null;
}

export function siteConfigFromEnv(env: Env = process.env): SiteConfig {
  const extra: Array<{ url: string; privateOk: boolean }> = [];
  const fixed = env.CONFLUENCE_BASE_URL?.trim() || null;
  if (fixed) extra.push({ url: fixed, privateOk: true });
  const demo = env.PAGEWRIGHT_DEMO === '1' ? env.PAGEWRIGHT_EMULATOR_URL?.trim() || null : null;
  if (demo) extra.push({ url: demo, privateOk: true });
  return {
    policy: parseSitePolicy(env.CONFLUENCE_ALLOWED_HOSTS, extra),
    fixedBaseUrl: fixed,
    demoEmulatorUrl: demo,
  };
}
