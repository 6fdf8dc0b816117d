import { siteConfigFromEnv } from '@/lib/confluence/site-config';
import type { SharedStore } from '@/lib/store';

/**
 * Readiness (GET /api/health?ready=1): can this instance do its job right now? It can when the
 * Confluence it is configured for (CONFLUENCE_BASE_URL, or the demo emulator) answers at all,
 * and the shared store (Redis, when REDIS_URL is set) answers a ping. Each check has a short
 * deadline so a load balancer's probe never hangs. The answer names no address and no secret.
 */
export type CheckResult = 'ok' | 'failed' | 'not_configured';

export interface Readiness {
  ready: boolean;
  checks: { confluence: CheckResult; store: CheckResult };
}

export const CHECK_TIMEOUT_MS = 2_000;

/** Any HTTP answer counts (Confluence may answer 401 or redirect to its login): only silence fails. */
export async function confluenceReachable(
  baseUrl: string,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<boolean> {
  try {
    const response = await fetch(baseUrl, {
      method: 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

async function storeAnswers(store: SharedStore, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([store.ping().then(() => true), deadline]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(
  store: SharedStore,
  env: Readonly<Record<string, string | undefined>> = process.env,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<Readiness> {
  const config = siteConfigFromEnv(env);
  // With neither a fixed site nor the emulator, users name their own site: nothing to probe.
  const target = config.fixedBaseUrl ?? config.demoEmulatorUrl;
  const [confluence, storeOk] = await Promise.all([
    target ? confluenceReachable(target, timeoutMs) : Promise.resolve(null),
    store.kind === 'redis' ? storeAnswers(store, timeoutMs) : Promise.resolve(null),
  ]);
  const checks = {
    confluence: confluence === null ? 'not_configured' : confluence ? 'ok' : 'failed',
    store: storeOk === null ? 'not_configured' : storeOk ? 'ok' : 'failed',
  } as const;
  return { ready: checks.confluence !== 'failed' && checks.store !== 'failed', checks };
}
