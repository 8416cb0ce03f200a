/**
 * `npm start [-- --headless] [-- --json] [-- --no-build]`: build Backstory, serve the sample
 * article on 127.0.0.1 and open it in Chromium (or Chrome, Edge, Brave) with the extension loaded.
 * On a desktop (macOS, Windows, Linux with X11 or Wayland) a browser window stays open until you
 * close it. Without one, or with --headless: prints a short summary of the analysis (the whole
 * JSON with --json), writes screenshots of the page, the page with a quote's card open and the
 * whole popup, and exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findChrome, INSTALL_HINT, runsHeadless, thisSystem } from './chrome.ts';
import {
  launchExtension,
  openPopup,
  ROOT,
  serveFixtures,
  unfoldPopup,
  waitForAnalysis,
} from './extension-browser.ts';
import { startSummary } from './start-summary.ts';

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const args = process.argv.slice(2);
const known = ['--headless', '--json', '--no-build'];
const unknown = args.find((a) => !known.includes(a));
if (unknown) {
  log(`npm start: unknown option ${unknown} (options: ${known.join(', ')})`);
  process.exit(2);
}

const sys = thisSystem();
const browserPath = findChrome(sys);
if (!browserPath) {
  log(INSTALL_HINT);
  process.exit(1);
}

if (!args.includes('--no-build')) {
  log('Building Backstory…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    log(build.stdout);
    log('Build failed.');
    process.exit(1);
  }
}

const headless = runsHeadless(args, sys);
const server = await serveFixtures(join(ROOT, 'sample'));
const ext = await launchExtension({ headless });
const pageUrl = server.url('/article.html');
const page = await ext.context.newPage();
await page.setViewportSize({ width: 1200, height: 1000 });
await page.goto(pageUrl);
log(`Opened ${pageUrl} in ${browserPath} with Backstory loaded.`);

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

const outDir = join(ROOT, 'out', 'start');
mkdirSync(outDir, { recursive: true });
const shots: string[] = [];
const shot = (name: string): string => {
  shots.push(relative(ROOT, join(outDir, name)));
  return join(outDir, name);
};

await page.bringToFront();
await page.screenshot({ path: shot('page.png') });
if (analysis.highlights?.anchored) {
  // The card opens on the first highlighted quote from the keyboard, as a reader would open it.
  await page.keyboard.press('Alt+Shift+KeyB');
  await page.waitForTimeout(600);
  await page.screenshot({ path: shot('card.png') });
  await page.keyboard.press('Escape');
}

const popup = await openPopup(ext, tabId);
await popup.waitForSelector('main h1');
await unfoldPopup(popup);
await popup.screenshot({ path: shot('popup.png'), fullPage: true });
await ext.close();
await server.close();

if (args.includes('--json')) process.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
else process.stdout.write(`${startSummary(analysis, shots).join('\n')}\n`);
