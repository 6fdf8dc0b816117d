import type { Flavour } from './context';

/** Where a URL path lands: which API, which flavour, under which context path. */
export type Mount =
  | { kind: 'admin'; rest: string }
  | { kind: 'static'; rest: string }
  | { kind: 'v1' | 'v2' | 'download'; flavour: Flavour; context: string; rest: string };

const MOUNTS: Array<{
  prefix: string;
  kind: 'v1' | 'v2' | 'download';
  flavour: Flavour;
  context: string;
}> = [
  { prefix: '/wiki/rest/api', kind: 'v1', flavour: 'cloud', context: '/wiki' },
  { prefix: '/wiki/api/v2', kind: 'v2', flavour: 'cloud', context: '/wiki' },
  { prefix: '/wiki/download', kind: 'download', flavour: 'cloud', context: '/wiki' },
  { prefix: '/confluence/rest/api', kind: 'v1', flavour: 'dc', context: '/confluence' },
  { prefix: '/confluence/download', kind: 'download', flavour: 'dc', context: '/confluence' },
  { prefix: '/rest/api', kind: 'v1', flavour: 'dc', context: '' },
  { prefix: '/download', kind: 'download', flavour: 'dc', context: '' },
];

/** Public static resources (emoticons, icons, placeholders) under each context path. */
const STATIC =
  /^(?:\/wiki|\/confluence)?(\/(?:images|plugins\/servlet\/confluence\/placeholder)\/.*)$/;

/**
 * Maps a path to its mount: DC at `/rest/api` (optionally under `/confluence`), Cloud at
 * `/wiki/rest/api` and `/wiki/api/v2`, attachment downloads under each base, admin at `/__emulator`.
 */
export function resolveMount(pathname: string): Mount | null {
  if (pathname === '/__emulator' || pathname.startsWith('/__emulator/')) {
    return { kind: 'admin', rest: pathname.slice('/__emulator'.length) || '/' };
  }
  const staticPath = STATIC.exec(pathname);
  if (staticPath) return { kind: 'static', rest: staticPath[1]! };
  for (const mount of MOUNTS) {
    if (pathname === mount.prefix || pathname.startsWith(`${mount.prefix}/`)) {
      return {
        kind: mount.kind,
        flavour: mount.flavour,
        context: mount.context,
        rest: pathname.slice(mount.prefix.length) || '/',
      };
    }
  }
  return null;
}
