import { mergePage, type MergeInput } from '@/lib/editor/merge';
import { largeTablesBody } from '@/lib/emulator/seed/bodies';
import { formatStorage } from '@/lib/storage-format';
import { median, timeRoundRobin } from './engine-baseline';

/**
 * The "merge after 409" stage: what the browser does when a save meets a newer version, on the
 * demo's "Large page" shape (big tables: thousands of identical formatted lines such as `</td>`),
 * at the demo's 200 KB and at 1 MB. Mine edits a cell near the top, theirs adds one near the
 * bottom, so the merge is clean and both diffs are small but span the whole page. Timed next to
 * formatting one of the three bodies (mergePage formats all three) in the same rounds.
 */

export interface MergeRow {
  input: string;
  kB: number;
  formattedLines: number;
  stage: string;
  ms: number;
  /** Time / formatting one body, same rounds. */
  vsFormat: number;
  rounds: number;
}

const SIZES: ReadonlyArray<[string, number]> = [
  ['Large page 200 KB', 200_000],
  ['Large page 1 MB', 1_000_000],
];

function conflictInput(bytes: number): MergeInput {
  const base = largeTablesBody(bytes);
  const mine = base.replace('<td>DEMO-1001</td>', '<td>DEMO-1001, edited by me</td>');
  const lastKey = base.lastIndexOf('<td>DEMO-');
  const theirs = `${base.slice(0, lastKey)}<td>Added by them</td>${base.slice(lastKey)}`;
  return {
    base: { title: 'Large page', body: base },
    theirs: { title: 'Large page', body: theirs },
    mine: { title: 'Large page', body: mine },
  };
}

export function measureMergeAfterConflict(): MergeRow[] {
  const rows: MergeRow[] = [];
  for (const [name, bytes] of SIZES) {
    const input = conflictInput(bytes);
    const outcome = mergePage(input);
    if (!outcome.clean) throw new Error(`${name}: the bench's merge should be clean`);
    const stages: Array<[string, () => void]> = [
      ['format one body', () => formatStorage(input.base.body)],
      ['mergePage (format ×3 + diff3)', () => mergePage(input)],
    ];
    const samples = timeRoundRobin(stages, { maxRounds: 30, budgetMs: 6_000, minRounds: 3 });
    const baseline = median(samples.get('format one body')!);
    for (const [stage] of stages) {
      const ms = median(samples.get(stage)!);
      rows.push({
        input: name,
        kB: Math.round(input.base.body.length / 1000),
        formattedLines: formatStorage(input.base.body).split('\n').length,
        stage,
        ms: Number(ms.toFixed(2)),
        vsFormat: Number((ms / baseline).toFixed(2)),
        rounds: samples.get(stage)!.length,
      });
    }
  }
  return rows;
}
