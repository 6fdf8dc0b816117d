import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

import { freePort, waitForHttp } from '../../lib/testing/free-port';

/**
 * The real processes of a deployment, on loopback, each with its output in a log file of its own
 * (printed when something fails to start): redis-server and nginx from Debian, and the app's
 * production entry started exactly as the Docker image's CMD does.
 */
export const ROOT = join(__dirname, '..', '..');
export const DIST_DIR = process.env.PAGEWRIGHT_DIST_DIR || '.next';
/** A fixed, test-only secret: both instances must share it for a session to work on either. */
export const TEST_SESSION_SECRET = 'deploy-test-secret-0123456789-abcdefghijklmnop';

export interface Running {
  name: string;
  process: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

type Env = Record<string, string | undefined>;

function start(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env?: Env; logDir: string },
): Running {
  const logFile = join(options.logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: (options.env ?? process.env) as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    process: child,
    logFile,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      log.end();
    },
  };
}

/** Fails with the process's own log when it exits or does not come up. */
async function until(running: Running, ready: () => Promise<void>): Promise<void> {
  const died = new Promise<never>((_, reject) =>
    running.process.once('exit', (code) =>
      reject(new Error(`${running.name} exited (${code}):\n${readLog(running)}`)),
    ),
  );
  try {
    await Promise.race([ready(), died]);
  } catch (error) {
    await running.stop();
    throw new Error(
      `${running.name} did not start: ${error instanceof Error ? error.message : String(error)}\n${readLog(running)}`,
    );
  }
}

export function readLog(running: Running): string {
  return existsSync(running.logFile) ? readFileSync(running.logFile, 'utf8') : '';
}

function redisPing(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      if (data.toString().startsWith('+PONG')) resolve();
      else reject(new Error(`redis answered ${data.toString().trim()}`));
    });
    socket.once('error', reject);
  });
}

async function retry(attempt: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function startRedis(workDir: string): Promise<Running & { url: string }> {
  const port = await freePort();
  const dataDir = join(workDir, 'redis');
  mkdirSync(dataDir, { recursive: true });
  const running = start(
    'redis',
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dataDir,
    ],
    { cwd: workDir, logDir: workDir },
  );
  await until(running, () => retry(() => redisPing(port)));
  return { ...running, url: `redis://127.0.0.1:${port}` };
}

/** Copies the static assets and the entry into the standalone folder once, for every instance. */
export function assembleStandalone(): { dir: string; entry: string } {
  execFileSync(process.execPath, [join(ROOT, 'lib', 'server', 'assemble-standalone.js')], {
    cwd: ROOT,
    env: { ...process.env, PAGEWRIGHT_DIST_DIR: DIST_DIR },
    stdio: 'pipe',
  });
  const dir = join(ROOT, DIST_DIR, 'standalone');
  return { dir, entry: join(dir, 'pagewright-server.js') };
}

/** The image's CMD (`node pagewright-server.js`) in `dir`, on a free loopback port. */
export async function startInstance(
  name: string,
  dir: string,
  command: string[],
  env: Env,
  logDir: string,
): Promise<Running & { url: string; port: number }> {
  const port = await freePort();
  const [program, ...args] = command;
  const running = start(name, program === 'node' ? process.execPath : program!, args, {
    cwd: dir,
    logDir,
    env: {
      // Only what a container would have: no NODE_OPTIONS or test-runner variables leak in.
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'info',
      ...env,
      // Loopback and a free port, whatever the image's ENV says (0.0.0.0:3000).
      HOST: '127.0.0.1',
      PORT: String(port),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await until(running, () => waitForHttp(`${url}/api/health`, 60_000));
  return { ...running, url, port };
}

/** Debian's nginx as a round-robin balancer over `upstreams`, all state in `workDir`. */
export async function startNginx(
  workDir: string,
  upstreams: string[],
): Promise<Running & { url: string }> {
  const port = await freePort();
  const dir = join(workDir, 'nginx');
  mkdirSync(dir, { recursive: true });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig(dir, port, upstreams));
  const nginx = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  const running = start('nginx', nginx, ['-p', dir, '-c', conf], { cwd: dir, logDir: workDir });
  const url = `http://127.0.0.1:${port}`;
  await until(running, () => waitForHttp(`${url}/api/health`, 20_000));
  return { ...running, url };
}

/**
 * Plain round robin (nginx's default). The balancer overwrites X-Forwarded-For's last entry with
 * the address it saw, which is the entry the app trusts with TRUST_PROXY=1.
 */
export function nginxConfig(dir: string, port: number, upstreams: string[]): string {
  const servers = upstreams.map((url) => `    server ${new URL(url).host} max_fails=0;`).join('\n');
  const asRoot = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${asRoot}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 8m;
  upstream pagewright {
${servers}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://pagewright;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 60s;
    }
  }
}
`;
}
