/**
 * "Not the same story" in Firefox: the reader marks a same-story article in the popup, the page's
 * analysis drops it, and the correction survives closing Firefox: a new Firefox on the same
 * profile, with the extension installed again, analyses the page again without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAnalysis } from '../../src/analysis-store.ts';
import {
  launchFirefox,
  mainText,
  openPopup,
  startNetwork,
  visit,
  waitForAnalysis,
  type FirefoxExtension,
  type Network,
} from './firefox-harness.ts';

let net: Network;
let ext: FirefoxExtension | null = null;

beforeAll(async () => {
  net = await startNetwork();
});

afterAll(async () => {
  await ext?.close();
  await net?.close();
});

describe('Firefox: a "not the same story" correction', () => {
  it('changes the result at once and after a restart', async () => {
    ext = await launchFirefox({ proxyPort: net.proxyPort });
    const url = net.fixtures.url('/test/fixtures/popup/diplomacy.html');
    await visit(ext, url);
    const first = await waitForAnalysis(ext, url);
    const target = first.analysis.related.find((r) => r.relation === 'same-story');
    if (!target) throw new Error('the fixture should have a same-story match');
    const relationOf = (a: StoredAnalysis) => a.related.find((r) => r.id === target.id)?.relation;

    const popup = await openPopup(ext, first.tabId);
    await expect.poll(() => mainText(popup)).toContain(target.title);
    const button = await popup.$(
      `button[aria-label=${JSON.stringify(`Not the same story: ${target.title}`)}]`,
    );
    if (!button) throw new Error('no "not the same story" button for the same-story match');
    await button.click();
    // The card moves from "Same story" to "Related coverage", marked as the reader's call.
    await expect
      .poll(() => mainText(popup), { timeout: 10_000 })
      .toContain('you marked it as not the same story');
    await waitForAnalysis(ext, url, (a) => relationOf(a) === 'related');

    // Close Firefox, keep the profile, start again on it.
    const { userDataDir } = ext;
    await ext.close({ keepProfile: true });
    ext = null;
    ext = await launchFirefox({ proxyPort: net.proxyPort, userDataDir });
    await visit(ext, url);
    const again = await waitForAnalysis(ext, url);
    expect(again.analysis.detection.label).toBe('us-china-diplomacy');
    expect(relationOf(again.analysis)).toBe('related');
    const sameBefore = first.analysis.related.filter((r) => r.relation === 'same-story');
    const sameAfter = again.analysis.related.filter((r) => r.relation === 'same-story');
    expect(sameAfter.map((r) => r.id)).toEqual(
      sameBefore.filter((r) => r.id !== target.id).map((r) => r.id),
    );
  });
});
