/**
 * `npm start` on a machine without a display (DISPLAY and WAYLAND_DISPLAY unset, no --headless):
 * it runs headless by itself, prints a short summary instead of the analysis as JSON, and writes
 * a popup.png as tall as the whole popup, every section in it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  launchExtension,
  openPopup,
  ROOT,
  serveFixtures,
  unfoldPopup,
  waitForAnalysis,
} from '../../scripts/extension-browser.ts';

const OUT = join(ROOT, 'out/start');

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function runStart(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DISPLAY'];
  delete env['WAYLAND_DISPLAY'];
  delete env['CI'];
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/start.ts', '--no-build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

// On macOS and Windows a desktop is always there, so `npm start` would open a window.
describe.runIf(process.platform === 'linux')('npm start without a display', () => {
  it('prints the summary and writes a popup.png of the whole popup', async () => {
    rmSync(OUT, { recursive: true, force: true });
    const run = await runStart();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('browser window');

    // A short summary, not the analysis as JSON.
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(run.stdout).not.toMatch(/^\s*[{[]/m);
    expect(lines[0]).toBe(
      'Page: Xi signals thaw in letter to US audience days before virtual summit with Biden',
    );
    expect(lines).toContain('Verdict: about US–China diplomacy');
    for (const label of ['Related coverage: ', 'Quotes: ', 'Prior context: ', 'Highlighted on'])
      expect(
        lines.some((l) => l.startsWith(label)),
        label,
      ).toBe(true);
    const shots = ['out/start/page.png', 'out/start/card.png', 'out/start/popup.png'];
    expect(lines.at(-1)).toBe(`Screenshots: ${shots.join(', ')}`);
    for (const shot of shots) expect(existsSync(join(ROOT, shot)), shot).toBe(true);

    // The whole popup, in a browser of our own: unfolded as npm start unfolds it, nothing may
    // stay hidden in a scrolling box, every section and the footer are inside the picture.
    const server = await serveFixtures(join(ROOT, 'sample'));
    const ext = await launchExtension();
    try {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 1200, height: 1000 });
      const url = server.url('/article.html');
      await page.goto(url);
      const { tabId } = await waitForAnalysis(ext.worker, url, (a) => a.highlights !== undefined);
      const popup = await openPopup(ext, tabId);
      await popup.waitForSelector('main h1');
      const viewport = await popup.evaluate(() => window.innerHeight);
      await unfoldPopup(popup);
      const measured = await popup.evaluate(() => {
        const main = document.querySelector('main') as HTMLElement;
        const footer = document.querySelector('footer') as HTMLElement;
        return {
          height: document.documentElement.scrollHeight,
          hiddenInMain: main.scrollHeight - main.clientHeight,
          footerBottom: footer.getBoundingClientRect().bottom,
          sections: [...document.querySelectorAll('main h2')].map((h) => ({
            id: h.id,
            bottom: h.getBoundingClientRect().bottom,
          })),
        };
      });
      expect(measured.sections.map((s) => s.id)).toEqual(
        expect.arrayContaining(['same-h', 'related-h', 'quotes-h', 'context-h']),
      );
      expect(measured.hiddenInMain).toBeLessThanOrEqual(1);

      const { width, height } = pngSize(join(OUT, 'popup.png'));
      expect(width).toBeGreaterThanOrEqual(400);
      expect(height).toBeGreaterThan(viewport);
      expect(Math.abs(height - measured.height)).toBeLessThanOrEqual(2);
      expect(measured.footerBottom).toBeLessThanOrEqual(height + 1);
      for (const s of measured.sections) expect(s.bottom, s.id).toBeLessThan(height);
    } finally {
      await ext.close();
      await server.close();
    }
  });
});
