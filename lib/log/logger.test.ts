import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createLogger, oneLine } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger(stream) };
}

describe('logger (LOG-1)', () => {
  it('never writes a credential it is handed', () => {
    const token = 'ATATT3xFfGF0-known-fake-token';
    const { lines, logger } = capture();
    logger.level = 'info';
    logger.info(
      {
        req: { headers: { authorization: `Basic ${token}`, cookie: `s=${token}` } },
        credentials: { method: 'cloud-token', email: 'a@b.c', token },
        session: { token, password: token },
        upstream: { headers: { authorization: `Bearer ${token}` } },
      },
      'request',
    );
    expect(lines).toHaveLength(1);
    expect(lines.join('')).not.toContain(token);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'request', service: 'pagewright' });
  });

  it('keeps user-supplied values on one line', () => {
    expect(oneLine('evil\r\n{"level":50,"msg":"forged"}')).toBe('evil {"level":50,"msg":"forged"}');
  });
});
