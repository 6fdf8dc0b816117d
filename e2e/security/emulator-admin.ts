/**
 * The specs' side door into the emulator that global-setup started: its admin API
 * (`/__emulator/…`) and its Data Center REST API as the demo user, to arrange pages and faults.
 */

const DEMO_BASIC = `Basic ${Buffer.from('demo:demo').toString('base64')}`;

export function emulatorUrl(): string {
  const url = process.env.E2E_EMULATOR_URL;
  if (!url) throw new Error('E2E_EMULATOR_URL is not set: global-setup did not run');
  return url;
}

/**
 * fetch, once more if the connection was dropped before an answer: Node reuses keep-alive
 * sockets the emulator may just have closed ("other side closed"). Saves stay safe to repeat:
 * they carry the version number, so a second copy would be refused with 409.
 */
async function fetchAgain(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

async function expectOk(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** Calls the admin API (`POST`/`PUT`/`DELETE` with a JSON body, or `GET`). */
export async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetchAgain(`${emulatorUrl()}/__emulator${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  return expectOk(response, `${method} /__emulator${path}`);
}

export const resetEmulator = () => admin('POST', '/reset');
export const setFaults = (faults: Record<string, unknown>) => admin('PUT', '/faults', faults);
export const clearFaults = () => admin('DELETE', '/faults');

export interface EmulatorPage {
  id: string;
  title: string;
  version: number;
  body: string;
}

/** Reads a page (current version) through Data Center REST v1 as the demo user. */
export async function readPage(id: string): Promise<EmulatorPage> {
  const response = await fetchAgain(
    `${emulatorUrl()}/rest/api/content/${id}?expand=version,body.storage`,
    { headers: { authorization: DEMO_BASIC } },
  );
  const json = (await expectOk(response, `GET content ${id}`)) as {
    id: string;
    title: string;
    version: { number: number };
    body: { storage: { value: string } };
  };
  return {
    id: json.id,
    title: json.title,
    version: json.version.number,
    body: json.body.storage.value,
  };
}

/** Saves a new version of a page as the demo user (title and, optionally, body). */
export async function updatePage(id: string, title: string, body?: string): Promise<void> {
  const current = await readPage(id);
  const response = await fetchAgain(`${emulatorUrl()}/rest/api/content/${id}`, {
    method: 'PUT',
    headers: { authorization: DEMO_BASIC, 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'page',
      title,
      version: { number: current.version + 1 },
      ...(body === undefined
        ? {}
        : { body: { storage: { value: body, representation: 'storage' } } }),
    }),
  });
  await expectOk(response, `PUT content ${id}`);
}

/** Requests the emulator received (no bodies, no credentials). */
export async function emulatorRequests(): Promise<
  Array<{ method: string; url: string; status?: number }>
> {
  const json = (await admin('GET', '/requests')) as {
    requests: Array<{ method: string; url: string; status?: number }>;
  };
  return json.requests;
}
