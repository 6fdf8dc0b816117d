import type { EmulatorData, PageRecord, SpaceRecord } from '../store/types';
import type { ImportFile } from './import-files';

/** What happened to one file of an import. */
export type ImportOutcome =
  | { file: string; kind: 'created' | 'updated' | 'unchanged'; pageId: string; title: string }
  | { file: string; kind: 'refused'; problem: string };

export interface ImportTarget {
  /** Space the pages go to (created, with a home page, when it does not exist). */
  spaceKey: string;
  /** Author of the imported versions (a user key of the data set). */
  authorKey: string;
  /** Time stamp of the imported versions. */
  when: string;
}

/** The space `--import` fills unless `--space` names another. */
export const DEFAULT_IMPORT_SPACE = 'IMPORT';

/** Confluence space keys are letters and digits. */
export function isValidSpaceKey(key: string): boolean {
  return /^[A-Za-z0-9]{1,255}$/.test(key);
}

/**
 * Adds the readable files of an import to `data` as pages under the space's home, in file-name
 * order. A file whose title a page of the space already has (case-blind, as Confluence compares
 * titles) becomes a new version of that page, so importing a folder again picks up edits; two
 * files with one title: the second is refused. Refused files are reported and change nothing.
 */
export function importPages(
  data: EmulatorData,
  files: readonly ImportFile[],
  target: ImportTarget,
): ImportOutcome[] {
  if (!isValidSpaceKey(target.spaceKey)) {
    throw new Error(`Space key ${JSON.stringify(target.spaceKey)} is not letters and digits`);
  }
  const space = findOrCreateSpace(data, target);
  const takenBy = new Map<string, string>();
  return files.map((entry): ImportOutcome => {
    if ('problem' in entry) return { file: entry.file, kind: 'refused', problem: entry.problem };
    const key = titleKey(entry.title);
    const earlier = takenBy.get(key);
    if (earlier !== undefined) {
      return {
        file: entry.file,
        kind: 'refused',
        problem: `${earlier} already gave a page this title (Confluence titles ignore case)`,
      };
    }
    takenBy.set(key, entry.file);
    const existing = data.pages.find(
      (page) => page.spaceKey === space.key && titleKey(page.current.title) === key,
    );
    if (existing) {
      if (existing.current.body === entry.body) {
        return {
          file: entry.file,
          kind: 'unchanged',
          pageId: existing.id,
          title: existing.current.title,
        };
      }
      existing.history.push(existing.current);
      existing.current = {
        ...existing.current,
        number: existing.current.number + 1,
        body: entry.body,
        authorKey: target.authorKey,
        when: target.when,
        message: `Imported from ${entry.file}`,
        minorEdit: false,
      };
      return {
        file: entry.file,
        kind: 'updated',
        pageId: existing.id,
        title: existing.current.title,
      };
    }
    const page = newPage(
      data,
      space,
      entry.title,
      entry.body,
      `Imported from ${entry.file}`,
      target,
    );
    page.current.parentId = space.homePageId;
    return { file: entry.file, kind: 'created', pageId: page.id, title: page.current.title };
  });
}

function findOrCreateSpace(data: EmulatorData, target: ImportTarget): SpaceRecord {
  const wanted = target.spaceKey.toUpperCase();
  const existing = data.spaces.find((space) => space.key.toUpperCase() === wanted);
  if (existing) return existing;
  const space: SpaceRecord = {
    id: Math.max(0, ...data.spaces.map((candidate) => candidate.id)) + 1,
    key: wanted,
    name: wanted === DEFAULT_IMPORT_SPACE ? 'Imported pages' : `${wanted} space`,
    homePageId: '',
    description: 'Pages loaded with npm run emulator -- --import DIR.',
  };
  data.spaces.push(space);
  const home = newPage(
    data,
    space,
    wanted === DEFAULT_IMPORT_SPACE ? 'Imported pages' : `${wanted} Home`,
    '<p>Pages loaded from a folder of storage bodies.</p>' +
      '<ac:structured-macro ac:name="children" ac:schema-version="2"><ac:parameter ac:name="all">true</ac:parameter></ac:structured-macro>',
    'Created by the import',
    target,
  );
  space.homePageId = home.id;
  return space;
}

function newPage(
  data: EmulatorData,
  space: SpaceRecord,
  title: string,
  body: string,
  message: string,
  target: ImportTarget,
): PageRecord {
  const page: PageRecord = {
    id: String(data.nextId),
    spaceKey: space.key,
    status: 'current',
    current: {
      number: 1,
      title,
      body,
      parentId: null,
      authorKey: target.authorKey,
      when: target.when,
      message,
      minorEdit: false,
    },
    history: [],
    createdAt: target.when,
    createdBy: target.authorKey,
    position: Math.max(-1, ...data.pages.map((other) => other.position)) + 1,
    attachments: [],
    labels: [],
  };
  data.nextId += 1;
  data.pages.push(page);
  return page;
}

function titleKey(title: string): string {
  return title.trim().toLowerCase();
}
