/** The emulator's persisted data set (the JSON data file holds exactly this). */
export interface EmulatorData {
  schema: 'pagewright-emulator/1';
  /** Next id handed out for pages and attachments (ids are numeric strings in JSON). */
  nextId: number;
  users: UserRecord[];
  spaces: SpaceRecord[];
  pages: PageRecord[];
  /** Cloud folders (absent in data files written before folders existed). */
  folders?: FolderRecord[];
}

export interface UserRecord {
  /** DC `userKey`. */
  key: string;
  /** Cloud `accountId`. */
  accountId: string;
  /** DC `username`. */
  username: string;
  /** Cloud login e-mail. */
  email: string;
  displayName: string;
  /** DC password (Basic user:password). */
  password: string;
  /** Cloud API token (Basic email:token). */
  apiToken: string;
  /** DC personal access token (Bearer). */
  pat: string;
  /** False for the read-only demo user: every write answers 403. */
  canEdit: boolean;
}

export interface SpaceRecord {
  id: number;
  key: string;
  name: string;
  homePageId: string;
  description: string;
  /**
   * Usernames with the space permission to edit pages (absent = every user whose account may
   * edit). Others may read the space's pages but every save answers 403.
   */
  editors?: string[];
}

export interface VersionRecord {
  number: number;
  title: string;
  body: string;
  parentId: string | null;
  authorKey: string;
  /** ISO-8601 time of the save. */
  when: string;
  message: string;
  minorEdit: boolean;
}

export interface AttachmentRecord {
  id: string;
  title: string;
  mediaType: string;
  /** The file's bytes, base64. */
  data: string;
  fileSize: number;
  version: number;
  created: string;
  authorKey: string;
  comment: string;
}

export interface PageRecord {
  id: string;
  spaceKey: string;
  status: 'current';
  /** The current version; older ones live in `history`, oldest first. */
  current: VersionRecord;
  history: VersionRecord[];
  createdAt: string;
  createdBy: string;
  position: number;
  /** Usernames allowed to see the page (absent = everyone). Others get 404, as in Confluence. */
  viewers?: string[];
  /** Usernames allowed to edit (absent = everyone with edit rights). Others get 403. */
  editors?: string[];
  attachments: AttachmentRecord[];
  labels: string[];
}

/**
 * A Cloud folder: a titled node of the page tree with no body. Data Center has no folders, so its
 * API sees through them (a page in a folder is listed under the folder's nearest page ancestor).
 */
export interface FolderRecord {
  id: string;
  spaceKey: string;
  title: string;
  /** A page or another folder; null at the top of the space. */
  parentId: string | null;
  position: number;
  createdAt: string;
  createdBy: string;
}
