/** One simulated user's session cookies, and the error code of an app answer. */

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0]!;
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const json = (await response.json()) as { error?: { code?: string } };
    return json.error?.code;
  } catch {
    return undefined;
  }
}
