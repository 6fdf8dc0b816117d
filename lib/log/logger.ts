import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The server's one logger: JSON lines, a request id on every line of a request, credentials
 * redacted wherever they hide (docs/security.md LOG-1..3). Never log request or response bodies.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.authorization',
  '*.token',
  '*.apiToken',
  '*.password',
  '*.pat',
  '*.credentials',
  'credentials',
  'token',
  'password',
  'body.token',
  'body.password',
];

const SECRET_KEYS =
  /^(authorization|proxy-authorization|cookie|set-cookie|token|apitoken|password|pat|secret|credentials)$/i;

/**
 * Path-based redaction only reaches the depths it names; this walks the whole object so a
 * credential nested anywhere (an upstream error's request headers, say) is still cut out.
 */
function scrub(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[key] = SECRET_KEYS.test(key) ? '[REDACTED]' : scrub(inner, depth + 1);
  }
  return out;
}

export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    formatters: {
      log: (object: Record<string, unknown>) => scrub(object) as Record<string, unknown>,
    },
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service: 'pagewright' },
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Values that came from users or upstream: one line each (no forged log lines, CWE-117). */
export function oneLine(value: string, max = 300): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').slice(0, max);
}

/** The server's logger. A live binding: tests may point it at a capture stream. */
export let logger: Logger = createLogger();

/** Sends all further log lines to `destination` (tests capture output this way). */
export function useLogDestination(destination: DestinationStream, level = 'info'): void {
  logger = createLogger(destination);
  logger.level = level;
}
