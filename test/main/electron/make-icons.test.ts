// The icon script: a correct PNG encoder, anti-aliased shapes, and committed PNGs that match
// what the SVG source gives today.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

interface IconScript {
  encodePng(pixels: Buffer, width: number, height: number): Buffer;
  render(shapes: unknown[], size: number, options?: { template?: boolean }): Buffer;
}

const root = path.resolve(__dirname, '../../..');
const script = (await import(pathToFileURL(path.join(root, 'scripts/make-icons.mjs')).href)) as IconScript;

function decode(png: Buffer): { width: number; height: number; pixels: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25]]).toEqual([8, 6]); // 8-bit RGBA
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const pixels = Buffer.alloc(width * height * 4);
  for (let row = 0; row < height; row++) {
    expect(raw[row * (width * 4 + 1)]).toBe(0);
    raw.copy(pixels, row * width * 4, row * (width * 4 + 1) + 1, (row + 1) * (width * 4 + 1));
  }
  return { width, height, pixels };
}

describe('make-icons', () => {
  it('encodes pixels a PNG decoder reads back', () => {
    const pixels = Buffer.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 40]);
    expect(decode(script.encodePng(pixels, 2, 2))).toEqual({ width: 2, height: 2, pixels });
  });

  it('draws a disc with soft edges: opaque centre, clear corner, partial alpha between', () => {
    const disc = [{ kind: 'circle', cx: 16, cy: 16, r: 15, color: [46, 158, 79] }];
    const pixels = script.render(disc, 32);
    const alpha = (x: number, y: number) => pixels[(y * 32 + x) * 4 + 3] ?? -1;
    expect(alpha(16, 16)).toBe(255);
    expect([...pixels.subarray((16 * 32 + 16) * 4, (16 * 32 + 16) * 4 + 3)]).toEqual([46, 158, 79]);
    expect(alpha(0, 0)).toBe(0);
    const edge = Array.from({ length: 32 }, (_, x) => alpha(x, 16)).filter((a) => a > 0 && a < 255);
    expect(edge.length).toBeGreaterThan(0);
  });

  it('committed tray icons match the SVG source (run `node scripts/make-icons.mjs` after editing it)', () => {
    const png = readFileSync(path.join(root, 'assets/tray/major_outage@2x.png'));
    const { width, pixels } = decode(png);
    expect(width).toBe(32);
    // Red disc, white cross through the centre.
    expect([...pixels.subarray((16 * 32 + 16) * 4, (16 * 32 + 16) * 4 + 4)]).toEqual([255, 255, 255, 255]);
    expect([...pixels.subarray((4 * 32 + 16) * 4, (4 * 32 + 16) * 4 + 4)]).toEqual([217, 48, 37, 255]);
    const template = decode(readFileSync(path.join(root, 'assets/tray/major_outageTemplate@2x.png'))).pixels;
    // Template: black, the glyph cut out so it reads without colour.
    expect(template[(16 * 32 + 16) * 4 + 3]).toBe(0);
    expect(template[(4 * 32 + 16) * 4 + 3]).toBe(255);
    expect(decode(readFileSync(path.join(root, 'assets/icon.png'))).width).toBe(512);
    expect(decode(readFileSync(path.join(root, 'assets/icon-256.png'))).width).toBe(256);
  });
});
