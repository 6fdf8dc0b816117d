import type { EmulatorHandle } from '@/lib/emulator';

import type { LoadResult } from './load-types';

export interface LostUpdateReport {
  /** Versions created during the run, over all pages. */
  versionsCreated: number;
  acknowledged: number;
  conflicts: number;
  /** Saves that ended neither acknowledged nor 409 (each also listed in `violations` if it left a trace). */
  otherFailures: number;
  /** Every broken promise, in words; empty means no update was lost. */
  violations: string[];
}

/**
 * Checks the run against the emulator's history: every acknowledged save is exactly the version
 * it was acknowledged as (body, title, base + 1, its own message); no version appeared that the
 * app did not acknowledge; every 409 was a real conflict (someone else's save holds base + 1);
 * and every other failure left no version behind.
 */
export function verifyNoLostUpdates(
  result: Pick<LoadResult, 'saves' | 'initialVersions'>,
  emulator: Pick<EmulatorHandle, 'page'>,
): LostUpdateReport {
  const violations: string[] = [];
  let versionsCreated = 0;
  for (const [pageId, initial] of Object.entries(result.initialVersions)) {
    const record = emulator.page(pageId);
    if (!record) {
      violations.push(`page ${pageId} disappeared`);
      continue;
    }
    const created = new Map(
      [...record.history, record.current]
        .filter((version) => version.number > initial)
        .map((version) => [version.number, version]),
    );
    versionsCreated += created.size;
    const saves = result.saves.filter((save) => save.pageId === pageId);
    const claimed = new Map<number, string>();
    for (const save of saves) {
      if (save.ackVersion !== undefined) {
        const other = claimed.get(save.ackVersion);
        if (other) {
          violations.push(
            `page ${pageId}: saves ${other} and ${save.saveId} were both acknowledged as version ${save.ackVersion}`,
          );
        }
        claimed.set(save.ackVersion, save.saveId);
        const version = created.get(save.ackVersion);
        if (save.ackVersion !== save.baseVersion + 1) {
          violations.push(
            `page ${pageId}: save ${save.saveId} from version ${save.baseVersion} was acknowledged as ${save.ackVersion}, not base + 1`,
          );
        }
        if (!version) {
          violations.push(
            `page ${pageId}: save ${save.saveId} was acknowledged as version ${save.ackVersion}, which does not exist`,
          );
        } else if (
          version.body !== save.body ||
          version.title !== save.title ||
          version.message !== save.saveId
        ) {
          violations.push(
            `page ${pageId}: version ${save.ackVersion} is not what save ${save.saveId} sent (lost update)`,
          );
        }
      } else if (save.status === 409) {
        const taken = created.get(save.baseVersion + 1);
        if (!taken || taken.message === save.saveId) {
          violations.push(
            `page ${pageId}: save ${save.saveId} got 409 but version ${save.baseVersion + 1} is not someone else's save`,
          );
        }
      }
    }
    for (const [number, version] of created) {
      if (!claimed.has(number)) {
        violations.push(
          `page ${pageId}: version ${number} (message "${version.message}") was created but never acknowledged`,
        );
      }
    }
  }
  return {
    versionsCreated,
    acknowledged: result.saves.filter((save) => save.ackVersion !== undefined).length,
    conflicts: result.saves.filter((save) => save.status === 409).length,
    otherFailures: result.saves.filter(
      (save) => save.ackVersion === undefined && save.status !== 409,
    ).length,
    violations,
  };
}
