/**
 * Renders Backstory's toolbar icon (an SVG drawn here) to the PNG sizes the manifest lists.
 * Run once after changing the design: `npx tsx scripts/make-icons.ts` (needs Chromium).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChrome } from './chrome.ts';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#8a2432"/>
  <rect x="30" y="28" width="54" height="72" rx="6" fill="#f6efe4"/>
  <rect x="44" y="36" width="54" height="72" rx="6" fill="#fff" stroke="#f6efe4" stroke-width="3"/>
  <rect x="53" y="50" width="36" height="7" rx="3" fill="#8a2432"/>
  <rect x="53" y="64" width="36" height="7" rx="3" fill="#e2b14a"/>
  <rect x="53" y="78" width="24" height="7" rx="3" fill="#8a2432"/>
</svg>`;

const browser = await chromium.launch({
  executablePath: findChrome() ?? undefined,
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `public/icons/icon-${size}.png`, omitBackground: true });
}
await browser.close();
console.log('wrote public/icons/icon-{16,32,48,128}.png');
