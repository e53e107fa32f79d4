// Shared by the Node tests: images made here (pngjs), MNIST when present, the native CLI.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { PNG } from 'pngjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const nativeCli = path.join(root, 'build/native/scrawl');

/** Gray pixels (w*h, 0..255) -> PNG bytes. */
export function pngFromGray(gray, width, height) {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    png.data[4 * i] = png.data[4 * i + 1] = png.data[4 * i + 2] = gray[i];
    png.data[4 * i + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** A white canvas with thick black strokes, like a person draws: segments [[x0,y0,x1,y1], ...]. */
export function drawStrokes(width, height, segments, lineWidth) {
  const gray = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of segments) {
    const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0)) + 1;
    for (let s = 0; s <= steps; s++) {
      const cx = x0 + ((x1 - x0) * s) / steps;
      const cy = y0 + ((y1 - y0) * s) / steps;
      for (let y = Math.floor(cy - lineWidth); y <= cy + lineWidth; y++)
        for (let x = Math.floor(cx - lineWidth); x <= cx + lineWidth; x++)
          if (x >= 0 && y >= 0 && x < width && y < height && Math.hypot(x - cx, y - cy) <= lineWidth / 2) gray[y * width + x] = 0;
    }
  }
  return gray;
}

export function grayToRgba(gray) {
  const rgba = new Uint8Array(gray.length * 4);
  for (let i = 0; i < gray.length; i++) {
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = gray[i];
    rgba[4 * i + 3] = 255;
  }
  return rgba;
}

export const mnistDir = process.env.SCRAWL_MNIST || path.join(root, '../shared/data/mnist');

/** MNIST test digits {images: Uint8Array(n*784), labels}, or null when the data is not here. */
export function mnistTest() {
  const dir = mnistDir;
  const file = (name) => {
    const gz = path.join(dir, name + '.gz');
    if (existsSync(gz)) return gunzipSync(readFileSync(gz));
    const raw = path.join(dir, name);
    return existsSync(raw) ? readFileSync(raw) : null;
  };
  const images = file('t10k-images-idx3-ubyte');
  const labels = file('t10k-labels-idx1-ubyte');
  if (!images || !labels) return null;
  return { images: images.subarray(16), labels: labels.subarray(8) };
}
export const realDir = process.env.SCRAWL_REAL || path.join(root, '../shared/data/real');
export const noReal = "real writers' data not found: set SCRAWL_REAL to the folder (expected ../shared/data/real)";

export const noMnist = 'MNIST not found: set SCRAWL_MNIST to the folder with the IDX files (expected ../shared/data/mnist)';

/** An ellipse outline as short segments for drawStrokes(). */
export function ringSegments(cx, cy, rx, ry) {
  const steps = 120;
  return Array.from({ length: steps }, (_, s) => {
    const a0 = (2 * Math.PI * s) / steps,
      a1 = (2 * Math.PI * (s + 1)) / steps;
    return [cx + rx * Math.cos(a0), cy + ry * Math.sin(a0), cx + rx * Math.cos(a1), cy + ry * Math.sin(a1)];
  });
}

/** "10.70-" on a 420×140 page, with a point and a dash among the digits, as a PNG. */
export function amountPng() {
  const segments = [
    [40, 30, 40, 110], // 1
    ...ringSegments(100, 70, 25, 40), // 0
    [146, 104, 150, 104], // a point
    [185, 30, 235, 30], // 7
    [235, 30, 200, 110],
    ...ringSegments(285, 70, 25, 40), // 0
    [340, 72, 372, 72], // a dash
  ];
  return pngFromGray(drawStrokes(420, 140, segments, 8), 420, 140);
}
