import { ConfluenceError } from './errors';
import { saveMinorEditThroughV1 } from './minor-edit';
import { cloudPagePermissions, type PagePermissions } from './operations';
import { treeAncestors } from './page-tree';
import type { Viewer } from './read-only-reason';
import { findPagesByTitleIgnoringCase } from './title-lookup';
import type { NameStore } from './name-cache';
import { CloudUserDirectory } from './users';
import type {
  ConfluenceAdapter,
  ConfluencePage,
  ConfluenceUser,
  PageAncestor,
  PageVersionSummary,
  SavePageInput,
  TitleUse,
} from './model';
import {
  asyncConvertResultSchema,
  asyncConvertStartSchema,
  v1CurrentUserSchema,
  v2AttachmentListSchema,
  v2PageSchema,
  v2SpaceSchema,
  v2VersionListSchema,
} from './schemas';
import type { ConfluenceTransport } from './transport';

/**
 * Confluence Cloud: pages through REST v2 (`/wiki/api/v2`), v1 only where v2 has nothing
 * (`user/current`). Cloud's v1 content endpoints answer 410 on more and more sites.
 */
export class CloudAdapter implements ConfluenceAdapter {
  readonly flavour = 'cloud' as const;
  private readonly spaceKeys = new Map<string, string>();
  private readonly users: CloudUserDirectory;

  constructor(
    private readonly http: ConfluenceTransport,
    private readonly siteUrl: string,
    names?: NameStore,
  ) {
    this.users = new CloudUserDirectory(http, names);
  }

  pagePermissions(id: string, viewer?: Viewer): Promise<PagePermissions> {
    return cloudPagePermissions(this.http, id, viewer);
  }

  displayNames(accountIds: readonly string[]): Promise<Record<string, string>> {
    return this.users.displayNames(accountIds);
  }

  async currentUser(): Promise<ConfluenceUser> {
    const user = await this.http.request('GET', 'wiki/rest/api/user/current', {
      schema: v1CurrentUserSchema,
    });
    if (user.type === 'anonymous' || !user.accountId) {
      throw new ConfluenceError(
        'unauthorized',
        'Confluence treated the credentials as an anonymous visitor.',
      );
    }
    return {
      displayName: user.displayName ?? user.publicName ?? user.accountId,
      accountId: user.accountId,
    };
  }

  private async spaceKey(spaceId: string): Promise<string> {
    const known = this.spaceKeys.get(spaceId);
    if (known) return known;
    const space = await this.http.request('GET', `wiki/api/v2/spaces/${spaceId}`, {
      schema: v2SpaceSchema,
    });
    this.spaceKeys.set(spaceId, space.key);
    return space.key;
  }

  async getPage(id: string): Promise<ConfluencePage> {
    const page = await this.http.request('GET', `wiki/api/v2/pages/${id}`, {
      query: { 'body-format': 'storage' },
      schema: v2PageSchema,
    });
    if (page.body?.storage === undefined) {
      throw new ConfluenceError('unexpected_response', 'Confluence left out the page body.');
    }
    const [spaceKey, ancestors, author] = await Promise.all([
      this.spaceKey(page.spaceId),
      this.getAncestors(id),
      this.users.displayName(page.version.authorId ?? ''),
    ]);
    const base = page._links?.base ?? `${this.siteUrl}/wiki`;
    return {
      id: page.id,
      title: page.title,
      spaceKey,
      spaceId: page.spaceId,
      parentId: page.parentId ?? null,
      ancestors,
      version: {
        number: page.version.number,
        when: page.version.createdAt ?? '',
        by: author,
        message: page.version.message ?? '',
        minorEdit: page.version.minorEdit ?? false,
      },
      body: page.body.storage.value,
      webUrl: page._links?.webui ? base + page._links.webui : base,
    };
  }

  /** Ancestors with their titles, folders included (the breadcrumb shows them as folders). */
  async getAncestors(id: string): Promise<PageAncestor[]> {
    return treeAncestors(this.http, 'cloud', id);
  }

  async savePage(input: SavePageInput) {
    if (input.minorEdit) return saveMinorEditThroughV1(this.http, input);
    const page = await this.http.request('PUT', `wiki/api/v2/pages/${input.id}`, {
      json: {
        id: input.id,
        status: 'current',
        title: input.title,
        ...(input.parentId ? { parentId: input.parentId } : {}),
        body: { representation: 'storage', value: input.body },
        version: {
          number: input.baseVersion + 1,
          ...(input.message ? { message: input.message } : {}),
        },
      },
      schema: v2PageSchema,
    });
    const body = page.body?.storage?.value;
    return {
      version: page.version.number,
      recovered: false,
      ...(body === undefined
        ? {}
        : {
            stored: {
              title: page.title,
              body,
              parentId: page.parentId ?? null,
              version: { number: page.version.number },
            },
          }),
    };
  }

  findPagesByTitle(spaceKey: string, title: string): Promise<TitleUse[]> {
    return findPagesByTitleIgnoringCase(this.http, 'wiki/', spaceKey, title);
  }

  async listVersions(id: string): Promise<PageVersionSummary[]> {
    const list = await this.http.request('GET', `wiki/api/v2/pages/${id}/versions`, {
      query: { limit: 250 },
      schema: v2VersionListSchema,
    });
    const names = await this.users.displayNames(list.results.map((v) => v.authorId ?? ''));
    return list.results.map((v) => ({
      number: v.number,
      when: v.createdAt ?? '',
      by: names[v.authorId ?? ''] ?? '',
      message: v.message ?? '',
      minorEdit: v.minorEdit ?? false,
    }));
  }

  async getVersionBody(id: string, version: number): Promise<string> {
    const page = await this.http.request('GET', `wiki/api/v2/pages/${id}`, {
      query: { version, 'body-format': 'storage' },
      schema: v2PageSchema,
    });
    return page.body?.storage?.value ?? '';
  }

  async downloadAttachment(pageId: string, filename: string) {
    const list = await this.http.request('GET', `wiki/api/v2/pages/${pageId}/attachments`, {
      query: { filename },
      schema: v2AttachmentListSchema,
    });
    const attachment = list.results.find((candidate) => candidate.title === filename);
    if (!attachment)
      throw new ConfluenceError('not_found', `No attachment ${filename} on page ${pageId}.`);
    // v2 download links are relative to the site's /wiki.
    return this.http.download(`wiki/${attachment.downloadLink.replace(/^\/(wiki\/)?/, '')}`);
  }

  /** Whether `filename` is attached to the page (a 404 for the page counts as no). */
  async hasAttachment(pageId: string, filename: string): Promise<boolean> {
    const list = await this.http.request('GET', `wiki/api/v2/pages/${pageId}/attachments`, {
      query: { filename },
      schema: v2AttachmentListSchema,
    });
    return list.results.some((attachment) => attachment.title === filename);
  }

  /** Cloud's synchronous convert is being removed (CHANGE-2520): start an async task and poll it. */
  async renderView(body: string, pageId?: string): Promise<string> {
    const { asyncId } = await this.http.request(
      'POST',
      'wiki/rest/api/contentbody/convert/async/view',
      {
        query: { contentIdContext: pageId },
        json: { value: body, representation: 'storage' },
        schema: asyncConvertStartSchema,
      },
    );
    for (let attempt = 0; attempt < 20; attempt++) {
      const task = await this.http.request(
        'GET',
        `wiki/rest/api/contentbody/convert/async/${asyncId}`,
        {
          schema: asyncConvertResultSchema,
        },
      );
      if (task.status === 'COMPLETED' && task.value !== undefined) return task.value;
      if (task.status === 'FAILED') {
        throw new ConfluenceError(
          'invalid_storage',
          String(task.error ?? 'Confluence could not render the body.'),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * 2 ** attempt)));
    }
    throw new ConfluenceError('timeout', 'Confluence did not finish rendering in time.', {
      transient: true,
    });
  }
}
