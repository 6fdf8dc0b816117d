import { readFileSync } from 'node:fs';

/**
 * Reads what the final stage of a Dockerfile ships and runs: its WORKDIR, ENV, the COPY lines
 * (from the build stage), CMD and HEALTHCHECK. Enough of the syntax for our own Dockerfile, and
 * strict about the rest: an instruction it cannot read fails the test instead of being skipped.
 */
export interface CopyInstruction {
  /** Stage name after --from=. */
  from: string;
  /** Absolute path inside that stage. */
  source: string;
  /** Relative to the final stage's WORKDIR, or absolute. */
  destination: string;
}

/** `RUN install -d -o <owner> -g <group> -m <mode> <path>`: the one RUN the run stage may have. */
export interface FolderInstruction {
  path: string;
  owner: string;
}

export interface RunStage {
  workdir: string;
  buildWorkdir: string;
  env: Record<string, string>;
  copies: CopyInstruction[];
  folders: FolderInstruction[];
  volumes: string[];
  cmd: string[];
  healthcheck: string[] | null;
  user: string | null;
}

/** Joins continuation lines and drops comments. */
function instructions(text: string): string[] {
  const joined = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n\s*/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function execForm(value: string, what: string): string[] {
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string'))
    throw new Error(`${what} must use the exec form ["…"]: ${value}`);
  return parsed as string[];
}

export function parseDockerfile(path: string): RunStage {
  const stages: Array<{ name: string; lines: string[] }> = [];
  for (const line of instructions(readFileSync(path, 'utf8'))) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?$/i.exec(line);
    if (from) stages.push({ name: from[1] ?? String(stages.length), lines: [] });
    else if (/^ARG\s/i.test(line) && stages.length === 0) continue;
    else stages.at(-1)?.lines.push(line);
  }
  const run = stages.at(-1);
  if (!run) throw new Error('no FROM in the Dockerfile');
  const workdirOf = (lines: string[]) =>
    lines
      .filter((line) => /^WORKDIR\s/i.test(line))
      .map((line) => line.split(/\s+/)[1]!)
      .at(-1) ?? '/';
  const stage: RunStage = {
    workdir: workdirOf(run.lines),
    buildWorkdir: '/',
    env: {},
    copies: [],
    folders: [],
    volumes: [],
    cmd: [],
    healthcheck: null,
    user: null,
  };
  for (const line of run.lines) {
    const [keyword, ...rest] = line.split(/\s+/);
    const args = line.slice(keyword!.length).trim();
    switch (keyword!.toUpperCase()) {
      case 'WORKDIR':
      case 'EXPOSE':
      case 'STOPSIGNAL':
        break;
      case 'ENV':
        for (const pair of args.match(/\S+=("[^"]*"|\S+)/g) ?? []) {
          const at = pair.indexOf('=');
          stage.env[pair.slice(0, at)] = pair.slice(at + 1).replace(/^"|"$/g, '');
        }
        break;
      case 'COPY': {
        const from = rest.find((arg) => arg.startsWith('--from='))?.slice('--from='.length);
        const paths = rest.filter((arg) => !arg.startsWith('--'));
        if (!from || paths.length !== 2)
          throw new Error(`expected COPY --from=<stage> <source> <destination>: ${line}`);
        stage.copies.push({ from, source: paths[0]!, destination: paths[1]! });
        break;
      }
      case 'USER':
        stage.user = args;
        break;
      case 'RUN': {
        const folder = /^install -d -o (\S+) -g \S+(?: -m [0-7]+)? (\S+)$/.exec(args);
        if (!folder) throw new Error(`the only RUN allowed is install -d -o … -g … <dir>: ${line}`);
        stage.folders.push({ owner: folder[1]!, path: folder[2]! });
        break;
      }
      case 'VOLUME':
        stage.volumes.push(
          ...(args.startsWith('[') ? execForm(args, 'VOLUME') : args.split(/\s+/)),
        );
        break;
      case 'CMD':
        stage.cmd = execForm(args, 'CMD');
        break;
      case 'HEALTHCHECK': {
        const cmd = /\bCMD\s+(\[.*\])$/.exec(args);
        if (!cmd) throw new Error(`HEALTHCHECK must end in CMD ["…"]: ${line}`);
        stage.healthcheck = execForm(cmd[1]!, 'HEALTHCHECK');
        break;
      }
      default:
        throw new Error(`the run stage has an instruction this test cannot reproduce: ${line}`);
    }
  }
  const sourceStages = new Set(stage.copies.map((copy) => copy.from));
  if (sourceStages.size !== 1) throw new Error('every COPY must come from one build stage');
  const build = stages.find((candidate) => candidate.name === [...sourceStages][0]);
  if (!build) throw new Error(`no stage named ${[...sourceStages][0]}`);
  stage.buildWorkdir = workdirOf(build.lines);
  return stage;
}
