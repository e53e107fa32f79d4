#!/usr/bin/env node
// PNG screenshots of the real page (dist/, served locally, headless Chromium) for the docs:
//   docs/screenshots/desktop.png         a drawn 7, light theme, 1280×860
//   docs/screenshots/desktop-dark.png    an uploaded photo with its box and a table of several images, dark theme
//   docs/screenshots/phone.png           a drawn 4 on a 360×740 phone
//   docs/screenshots/phone-dark.png      the same phone, dark theme, an uploaded image
// Usage: npm run screenshots   (needs dist/ built: npm run build)
import fs from 'node:fs';
import path from 'node:path';
import {
  digitPng,
  drawWithMouse,
  drawWithTouch,
  ensureBuilt,
  launch,
  line,
  openPage,
  resultShown,
  ROOT,
  startServer,
  STROKES,
  waitReady,
} from '../tests/web/helpers.mjs';

const OUT = path.join(ROOT, 'docs', 'screenshots');
fs.mkdirSync(OUT, { recursive: true });

const FOUR = [line([0.55, 0.15], [0.25, 0.6], 10), line([0.25, 0.6], [0.78, 0.6], 8), line([0.6, 0.35], [0.6, 0.88], 10)];
// prettier-ignore
const THREE = [
  [
    [0.3, 0.22], [0.45, 0.15], [0.62, 0.17], [0.7, 0.28], [0.63, 0.42], [0.48, 0.48],
    [0.66, 0.55], [0.72, 0.7], [0.62, 0.83], [0.45, 0.86], [0.3, 0.8],
  ],
];

ensureBuilt();
const server = await startServer();
const browser = await launch();
const shots = [];
try {
  // Desktop, light: a drawn 7.
  {
    const { page, context } = await openPage(browser, server.url, { viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
    await drawWithMouse(page, STROKES.seven);
    await resultShown(page, { state: 'result' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(0, 0);
    shots.push(await shot(page, 'desktop.png'));
    await context.close();
  }
  // Desktop, dark: several images (table) then one image (box over the photo).
  {
    const { page, context } = await openPage(browser, server.url, { viewport: { width: 1280, height: 1000 }, colorScheme: 'dark' });
    const files = [
      ['digit-3.png', THREE],
      ['digit-7.png', STROKES.seven],
      ['digit-0.png', STROKES.zero],
      ['digit-1.png', STROKES.one],
    ].map(([name, strokes]) => ({ name, mimeType: 'image/png', buffer: digitPng(strokes, { size: 160 }) }));
    await page.setInputFiles('#file-input', files);
    await page.waitForFunction(
      () => document.querySelectorAll('#batch-rows tr').length === 4 && document.getElementById('batch-progress').hidden,
    );
    await page.setInputFiles('#file-input', [{ name: 'photo-of-a-3.png', mimeType: 'image/png', buffer: wideDigit(THREE) }]);
    await resultShown(page, { state: 'result' });
    await page.evaluate(() => window.scrollTo(0, 0));
    shots.push(await shot(page, 'desktop-dark.png'));
    await context.close();
  }
  // Phone, light: a 4 drawn with a finger.
  const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
  {
    const { page, context } = await openPage(browser, server.url, { ...phone, colorScheme: 'light' });
    await drawWithTouch(page, FOUR);
    await resultShown(page, { state: 'result' });
    await page.evaluate(() => window.scrollTo(0, 0));
    shots.push(await shot(page, 'phone.png'));
    await context.close();
  }
  // Phone, dark: the result of an uploaded image, scrolled to it.
  {
    const { page, context } = await openPage(browser, server.url, { ...phone, colorScheme: 'dark' });
    await waitReady(page);
    await page.setInputFiles('#file-input', [{ name: 'photo-of-a-3.png', mimeType: 'image/png', buffer: wideDigit(THREE) }]);
    await resultShown(page, { state: 'result' });
    await page.locator('#result-card').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    shots.push(await shot(page, 'phone-dark.png'));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
for (const s of shots) console.log(s);

async function shot(page, name) {
  await page.waitForTimeout(250); // let the bars finish their transition
  const file = path.join(OUT, name);
  await page.screenshot({ path: file });
  return `${path.relative(ROOT, file)}  ${(fs.statSync(file).size / 1024).toFixed(0)} KB`;
}

/** A wider "photo": the digit on grey paper with some margin, so the box shows. */
function wideDigit(strokes) {
  const shifted = strokes.map((s) => s.map(([x, y]) => [0.3 + x * 0.4, 0.1 + y * 0.8]));
  return digitPng(shifted, { size: 320, ink: 40, paper: 225, width: 0.035 });
}
