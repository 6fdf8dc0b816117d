import { Writable } from 'node:stream';

import { beforeAll } from 'vitest';

import { useLogDestination } from '../logger';

/** Sends the app's log for the calling test file into the returned array, one parsed line each. */
export function captureLogLinesPerFile(level: 'debug' | 'info'): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(() => {
    useLogDestination(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString().split('\n').filter(Boolean))
            lines.push(JSON.parse(line) as Record<string, unknown>);
          done();
        },
      }),
      level,
    );
  });
  return lines;
}
