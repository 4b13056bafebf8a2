#!/usr/bin/env node
// Rasterises assets/icon-source.svg into the PNGs the app and its packages use:
//   assets/tray/<level>.png (16 px) and <level>@2x.png (32 px)         Windows, macOS (colour)
//   assets/tray/<level>-32.png (32 px) and <level>-32@2x.png (64 px)   Linux panels (22-48 px)
//   assets/tray/<level>Template.png (16 px) and @2x (32 px)            macOS template images
//   assets/icon.png (512 px), assets/icon-256.png (256 px)             application icon
// No image library: shapes are drawn from signed distances (one pixel of anti-aliasing) and the
// PNGs are written with node's zlib. Only what the source uses is understood: <rect rx>,
// <circle> (filled) and <line> (stroked, round caps), with explicit attributes.
import { deflateSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'assets');
const LEVELS = ['operational', 'maintenance', 'degraded', 'partial_outage', 'major_outage', 'unknown'];
const VIEW = 32; // each group is drawn in a 32x32 box

// ---- reading the source -------------------------------------------------------------------------

function attributes(tag) {
  const result = {};
  for (const [, name, value] of tag.matchAll(/([\w-]+)="([^"]*)"/g)) result[name] = value;
  return result;
}

function parseColor(hex) {
  const match = /^#([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!match) throw new Error(`unsupported colour ${hex}`);
  const n = parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function readGroup(svg, id) {
  const match = new RegExp(`<g id="${id}"[^>]*>([\\s\\S]*?)</g>`).exec(svg);
  if (!match) throw new Error(`group ${id} missing from icon-source.svg`);
  const shapes = [];
  for (const [tag, name] of match[1].matchAll(/<(rect|circle|line)\b[^>]*\/>/g)) {
    const a = attributes(tag);
    const num = (key) => Number(a[key] ?? 0);
    if (name === 'circle') shapes.push({ kind: 'circle', cx: num('cx'), cy: num('cy'), r: num('r'), color: parseColor(a.fill) });
    if (name === 'rect') shapes.push({ kind: 'rect', x: num('x'), y: num('y'), w: num('width'), h: num('height'), rx: num('rx'), color: parseColor(a.fill) });
    if (name === 'line') shapes.push({ kind: 'line', x1: num('x1'), y1: num('y1'), x2: num('x2'), y2: num('y2'), half: num('stroke-width') / 2, color: parseColor(a.stroke) });
  }
  if (shapes.length === 0) throw new Error(`group ${id} has no shapes`);
  return shapes;
}

// ---- drawing ------------------------------------------------------------------------------------

/** Signed distance (negative inside) from point (x, y) to the shape, in source units. */
function distance(shape, x, y) {
  switch (shape.kind) {
    case 'circle':
      return Math.hypot(x - shape.cx, y - shape.cy) - shape.r;
    case 'line': {
      const dx = shape.x2 - shape.x1;
      const dy = shape.y2 - shape.y1;
      const t = Math.max(0, Math.min(1, ((x - shape.x1) * dx + (y - shape.y1) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(x - (shape.x1 + t * dx), y - (shape.y1 + t * dy)) - shape.half;
    }
    case 'rect': {
      const qx = Math.abs(x - (shape.x + shape.w / 2)) - shape.w / 2 + shape.rx;
      const qy = Math.abs(y - (shape.y + shape.h / 2)) - shape.h / 2 + shape.rx;
      return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - shape.rx;
    }
  }
  throw new Error(`unknown shape ${shape.kind}`);
}

/** Draws the shapes into an RGBA buffer of size x size. template: black, later shapes cut out. */
export function render(shapes, size, { template = false } = {}) {
  const scale = size / VIEW;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / scale;
      const y = (py + 0.5) / scale;
      let r = 0, g = 0, b = 0, a = 0; // premultiplied
      shapes.forEach((shape, index) => {
        const coverage = Math.max(0, Math.min(1, 0.5 - distance(shape, x, y) * scale));
        if (coverage === 0) return;
        if (template) {
          a = index === 0 ? coverage : a * (1 - coverage);
          return;
        }
        const [sr, sg, sb] = shape.color;
        r = sr * coverage + r * (1 - coverage);
        g = sg * coverage + g * (1 - coverage);
        b = sb * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      });
      const offset = (py * size + px) * 4;
      if (template) {
        pixels[offset + 3] = Math.round(a * 255);
      } else if (a > 0) {
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
        pixels[offset + 3] = Math.round(a * 255);
      }
    }
  }
  return pixels;
}

// ---- PNG ----------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 255] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA, 8 bits per channel, no interlace; each row with filter 0. */
export function encodePng(pixels, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let row = 0; row < height; row++) {
    pixels.copy(raw, row * (width * 4 + 1) + 1, row * width * 4, (row + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- output -------------------------------------------------------------------------------------

function write(path, shapes, size, options) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodePng(render(shapes, size, options), size, size));
  return path;
}

export function makeIcons() {
  const svg = readFileSync(join(assets, 'icon-source.svg'), 'utf8');
  const written = [];
  for (const level of LEVELS) {
    const shapes = readGroup(svg, `level-${level}`);
    const tray = join(assets, 'tray');
    written.push(
      write(join(tray, `${level}.png`), shapes, 16),
      write(join(tray, `${level}@2x.png`), shapes, 32),
      write(join(tray, `${level}-32.png`), shapes, 32),
      write(join(tray, `${level}-32@2x.png`), shapes, 64),
      write(join(tray, `${level}Template.png`), shapes, 16, { template: true }),
      write(join(tray, `${level}Template@2x.png`), shapes, 32, { template: true }),
    );
  }
  const app = readGroup(svg, 'app');
  written.push(write(join(assets, 'icon.png'), app, 512), write(join(assets, 'icon-256.png'), app, 256));
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = makeIcons();
  console.log(`wrote ${written.length} icons under assets/`);
}
