import type { RequestContext } from './context';

/** A route handler; `params` holds the `:name` parts of the pattern, URL-decoded. */
export type Handler = (ctx: RequestContext, params: Record<string, string>) => void | Promise<void>;

interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
}

/** Tiny method + path-pattern router (`/content/:id/child/page`). */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    const names: string[] = [];
    const source = pattern
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
    this.routes.push({ method, regex: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  /** The matching route, `method-not-allowed` when only the path matches, or null. */
  match(
    method: string,
    path: string,
  ): { handler: Handler; params: Record<string, string> } | 'method-not-allowed' | null {
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.regex.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(match[index + 1]!);
      });
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method-not-allowed' : null;
  }
}
