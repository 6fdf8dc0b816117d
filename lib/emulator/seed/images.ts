import { deflateSync } from 'node:zlib';

/** Small, real image files for the attachments page, generated so no binary sits in the repo. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A `size`×`size` RGB PNG with a diagonal gradient from `from` to `to` (RGB triples). */
export function gradientPng(
  size: number,
  from: [number, number, number],
  to: [number, number, number],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const rows: number[] = [];
  for (let y = 0; y < size; y += 1) {
    rows.push(0);
    for (let x = 0; x < size; x += 1) {
      const t = (x + y) / (2 * (size - 1));
      for (let c = 0; c < 3; c += 1) rows.push(Math.round(from[c]! + (to[c]! - from[c]!) * t));
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small architecture diagram as SVG. */
export function diagramSvg(): Buffer {
  const svg = [
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">',
    '<rect x="4" y="20" width="90" height="40" rx="6" fill="#deebff" stroke="#0052cc"/>',
    '<text x="49" y="45" font-family="sans-serif" font-size="12" text-anchor="middle">Editor</text>',
    '<path d="M94 40 H146" stroke="#172b4d" stroke-width="2"/>',
    '<rect x="146" y="20" width="90" height="40" rx="6" fill="#e3fcef" stroke="#00875a"/>',
    '<text x="191" y="45" font-family="sans-serif" font-size="12" text-anchor="middle">Confluence</text>',
    '</svg>',
  ].join('');
  return Buffer.from(svg, 'utf8');
}
