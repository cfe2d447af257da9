// Draws Vangnet's icons (a safety net hung between two posts) straight into PNG files with
// node:zlib, so making them needs no image tools, no browser and no network. Run it after changing
// the drawing: `node build/makeIcons.mjs`; the PNGs are committed, the bundle copies them to dist.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'icons');

const TEAL_TOP = [20, 136, 128];
const TEAL_BOTTOM = [13, 94, 89];
const WHITE = [255, 255, 255];

/** The net, in unit coordinates (y down). Small sizes get thicker ropes so they survive 16 px. */
function drawing(size) {
  const stroke = size <= 16 ? 0.085 : size <= 32 ? 0.065 : 0.04;
  const left = 0.2;
  const right = 0.8;
  const top = 0.33;
  const sag = (depth) => (x) => top + depth * (1 - ((x - 0.5) / (right - 0.5)) ** 2);
  const slope = (depth) => (x) => (-2 * depth * (x - 0.5)) / (right - 0.5) ** 2;
  const ropes = [{ f: sag(0.42), df: slope(0.42) }, ...(size > 16 ? [{ f: sag(0.21), df: slope(0.21) }] : [])];
  const strings = size > 16 ? [0.35, 0.5, 0.65] : [0.5];

  return function inNet(x, y) {
    if (x < left - stroke || x > right + stroke) return false;
    // The top rope, with round ends that read as posts.
    if (Math.abs(y - top) < stroke / 2 && x >= left && x <= right) return true;
    for (const [px] of [[left], [right]]) if (Math.hypot(x - px, y - top) < stroke * 0.9) return true;
    const bottom = ropes[0].f(x);
    for (const rope of ropes) {
      // Distance to a curve ~ vertical gap scaled by its slope; exact enough at icon sizes.
      const d = Math.abs(y - rope.f(x)) / Math.sqrt(1 + rope.df(x) ** 2);
      if (d < stroke / 2 && x >= left && x <= right && y >= top) return true;
    }
    for (const sx of strings) if (Math.abs(x - sx) < stroke / 2 && y >= top && y <= bottom) return true;
    return false;
  };
}

function inRoundedSquare(x, y, margin, radius) {
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** RGBA pixels, 4x4 supersampled so edges are anti-aliased. */
function render(size) {
  const inNet = drawing(size);
  const margin = size <= 32 ? 0.02 : 0.06;
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!inRoundedSquare(x, y, margin, 0.2)) continue;
          if (inNet(x, y)) fg += 1;
          else bg += 1;
        }
      }
      const total = n * n;
      const t = py / size;
      const teal = TEAL_TOP.map((c, i) => c + (TEAL_BOTTOM[i] - c) * t);
      const covered = bg + fg;
      const o = (py * size + px) * 4;
      for (let i = 0; i < 3; i += 1) {
        pixels[o + i] = covered ? Math.round((teal[i] * bg + WHITE[i] * fg) / covered) : 0;
      }
      pixels[o + 3] = Math.round((255 * covered) / total);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // Each scanline starts with filter byte 0 (none); zlib does the compressing.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// tray.png + tray@2x.png: Electron's nativeImage picks the @2x file on HiDPI screens by itself.
const outputs = [
  ['tray.png', 16],
  ['tray@2x.png', 32],
  ['icon.png', 512],
];

fs.mkdirSync(outDir, { recursive: true });
for (const [name, size] of outputs) {
  fs.writeFileSync(path.join(outDir, name), encodePng(size, render(size)));
  process.stdout.write(`build/icons/${name} (${size}x${size})\n`);
}
