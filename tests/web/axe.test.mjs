// axe-core (npm), run in the page: no serious or critical accessibility violation on the empty
// page, after drawing, after an upload, and with a batch table, in light and dark mode.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { digitPng, digitShown, drawWithMouse, file, STROKES, useBrowser, waitReady } from './helpers.mjs';

const web = useBrowser();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The serious and critical violations axe finds on the page as it is now, as "rule: target" lines. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary.split('\n')[1]?.trim()})`));
  });
  return found;
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe: no serious or critical violation, empty, drawn, uploaded and with a batch (${colorScheme})`, async () => {
    // axe is added as a script of its own, which the page's Content-Security-Policy would refuse.
    const context = await web.browser.newContext({ serviceWorkers: 'block', bypassCSP: true, colorScheme });
    const page = await context.newPage();
    await page.goto(web.server.url);
    await waitReady(page);
    assert.deepEqual(await violations(page), [], 'the empty page');

    await drawWithMouse(page, STROKES.seven);
    await digitShown(page, 7);
    assert.deepEqual(await violations(page), [], 'after drawing');

    await page.setInputFiles('#file-input', [file('one.png', digitPng(STROKES.one))]);
    await digitShown(page, 1);
    assert.deepEqual(await violations(page), [], 'after an upload');

    await page.setInputFiles('#file-input', [file('a.png', digitPng(STROKES.zero)), file('b.txt', Buffer.from('text'), 'text/plain')]);
    await page.waitForFunction(
      () => document.querySelectorAll('#batch-rows tr').length === 2 && document.getElementById('batch-progress').hidden,
    );
    assert.deepEqual(await violations(page), [], 'with a batch table');
    await context.close();
  });
}
