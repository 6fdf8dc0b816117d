import { ConfluenceError } from './errors';
import { dataCenterPagePermissions, type PagePermissions } from './operations';
import type { NameStore } from './name-cache';
import type { Viewer } from './read-only-reason';
import { DataCenterUserDirectory } from './users';
import type {
  ConfluenceAdapter,
  ConfluencePage,
  ConfluenceUser,
  PageVersionSummary,
  SavePageInput,
  SavePageResult,
  TitleUse,
} from './model';
import {
  convertedBodySchema,
  v1AttachmentListSchema,
  v1ContentArraySchema,
  v1ContentSchema,
  v1CurrentUserSchema,
  v1VersionListSchema,
  type V1Content,
} from './schemas';
import type { ConfluenceTransport } from './transport';

const PAGE_EXPAND = 'body.storage,version,ancestors,space';

/** Data Center (and Server): REST v1 under the base URL, which may carry a context path. */
export class DataCenterAdapter implements ConfluenceAdapter {
  readonly flavour = 'datacenter' as const;
  private readonly users: DataCenterUserDirectory;

  constructor(
    private readonly http: ConfluenceTransport,
    private readonly baseUrl: string,
    names?: NameStore,
  ) {
    this.users = new DataCenterUserDirectory(http, names);
  }

  pagePermissions(id: string, viewer?: Viewer): Promise<PagePermissions> {
    return dataCenterPagePermissions(this.http, id, viewer);
  }

  displayNames(ids: readonly string[]): Promise<Record<string, string>> {
    return this.users.displayNames(ids);
  }

  async currentUser(): Promise<ConfluenceUser> {
    const user = await this.http.request('GET', 'rest/api/user/current', {
      schema: v1CurrentUserSchema,
    });
    if (user.type === 'anonymous' || !user.username) {
      throw new ConfluenceError(
        'unauthorized',
        'Confluence treated the credentials as an anonymous visitor.',
      );
    }
    return { displayName: user.displayName ?? user.username, username: user.username };
  }

  async getPage(id: string): Promise<ConfluencePage> {
    const content = await this.http.request('GET', `rest/api/content/${id}`, {
      query: { expand: PAGE_EXPAND },
      schema: v1ContentSchema,
    });
    return toPage(content, this.baseUrl);
  }

  async getAncestors(id: string): Promise<Array<{ id: string; title: string }>> {
    const content = await this.http.request('GET', `rest/api/content/${id}`, {
      query: { expand: 'ancestors' },
      schema: v1ContentSchema,
    });
    return (content.ancestors ?? []).map(({ id: ancestorId, title }) => ({
      id: ancestorId,
      title,
    }));
  }

  savePage(input: SavePageInput) {
    return saveThroughV1(this.http, 'rest/api/content', input, input.minorEdit ?? false);
  }

  async findPagesByTitle(spaceKey: string, title: string): Promise<TitleUse[]> {
    const found = await this.http.request('GET', 'rest/api/content', {
      query: { spaceKey, title, type: 'page', status: 'any' },
      schema: v1ContentArraySchema,
    });
    return found.results.map((c) => ({ id: c.id, title: c.title, status: c.status }));
  }

  async listVersions(id: string): Promise<PageVersionSummary[]> {
    const list = await this.http.request('GET', `rest/api/content/${id}/version`, {
      query: { limit: 200 },
      schema: v1VersionListSchema,
    });
    return list.results.map((v) => ({
      number: v.number,
      when: v.when ?? '',
      by: v.by?.displayName ?? v.by?.username ?? '',
      message: v.message ?? '',
      minorEdit: v.minorEdit ?? false,
    }));
  }

  async getVersionBody(id: string, version: number): Promise<string> {
    const content = await this.http.request('GET', `rest/api/content/${id}`, {
      query: { status: 'historical', version, expand: 'body.storage' },
      schema: v1ContentSchema,
    });
    return content.body?.storage?.value ?? '';
  }

  downloadAttachment(pageId: string, filename: string) {
    return downloadV1Attachment(this.http, '', pageId, filename);
  }

  /** Whether `filename` is attached to the page. */
  async hasAttachment(pageId: string, filename: string): Promise<boolean> {
    const list = await this.http.request('GET', `rest/api/content/${pageId}/child/attachment`, {
      query: { filename },
      schema: v1AttachmentListSchema,
    });
    return list.results.some((attachment) => attachment.title === filename);
  }

  async renderView(body: string, pageId?: string): Promise<string> {
    const converted = await this.http.request('POST', 'rest/api/contentbody/convert/view', {
      query: { contentIdContext: pageId },
      json: { value: body, representation: 'storage' },
      schema: convertedBodySchema,
    });
    return converted.value;
  }
}

/** Shared by both flavours: v1 attachment lookup by file name, then the download link. */
export async function downloadV1Attachment(
  http: ConfluenceTransport,
  prefix: string,
  pageId: string,
  filename: string,
) {
  const list = await http.request('GET', `${prefix}rest/api/content/${pageId}/child/attachment`, {
    query: { filename },
    schema: v1AttachmentListSchema,
  });
  const attachment = list.results.find((candidate) => candidate.title === filename);
  if (!attachment)
    throw new ConfluenceError('not_found', `No attachment ${filename} on page ${pageId}.`);
  return http.download(`${prefix}${attachment._links.download.replace(/^\//, '')}`);
}

function toPage(content: V1Content, baseUrl: string): ConfluencePage {
  const ancestors = (content.ancestors ?? []).map(({ id, title }) => ({ id, title }));
  const version = content.version;
  if (!version || content.body?.storage === undefined || !content.space) {
    throw new ConfluenceError(
      'unexpected_response',
      'Confluence left out the page body, version or space.',
    );
  }
  const base = content._links?.base ?? baseUrl;
  return {
    id: content.id,
    title: content.title,
    spaceKey: content.space.key,
    parentId: ancestors.at(-1)?.id ?? null,
    ancestors,
    version: {
      number: version.number,
      when: version.when ?? '',
      by: version.by?.displayName ?? version.by?.username ?? '',
      message: version.message ?? '',
      minorEdit: version.minorEdit ?? false,
    },
    body: content.body.storage.value,
    webUrl: content._links?.webui ? base + content._links.webui : base,
  };
}

/**
 * A page update through v1 `PUT {contentPath}/{id}`, Data Center's save and Cloud's minor edit:
 * exactly base + 1, the parent sent again, and one request whose answer carries the stored page.
 */
export async function saveThroughV1(
  http: ConfluenceTransport,
  contentPath: string,
  input: SavePageInput,
  minorEdit: boolean,
): Promise<SavePageResult> {
  const content = await http.request('PUT', `${contentPath}/${input.id}`, {
    // The answer then carries what Confluence stored: verification needs no second request.
    query: { expand: 'body.storage,version,ancestors' },
    json: {
      id: input.id,
      type: 'page',
      status: 'current',
      title: input.title,
      version: {
        number: input.baseVersion + 1,
        ...(input.message ? { message: input.message } : {}),
        minorEdit,
      },
      // Sent on every save: some Confluence versions move a page whose parent is left out.
      ...(input.parentId ? { ancestors: [{ id: input.parentId }] } : {}),
      body: { storage: { value: input.body, representation: 'storage' } },
    },
    schema: v1ContentSchema,
  });
  return savedFromV1Content(content, input.baseVersion);
}

/**
 * A v1 page update's answer as a save result: the stored page when the answer carries its body
 * (so the read-after-write check needs no second call), the version it was stored as.
 */
function savedFromV1Content(content: V1Content, baseVersion: number): SavePageResult {
  const version = content.version?.number ?? baseVersion + 1;
  const body = content.body?.storage?.value;
  return {
    version,
    recovered: false,
    ...(body === undefined
      ? {}
      : {
          stored: {
            title: content.title,
            body,
            parentId: content.ancestors?.at(-1)?.id ?? null,
            version: { number: version },
          },
        }),
  };
}
