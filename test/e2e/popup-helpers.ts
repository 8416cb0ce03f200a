/** Helpers for the popup's end-to-end tests: accessibility checks and screenshots. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Reason } from '../../src/core/reasons.ts';
import { ROOT } from './harness.ts';

/**
 * A detection reason as the English popup shows it: its English text, but a page that is not an
 * article gives only the finding under the label (the popup does not repeat "Not an article").
 */
export function shownReason(r: Reason): string {
  if (r.code !== 'not-article') return r.text;
  return r.params.why.charAt(0).toUpperCase() + r.params.why.slice(1);
}

export const SHOTS = join(ROOT, 'out/screens');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Run axe-core inside the page; returns the serious and critical violations. Extension pages
 * forbid inline scripts (CSP `script-src 'self'`), so `addScriptTag` cannot inject axe there:
 * it is evaluated through the DevTools protocol instead, which the page's CSP does not govern.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    interface AxeResults {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[] }>;
      }>;
    }
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Check axe in the light and the dark scheme (colour contrast differs). */
export async function axeBothSchemes(page: Page): Promise<AxeViolation[]> {
  const found: AxeViolation[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await seriousViolations(page)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/**
 * Screenshots of `target` (an element, or the page's viewport) in the light and the dark scheme,
 * as out/screens/<name>-light.png and <name>-dark.png.
 */
export async function screenshots(page: Page, target: Locator | Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await target.screenshot({
      path: join(SHOTS, `${name}-${colorScheme}.png`),
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * Screenshots of the popup's whole timeline (`<name>-light.png`, `<name>-dark.png`): the popup's
 * fixed frame is let out to the content's height for the photograph, then put back.
 */
export async function timelineShots(popup: Page, name: string): Promise<void> {
  const frame =
    'body { height: auto !important; } .shell, #app { height: auto !important; } .scroll { overflow: visible !important; }';
  const style = await popup.addStyleTag({ content: frame });
  await screenshots(popup, popup.locator('.timeline').first(), name);
  await style.evaluate((el) => (el as Element).remove());
}
