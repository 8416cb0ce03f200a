/**
 * `npm start`: build Backstory, serve the sample article on 127.0.0.1 and open it in Chromium with
 * the extension loaded. With a display: a browser window stays open until you close it. Without
 * one (or with --headless): prints the analysis, writes screenshots of the page and the popup, exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findChrome, INSTALL_HINT } from './chrome.ts';
import {
  launchExtension,
  openPopup,
  ROOT,
  serveFixtures,
  waitForAnalysis,
} from './extension-browser.ts';

const log = (line: string): void => void process.stderr.write(`${line}\n`);

if (!findChrome()) {
  log(INSTALL_HINT);
  process.exit(1);
}

if (!process.argv.includes('--no-build')) {
  log('Building Backstory…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    log(build.stdout);
    log('Build failed.');
    process.exit(1);
  }
}

const headless =
  process.argv.includes('--headless') || !process.env['DISPLAY'] || process.env['CI'] === 'true';
const server = await serveFixtures(join(ROOT, 'sample'));
const ext = await launchExtension({ headless });
const pageUrl = server.url('/article.html');
const page = await ext.context.newPage();
await page.setViewportSize({ width: 1200, height: 1000 });
await page.goto(pageUrl);
log(`Opened ${pageUrl} with Backstory loaded.`);

const { tabId, analysis } = await waitForAnalysis(
  ext.worker,
  pageUrl,
  (a) => a.highlights !== undefined || a.detection.label !== 'us-china-diplomacy',
);

if (!headless) {
  log('Backstory is running in the browser window. Click its toolbar icon for the popup.');
  log('Close the browser window to stop.');
  await new Promise<void>((done) => ext.context.on('close', () => done()));
  await server.close();
  process.exit(0);
}

process.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
const outDir = join(ROOT, 'out', 'start');
mkdirSync(outDir, { recursive: true });
const pagePng = join(outDir, 'page.png');
const popupPng = join(outDir, 'popup.png');
await page.bringToFront();
await page.screenshot({ path: pagePng });
const popup = await openPopup(ext, tabId);
await popup.waitForSelector('main h1');
// The popup has a fixed frame (as in the toolbar); capture that frame, not the tab around it.
await popup.locator('body').screenshot({ path: popupPng });
log(
  `Screenshots written to ${relative(ROOT, outDir)}/: page.png (the article with its highlighted quotes) and popup.png.`,
);
await ext.close();
await server.close();
