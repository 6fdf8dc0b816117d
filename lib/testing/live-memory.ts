import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Samples the memory a test still *holds*, not the garbage it has made.
 *
 * Raw `rss` or `arrayBuffers` readings count buffers that are already unreachable but not yet
 * collected, and how long they linger depends on the Node version (Node 24's young generation is
 * four times Node 20's), so a bound on them fails on one runtime and passes on another. Forcing a
 * collection before each reading measures what is reachable: a stream that holds the whole file
 * shows it, one that lets each chunk go does not.
 */
export function sampleLiveMemory(everyMs = 25): { stop(): number } {
  const collect = exposedGc();
  const reading = () => {
    collect();
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  const baseline = reading();
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, reading() - baseline);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, reading() - baseline);
    },
  };
}

function exposedGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  // `--expose-gc` can be turned on at run time; a fresh context then carries the `gc` global.
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
