import { validateFaults, type FaultSettings } from './faults';
import { DEFAULT_IMPORT_SPACE, isValidSpaceKey } from './seed/import-pages';

/** What `npm run emulator -- …` was asked to do. */
export interface EmulatorArgs {
  reset: boolean;
  /** `--import DIR`: a folder of `*.xml` storage bodies to load as pages. */
  importDir: string | null;
  /** `--space KEY`: where imported pages go (default IMPORT). */
  spaceKey: string;
  faults: Partial<FaultSettings>;
}

/** A command line the emulator cannot follow; the message says which flag and why. */
export class EmulatorArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmulatorArgsError';
  }
}

const VALUE_FLAGS = new Set(['import', 'space']);

/**
 * `--reset`, `--import DIR` (or `--import=DIR`), `--space KEY`, and faults as
 * `--<fault-in-kebab-case>[=value]` (e.g. `--latency-ms=200`).
 */
export function parseEmulatorArgs(args: readonly string[]): EmulatorArgs {
  const values = new Map<string, string>();
  const faults: Record<string, unknown> = {};
  let reset = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new EmulatorArgsError(`Unexpected argument ${JSON.stringify(arg)}.`);
    const name = match[1]!;
    if (name === 'reset') {
      reset = true;
    } else if (VALUE_FLAGS.has(name)) {
      const value = match[2] ?? args[++i];
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new EmulatorArgsError(
          `--${name} needs a value, e.g. --${name} ${name === 'import' ? './pages' : 'DOCS'}.`,
        );
      }
      values.set(name, value);
    } else {
      const key = name
        .replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
        .replace(/^putThen504$/, 'putThen504Every');
      const raw = match[2] ?? 'true';
      faults[key] =
        raw === 'true' || raw === 'false' ? raw === 'true' : /^\d+$/.test(raw) ? Number(raw) : raw;
    }
  }
  const spaceKey = (values.get('space') ?? DEFAULT_IMPORT_SPACE).toUpperCase();
  if (!isValidSpaceKey(spaceKey)) {
    throw new EmulatorArgsError(
      `--space ${JSON.stringify(values.get('space'))}: a space key is letters and digits only.`,
    );
  }
  if (values.has('space') && !values.has('import')) {
    throw new EmulatorArgsError(
      '--space only says where --import DIR puts its pages; add --import.',
    );
  }
  let validFaults: Partial<FaultSettings>;
  try {
    validFaults = validateFaults(faults);
  } catch (error) {
    throw new EmulatorArgsError(`Unknown flag or bad fault value: ${(error as Error).message}.`);
  }
  return { reset, importDir: values.get('import') ?? null, spaceKey, faults: validFaults };
}
