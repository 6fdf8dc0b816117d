import { writeFileSync } from 'node:fs';

/** A CPU profile as Chromium's Profiler.stop returns it (the fields read here). */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }>;
  samples: number[];
  timeDeltas: number[];
}

/** Prints the frames with the most self time per `unit` (a key, an open), and keeps the raw profile. */
export function analyseProfile(
  profile: CpuProfile,
  count: number,
  unit: string,
  rawFile: string,
): void {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const byFrame = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anon)'} ${url.replace(/^.*\/_next\//, '')}:${lineNumber + 1}:${columnNumber + 1}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + ms);
  }
  const rows = [...byFrame]
    .filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([frame, ms]) => ({ frame, selfMsPer: Number((ms / count).toFixed(2)) }));
  console.log(`\nCPU profile: self time per ${unit} (top 30, ${count} ${unit}s)`);
  console.table(rows);
  writeFileSync(rawFile, JSON.stringify(profile));
}
