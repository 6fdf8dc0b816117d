import { resolve } from 'node:path';

import { faultsFromEnv, validateFaults, type FaultSettings } from './faults';
import { EmulatorDataError, SEED_USERS, startEmulator } from './index';

/**
 * `npm run emulator [-- --reset] [--latency-ms=200 --rate-limit-every=5 …]`: the emulator alone.
 * EMULATOR_PORT (default 8090), EMULATOR_DATA (default .data/emulator.json), HOST (default
 * 127.0.0.1); faults from EMULATOR_* variables or `--<fault-in-kebab-case>=value` flags.
 */
function faultsFromArgs(args: string[]): Partial<FaultSettings> {
  const result: Record<string, unknown> = {};
  for (const arg of args) {
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (!match || match[1] === 'reset') continue;
    const key = match[1]!
      .replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
      .replace(/^putThen504$/, 'putThen504Every');
    const raw = match[2] ?? 'true';
    result[key] =
      raw === 'true' || raw === 'false' ? raw === 'true' : /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  return validateFaults(result);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = Number(process.env.EMULATOR_PORT ?? 8090);
  const dataFile = resolve(process.env.EMULATOR_DATA ?? '.data/emulator.json');
  const faults = { ...faultsFromEnv(process.env), ...faultsFromArgs(args) };
  const emulator = await startEmulator({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataFile,
    reset: args.includes('--reset'),
    faults,
    log: (line) => console.error(line),
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

main().catch((error: unknown) => {
  // A clear sentence for the person at the terminal, not a stack trace.
  if (error instanceof EmulatorDataError) console.error(error.message);
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
