import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { XHTML_ENTITIES } from '@/lib/storage-format/xhtml-entities';

/**
 * Test-only bridge to Woodstox, the very XML parser Confluence uses (Debian's libwoodstox-java).
 * Tests compare the engine's verdicts with it. It is optional on a developer machine (tests skip
 * with a note) but required on CI, where `.ci/run` installs Java and the jars.
 */
export interface OracleVerdict {
  ok: boolean;
  line?: number;
  column?: number;
  message?: string;
}

const JARS = ['/usr/share/java/woodstox-core.jar', '/usr/share/java/stax2-api.jar'];

export function woodstoxAvailable(): boolean {
  return JARS.every((jar) => existsSync(jar)) && spawnSync('javac', ['-version']).status === 0;
}

export class WoodstoxOracle {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = '';
  private readonly waiting: Array<(verdict: OracleVerdict) => void> = [];

  private constructor(
    child: ChildProcessWithoutNullStreams,
    private readonly workDir: string,
  ) {
    this.child = child;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      this.buffer += chunk;
      let newline = this.buffer.indexOf('\n');
      while (newline >= 0) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        this.waiting.shift()?.(JSON.parse(line) as OracleVerdict);
        newline = this.buffer.indexOf('\n');
      }
    });
  }

  static start(): WoodstoxOracle {
    const dir = mkdtempSync(join(tmpdir(), 'woodstox-oracle-'));
    const classes = join(dir, 'classes');
    mkdirSync(classes);
    const classpath = JARS.join(':');
    const compiled = spawnSync(
      'javac',
      ['-cp', classpath, '-d', classes, join(__dirname, 'WoodstoxOracle.java')],
      { encoding: 'utf8' },
    );
    if (compiled.status !== 0) throw new Error(`javac failed: ${compiled.stderr}`);
    const entityFile = join(dir, 'entities.tsv');
    const lines = [...XHTML_ENTITIES].map(
      ([name, value]) =>
        `${name}\t${[...value].map((c) => c.codePointAt(0)!.toString(16)).join(' ')}`,
    );
    writeFileSync(entityFile, lines.join('\n'));
    const child = spawn('java', ['-cp', `${classes}:${classpath}`, 'WoodstoxOracle', entityFile]);
    return new WoodstoxOracle(child, dir);
  }

  check(body: string): Promise<OracleVerdict> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      const bytes = Buffer.from(body, 'utf8');
      const header = Buffer.alloc(4);
      header.writeInt32BE(bytes.length);
      this.child.stdin.write(Buffer.concat([header, bytes]));
    });
  }

  /** Ends the JVM and removes the compiled classes and entity table. */
  stop(): void {
    this.child.stdin.end();
    // The JVM read its classes and the entity table at start-up: the files can go now.
    rmSync(this.workDir, { recursive: true, force: true });
  }
}

/**
 * Bodies around Confluence's nesting limit (Woodstox refuses more than 1,000 open elements, and
 * Confluence's wrapper is the first), each with something else Woodstox could complain about at
 * the deepest level: both checkers must refuse or accept them with the same words.
 */
export function nestingLimitBodies(): string[] {
  const levels = (n: number, inner = '') => '<div>'.repeat(n) + inner + '</div>'.repeat(n);
  return [
    levels(999),
    levels(1000),
    levels(999, '<br/>'),
    levels(999, '<p a="&bogus;">x</p>'),
    levels(999, 'a & b'),
    `<h:m/>${levels(1000)}`,
    levels(3000),
  ];
}
