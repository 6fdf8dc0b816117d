import { readFileSync, readdirSync } from 'node:fs';
import { WoodstoxOracle } from '@/lib/testing/woodstox/woodstox-oracle';
import { checkStorageXhtml } from '@/lib/emulator/xhtml/check-xhtml';
let seed = 987;
const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const SNIPS = ['a="1"', ' b', '\t', '<p x="const SNIPS = [amp;" x="1">', 'xmlns:q="u"', '<q:x/>', 'const SNIPS = [#', 'const SNIPS = [#x', '\r\n', '\r', '😀', '\uFFFE', '<!DOCTYPE x>', '<?pi?>', '<?xml?>', '</xml>', '<xml>', '<', '>', '&', '/', '"', "'", '=', ']]>', '<br>', '</p>', '<!--', '-->', '&nbsp;', '&#x0;', ' ', ':', 'x:y', '<![CDATA[', '<?', '\u0001', '&bogus;', '--'];
async function main() {
  const o = WoodstoxOracle.start();
  const dir = '/work/shared/corpus/storage/valid';
  const files = readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
  let same = 0, diff = 0;
  for (let k = 0; k < 4000; k++) {
    const base = files[rnd(files.length)]!;
    const at = rnd(base.length + 1);
    const op = rnd(3);
    const body = op === 0 ? base.slice(0, at) + base.slice(at + 1 + rnd(3)) : op === 1 ? base.slice(0, at) + SNIPS[rnd(SNIPS.length)] + base.slice(at) : base.slice(0, at);
    const w = await o.check(body);
    const m = checkStorageXhtml(body);
    const wk = w.ok ? 'ok' : `${w.line}:${w.column} ${w.message}`;
    const mk = m.ok ? 'ok' : `${m.line}:${m.column} ${m.message}`;
    if (wk === mk) same++; else { diff++; if (diff < 25) console.log(JSON.stringify(body.slice(Math.max(0, at - 40), at + 40)), '\n  W:', wk, '\n  M:', mk); }
  }
  console.log({ same, diff });
  o.stop();
}
main();
