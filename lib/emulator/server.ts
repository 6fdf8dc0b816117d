import { resolve } from 'node:path';

import { EmulatorArgsError, parseEmulatorArgs } from './cli-args';
import { faultsFromEnv } from './faults';
import {
  EmulatorDataError,
  ImportFolderError,
  SEED_USERS,
  readImportFolder,
  startEmulator,
  type EmulatorHandle,
} from './index';

/**
 * `npm run emulator [-- --reset] [--import DIR [--space KEY]] [--latency-ms=200 …]`: the
 * emulator alone. EMULATOR_PORT (default 8090), EMULATOR_DATA (default .data/emulator.json),
 * HOST (default 127.0.0.1); faults from EMULATOR_* variables or `--<fault-in-kebab-case>=value`.
 */
async function main(): Promise<void> {
  const args = parseEmulatorArgs(process.argv.slice(2));
  const port = Number(process.env.EMULATOR_PORT ?? 8090);
  const dataFile = resolve(process.env.EMULATOR_DATA ?? '.data/emulator.json');
  const faults = { ...faultsFromEnv(process.env), ...args.faults };
  const importDir = args.importDir === null ? null : resolve(args.importDir);
  const folder = importDir === null ? null : readImportFolder(importDir);
  const emulator = await startEmulator({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataFile,
    reset: args.reset,
    faults,
    log: (line) => console.error(line),
    ...(folder ? { import: { files: folder.files, spaceKey: args.spaceKey } } : {}),
  });
  const users = SEED_USERS.map(
    (user) =>
      `  ${user.displayName.padEnd(13)} Cloud ${user.email} / ${user.apiToken}   DC ${user.username} / ${user.password}, PAT ${user.pat}${user.canEdit ? '' : '  (read-only)'}`,
  );
  console.log(
    [
      `Confluence emulator listening (data: ${dataFile})`,
      `  Data Center: ${emulator.dcBaseUrl}   (also ${emulator.dcContextBaseUrl})`,
      `  Cloud:       ${emulator.cloudBaseUrl}`,
      `  Admin:       ${emulator.url}/__emulator/health`,
      'Demo users:',
      ...users,
      Object.keys(faults).length ? `Faults: ${JSON.stringify(faults)}` : 'Faults: none',
      ...(folder ? importReport(emulator, importDir!, args.spaceKey, folder.skipped) : []),
    ].join('\n'),
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** One line per file: what became of it, or why it was refused. */
function importReport(
  emulator: EmulatorHandle,
  dir: string,
  spaceKey: string,
  skipped: string[],
): string[] {
  const lines = emulator.imported.map((outcome) =>
    outcome.kind === 'refused'
      ? `  refused    ${outcome.file}: ${outcome.problem}`
      : `  ${outcome.kind.padEnd(10)} ${outcome.file} → page ${outcome.pageId} "${outcome.title}"`,
  );
  const loaded = emulator.imported.filter((outcome) => outcome.kind !== 'refused').length;
  const refused = emulator.imported.length - loaded;
  const home = emulator.homePage(spaceKey);
  return [
    `Import from ${dir} into space ${spaceKey}${home ? ` (under "${home.title}", page ${home.id})` : ''}:`,
    ...lines,
    ...(skipped.length ? [`  not loaded (not *.xml): ${skipped.join(', ')}`] : []),
    `  ${loaded} loaded, ${refused} refused.`,
  ];
}

main().catch((error: unknown) => {
  // A clear sentence for the person at the terminal, not a stack trace.
  if (
    error instanceof EmulatorDataError ||
    error instanceof EmulatorArgsError ||
    error instanceof ImportFolderError
  )
    console.error(error.message);
  else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(
      `Port ${process.env.EMULATOR_PORT ?? 8090} is in use; set EMULATOR_PORT to another port.`,
    );
  } else
    console.error(
      `The emulator could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  process.exit(1);
});
