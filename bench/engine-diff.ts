import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

import {
  canonicalizeStorage,
  parseStorage,
  renderDocument,
  tryFormatStorage,
  validateParsed,
  type AttributeNode,
  type RenderOptions,
  type StorageNode,
} from '@/lib/storage-format';
import { createNodeSanitizer } from '@/lib/storage-format/render/node-sanitizer';
import { readCorpus } from '@/lib/storage-format/testing/corpus';
import { mutate } from '@/lib/storage-format/testing/mutations';
import { loadXssPayloads } from '@/lib/storage-format/render/xss-corpus';
import { syntheticPage } from './synthetic-pages';

/**
 * Differential check for performance work on the engine: every output the engine produces for a
 * fixed, deterministic set of bodies is recorded once (before a change) and compared after it.
 * An optimisation must leave all of it byte-identical.
 *
 *   npx tsx bench/engine-diff.ts record  [file]   (default /tmp/engine-baseline.json)
 *   npx tsx bench/engine-diff.ts compare [file]
 *
 * Bodies: the shared corpus (valid, invalid, edge cases), seeded mutations of each (a lost
 * character, an insertion, a truncation, a dropped close tag, a bare `&` …), the XSS payloads
 * wrapped in storage markup, and the synthetic 20 KB / 100 KB / 1 MB pages of the bench.
 * Per body: the parse tree with every span, the parse diagnostics and Confluence's first error,
 * validateParsed, the preview HTML with sanitizer 'none' and with DOMPurify over jsdom (with and
 * without URL builders), formatStorage's result and canonicalizeStorage.
 */

const MUTATIONS_PER_BODY = 8;
const MUTATION_SEED = 20_261_127;

interface Body {
  name: string;
  body: string;
}

function corpusBodies(): Body[] {
  const bodies: Body[] = [];
  for (const kind of ['valid', 'invalid', 'edge-cases'] as const) {
    for (const { name, body } of readCorpus(kind)) {
      bodies.push({ name: `${kind}/${name}`, body });
      mutate(body, MUTATIONS_PER_BODY, MUTATION_SEED + bodies.length).forEach((mutation, i) =>
        bodies.push({ name: `${kind}/${name}#${i}:${mutation.kind}`, body: mutation.body }),
      );
    }
  }
  return bodies;
}

async function xssBodies(): Promise<Body[]> {
  const payloads = await loadXssPayloads();
  // Bare, and inside the places a storage body can carry HTML-ish text to the renderer.
  return payloads.flatMap(({ source, payload }, i) => [
    { name: `xss/${i} ${source}`, body: payload },
    { name: `xss/${i} in p`, body: `<p>${payload}</p>` },
  ]);
}

function syntheticBodies(): Body[] {
  return [20_000, 100_000, 1_000_000].map((size) => ({
    name: `synthetic/${size}`,
    body: syntheticPage(size),
  }));
}

function attributeJson(attribute: AttributeNode): unknown {
  return [attribute.name, attribute.value, attribute.span, attribute.valueSpan];
}

/** The tree as its public interface shows it (spans are getters, so JSON.stringify skips them). */
function nodeJson(node: StorageNode): unknown {
  switch (node.type) {
    case 'element':
      return {
        e: node.name,
        prefix: node.prefix,
        local: node.localName,
        self: node.selfClosing,
        span: node.span,
        open: node.openTag,
        close: node.closeTag,
        attrs: node.attributes.map(attributeJson),
        children: node.children.map(nodeJson),
      };
    case 'processing-instruction':
      return { pi: node.target, data: node.data, span: node.span };
    default:
      return { [node.type]: node.value, span: node.span };
  }
}

const BUILDERS: RenderOptions = {
  attachmentUrl: (ref) =>
    ref.filename === 'blocked.png'
      ? null
      : `/att/${encodeURIComponent(ref.pageTitle ?? '-')}/${encodeURIComponent(ref.filename)}`,
  pageUrl: (ref) => `/wiki/${ref.spaceKey ?? 'CUR'}/${encodeURIComponent(ref.title)}`,
  userName: (ref) => (ref.accountId === undefined ? null : `User ${ref.accountId}`),
};

type Record_ = Record<string, string>;

function outputsOf(body: string, sanitize: (html: string) => string): Record_ {
  const parsed = parseStorage(body);
  const out: Record_ = {
    tree: JSON.stringify(parsed.document.children.map(nodeJson)),
    parseDiagnostics: JSON.stringify(parsed.diagnostics),
    confluenceError: JSON.stringify(parsed.confluenceError),
    lineCount: String(parsed.positions.lineCount),
  };
  out.validate = JSON.stringify(validateParsed(parsed));
  out.renderNone = renderDocument(parsed, { sanitizer: 'none' });
  out.renderNoneBuilders = renderDocument(parsed, { ...BUILDERS, sanitizer: 'none' });
  // DOMPurify over jsdom costs seconds on the 1 MB page: the writer's output is what changes.
  if (body.length <= 200_000) {
    out.renderSanitized = renderDocument(parsed, { sanitizer: sanitize });
    out.renderSanitizedBuilders = renderDocument(parsed, { ...BUILDERS, sanitizer: sanitize });
  }
  out.format = JSON.stringify(tryFormatStorage(body));
  out.canonical = JSON.stringify(canonicalizeStorage(body));
  return out;
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i;
  return n;
}

interface Baseline {
  bodies: number;
  /** name → output kind → full text (digest only for the big synthetic outputs). */
  outputs: Record<string, Record_>;
}

async function collect(): Promise<Map<string, Record_>> {
  const sanitize = createNodeSanitizer();
  const bodies = [...corpusBodies(), ...(await xssBodies()), ...syntheticBodies()];
  const outputs = new Map<string, Record_>();
  for (const { name, body } of bodies) {
    const record = outputsOf(body, sanitize);
    if (body.length > 200_000) {
      for (const key of Object.keys(record)) record[key] = 'sha256:' + digest(record[key]!);
    }
    outputs.set(name, record);
  }
  return outputs;
}

async function main(): Promise<void> {
  const [mode = 'compare', file = '/tmp/engine-baseline.json'] = process.argv.slice(2);
  const started = performance.now();
  const outputs = await collect();
  if (mode === 'record') {
    const baseline: Baseline = { bodies: outputs.size, outputs: Object.fromEntries(outputs) };
    writeFileSync(file, JSON.stringify(baseline));
    console.log(`recorded ${outputs.size} bodies to ${file}`);
    return;
  }
  if (mode !== 'compare') throw new Error('usage: engine-diff.ts record|compare [file]');
  const baseline = JSON.parse(readFileSync(file, 'utf8')) as Baseline;
  let compared = 0;
  let differences = 0;
  for (const [name, expected] of Object.entries(baseline.outputs)) {
    const actual = outputs.get(name);
    if (actual === undefined) {
      differences++;
      console.log(`MISSING body ${name}`);
      continue;
    }
    compared++;
    for (const [kind, text] of Object.entries(expected)) {
      const now = actual[kind] ?? '<absent>';
      if (now === text) continue;
      differences++;
      const at = firstDifference(text, now);
      console.log(
        `DIFF ${name} ${kind} at ${at}:\n  was ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 60))}` +
          `\n  now ${JSON.stringify(now.slice(Math.max(0, at - 60), at + 60))}`,
      );
    }
  }
  const kinds = Object.values(baseline.outputs).reduce((n, r) => n + Object.keys(r).length, 0);
  console.log(
    `compared ${compared} of ${baseline.bodies} bodies (${kinds} outputs): ${differences} differences` +
      ` (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (differences > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
