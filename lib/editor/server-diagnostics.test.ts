import { describe, expect, it } from 'vitest';

import type { Diagnostic } from '@/lib/storage-format/types';

import { withServerDiagnostics } from './diagnostic-markers';

function at(line: number, column: number, code: string): Diagnostic {
  return {
    severity: 'warning',
    code,
    message: code,
    line,
    column,
    endLine: line,
    endColumn: column + 1,
  };
}

describe('withServerDiagnostics', () => {
  it('adds the server findings in document order, keeping the objects', () => {
    const local = [at(1, 1, 'a'), at(9, 1, 'b')];
    const server = [at(4, 2, 'confluence_unknown_macro')];
    const merged = withServerDiagnostics(local, server);
    expect(merged.map((d) => d.line)).toEqual([1, 4, 9]);
    expect(merged[1]).toBe(server[0]);
  });

  it('does not list a finding the engine already reports at the same place', () => {
    const local = [at(3, 5, 'unclosed_element')];
    expect(withServerDiagnostics(local, [at(3, 5, 'unclosed_element')])).toHaveLength(1);
  });

  it('is the live list when there is nothing from the server', () => {
    const local = [at(2, 1, 'a')];
    expect(withServerDiagnostics(local, [])).toEqual(local);
  });
});
