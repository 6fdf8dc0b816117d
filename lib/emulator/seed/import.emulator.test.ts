import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { parseEmulatorArgs } from '../cli-args';
import { readImportFolder, startEmulator, type EmulatorHandle } from '../index';
import { CLOUD_DEMO, DC_DEMO, call } from '../testing/clients';
import { SEED_IDS } from './build-seed';
import { MAX_BODY_BYTES } from './import-files';

const RELEASE = 'Release plan – 2026 (draft) é';
const ONE_LINE_BODY =
  '<h1 local-id="a1">Plan</h1><table data-layout="default" ac:local-id="t1"><tbody><tr><td>x</td></tr></tbody></table>';

let dir: string;
let emulator: EmulatorHandle | null = null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pw-import-'));
  writeFileSync(join(dir, `${RELEASE}.xml`), ONE_LINE_BODY);
  writeFileSync(join(dir, 'Meeting notes.xml'), '\ufeff<p>Notes\nkept as written</p>\n<p>two</p>');
  writeFileSync(join(dir, 'broken.xml'), '<p>a<br></p>');
  writeFileSync(
    join(dir, 'latin1.xml'),
    Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]),
  );
  writeFileSync(join(dir, 'meeting NOTES.xml'), '<p>same title, other case</p>');
  writeFileSync(join(dir, 'readme.txt'), 'not a page');
  mkdirSync(join(dir, 'folder.xml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

async function start(spaceKey = 'IMPORT'): Promise<EmulatorHandle> {
  emulator = await startEmulator({
    dataFile: null,
    import: { files: readImportFolder(dir).files, spaceKey },
  });
  return emulator;
}

describe('--import DIR', () => {
  it('loads the good files as pages under the home of a new IMPORT space, refusing the others one by one', async () => {
    const { imported } = await start();
    expect(imported.map(({ file, kind }) => [file, kind])).toEqual([
      ['Meeting notes.xml', 'created'],
      [`${RELEASE}.xml`, 'created'],
      ['broken.xml', 'refused'],
      ['folder.xml', 'refused'],
      ['latin1.xml', 'refused'],
      ['meeting NOTES.xml', 'refused'],
    ]);
    const problems = Object.fromEntries(
      imported.flatMap((outcome) =>
        outcome.kind === 'refused' ? [[outcome.file, outcome.problem]] : [],
      ),
    );
    expect(problems).toEqual({
      'broken.xml':
        'Confluence would refuse this storage: line 1, column 11: Unexpected close tag </p>; expected </br>.',
      'folder.xml': 'cannot be read: it is a folder',
      'latin1.xml': 'is not UTF-8 text (save the storage body as UTF-8)',
      'meeting NOTES.xml':
        'Meeting notes.xml already gave a page this title (Confluence titles ignore case)',
    });
    expect(readImportFolder(dir).skipped).toEqual(['readme.txt']);
  });

  it('serves the pages through v1 and v2 with their titles, bodies as stored, and the space home as parent', async () => {
    const handle = await start();
    const home = handle.homePage('IMPORT')!;
    expect(home.title).toBe('Imported pages');

    const v1 = await call(
      `${handle.url}/rest/api/content?spaceKey=IMPORT&title=${encodeURIComponent(RELEASE)}&expand=body.storage,ancestors,space`,
      { auth: DC_DEMO },
    );
    expect(v1.status).toBe(200);
    const [page] = v1.json.results;
    expect(page).toMatchObject({ title: RELEASE, space: { key: 'IMPORT' } });
    expect(page.body.storage.value).toBe(ONE_LINE_BODY);
    expect(page.ancestors.map((ancestor: { id: string }) => ancestor.id)).toEqual([home.id]);

    const v2 = `${handle.url}/wiki/api/v2`;
    const spaces = await call(`${v2}/spaces?keys=IMPORT`, { auth: CLOUD_DEMO });
    const spaceId = spaces.json.results[0].id;
    const listed = await call(`${v2}/pages?space-id=${spaceId}&body-format=storage`, {
      auth: CLOUD_DEMO,
    });
    const byTitle = new Map(
      listed.json.results.map((entry: { title: string }) => [entry.title, entry]),
    );
    expect([...byTitle.keys()].sort()).toEqual(['Imported pages', 'Meeting notes', RELEASE]);
    expect(byTitle.get('Meeting notes')).toMatchObject({
      parentId: home.id,
      body: { storage: { value: '<p>Notes\nkept as written</p>\n<p>two</p>' } },
    });
    expect(byTitle.get(RELEASE)).toMatchObject({ parentId: home.id });
  });

  it('puts pages under the home of an existing space with --space, and keeps them after a reset', async () => {
    const handle = await start('demo');
    const created = handle.imported.find((outcome) => outcome.kind === 'created')!;
    expect(created).toMatchObject({ title: 'Meeting notes' });
    const id = 'pageId' in created ? created.pageId : '';
    expect(handle.page(id)).toMatchObject({
      spaceKey: 'DEMO',
      current: { parentId: SEED_IDS.demoHome },
    });
    await handle.reset();
    expect(handle.page(id)?.current.title).toBe('Meeting notes');
  });

  it('makes a file whose title a page already has a new version of that page', async () => {
    const again = mkdtempSync(join(tmpdir(), 'pw-import-again-'));
    try {
      writeFileSync(join(again, 'roadmap.xml'), '<p>Imported roadmap</p>');
      writeFileSync(
        join(again, 'Sandbox.xml'),
        (await start()).page(SEED_IDS.sandbox)!.current.body,
      );
      await emulator!.close();
      emulator = await startEmulator({
        dataFile: null,
        import: { files: readImportFolder(again).files, spaceKey: 'DEMO' },
      });
      expect(emulator.imported).toEqual([
        { file: 'Sandbox.xml', kind: 'unchanged', pageId: SEED_IDS.sandbox, title: 'Sandbox' },
        { file: 'roadmap.xml', kind: 'updated', pageId: SEED_IDS.roadmap, title: 'Roadmap' },
      ]);
      expect(emulator.page(SEED_IDS.roadmap)!.current).toMatchObject({
        number: 2,
        body: '<p>Imported roadmap</p>',
        message: 'Imported from roadmap.xml',
      });
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  // Root reads every file whatever its mode.
  it.skipIf(process.getuid?.() === 0)(
    'refuses a file it may not read, still loading the rest',
    () => {
      const locked = mkdtempSync(join(tmpdir(), 'pw-import-locked-'));
      try {
        writeFileSync(join(locked, 'secret.xml'), '<p>x</p>');
        writeFileSync(join(locked, 'open.xml'), '<p>y</p>');
        chmodSync(join(locked, 'secret.xml'), 0o000);
        expect(readImportFolder(locked).files).toEqual([
          { file: 'open.xml', title: 'open', body: '<p>y</p>' },
          { file: 'secret.xml', problem: 'cannot be read: permission denied' },
        ]);
      } finally {
        rmSync(locked, { recursive: true, force: true });
      }
    },
  );

  it('refuses a file with no title, or larger than Confluence accepts', () => {
    const odd = mkdtempSync(join(tmpdir(), 'pw-import-odd-'));
    try {
      writeFileSync(join(odd, '.xml'), '<p>x</p>');
      writeFileSync(join(odd, 'huge.xml'), `<p>${'x'.repeat(MAX_BODY_BYTES)}</p>`);
      expect(readImportFolder(odd).files).toEqual([
        { file: '.xml', problem: 'has no title: its name is only the .xml extension' },
        { file: 'huge.xml', problem: 'is 5,242,887 bytes; Confluence accepts at most 5,242,880' },
      ]);
    } finally {
      rmSync(odd, { recursive: true, force: true });
    }
  });

  it('says clearly when the folder cannot be read', () => {
    expect(() => readImportFolder(join(dir, 'nope'))).toThrow(
      `The import folder ${join(dir, 'nope')} cannot be read: it does not exist.`,
    );
  });
});

describe('emulator command line', () => {
  it('reads --import DIR / --import=DIR, --space and faults', () => {
    expect(parseEmulatorArgs(['--import', './pages', '--space', 'docs', '--latency-ms=5'])).toEqual(
      {
        reset: false,
        importDir: './pages',
        spaceKey: 'DOCS',
        faults: { latencyMs: 5 },
      },
    );
    expect(parseEmulatorArgs(['--reset', '--import=my pages'])).toMatchObject({
      reset: true,
      importDir: 'my pages',
      spaceKey: 'IMPORT',
    });
  });

  it.each([
    [['--import'], '--import needs a value, e.g. --import ./pages.'],
    [['--import', '--reset'], '--import needs a value, e.g. --import ./pages.'],
    [['--import', 'x', '--space', 'a-b'], '--space "a-b": a space key is letters and digits only.'],
    [['--space', 'DOCS'], '--space only says where --import DIR puts its pages; add --import.'],
    [['pages'], 'Unexpected argument "pages".'],
    [['--no-such-flag'], 'Unknown flag or bad fault value: unknown fault "noSuchFlag".'],
  ])('refuses %j: %s', (args, message) => {
    expect(() => parseEmulatorArgs(args)).toThrow(message);
  });

  it('npm run emulator -- --import DIR prints what it loaded and what it refused', async () => {
    const repoRoot = resolve(__dirname, '../../..');
    const dataDir = mkdtempSync(join(tmpdir(), 'pw-import-data-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'lib/emulator/server.ts'), '--import', dir],
      {
        cwd: repoRoot,
        env: { ...process.env, EMULATOR_PORT: '0', EMULATOR_DATA: join(dataDir, 'data.json') },
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    try {
      await expect.poll(() => out, { timeout: 30_000 }).toContain('loaded,');
    } finally {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(out).toMatch(/Import from .* into space IMPORT \(under "Imported pages", page \d+\):/);
    expect(out).toMatch(/created {4}Meeting notes\.xml → page \d+ "Meeting notes"/);
    expect(out).toContain('refused    broken.xml: Confluence would refuse this storage: line 1');
    expect(out).toContain('not loaded (not *.xml): readme.txt');
    expect(out).toContain('2 loaded, 4 refused.');
  }, 40_000);
});
