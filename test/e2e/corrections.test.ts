/**
 * "Not the same story", end to end: the reader marks a same-story article in the popup, the
 * page's analysis drops it, and the correction survives closing the browser: a new persistent
 * context on the same profile analyses the page again without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DIST_UNDER_TEST,
  launchExtension,
  openPopup,
  ROOT,
  serveFixtures,
  waitForAnalysis,
  type Extension,
  type FixtureServer,
} from './harness.ts';

let server: FixtureServer;
let ext: Extension | null = null;

beforeAll(async () => {
  server = await serveFixtures(ROOT);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('a "not the same story" correction', () => {
  it('changes the result at once and after a browser restart', async () => {
    ext = await launchExtension({ dist: DIST_UNDER_TEST });
    const url = server.url('/test/fixtures/popup/diplomacy.html');
    let page = await ext.context.newPage();
    await page.goto(url);
    const first = await waitForAnalysis(ext.worker, url);
    const target = first.analysis.related.find((r) => r.relation === 'same-story');
    if (!target) throw new Error('the fixture should have a same-story match');

    const popup = await openPopup(ext, first.tabId);
    await popup
      .getByRole('button', { name: `Not the same story: ${target.title}`, exact: true })
      .click();
    // The card moves from "Same story" to "Related coverage", marked as the reader's call.
    const sameTitles = () => popup.locator('section:has(#same-h) .card-title').allInnerTexts();
    await expect.poll(sameTitles).not.toContain(target.title);
    expect(await popup.locator('section:has(#related-h)').innerText()).toContain(target.title);
    expect(await popup.locator('section:has(#related-h)').innerText()).toContain(
      'you marked it as not the same story',
    );
    const relationOf = (a: { related: Array<{ id: string; relation: string }> }) =>
      a.related.find((r) => r.id === target.id)?.relation;
    await waitForAnalysis(ext.worker, url, (a) => relationOf(a) === 'related');

    // Close the browser, keep the profile, start again on it.
    await popup.close();
    const { userDataDir } = ext;
    await ext.close({ keepProfile: true });
    ext = await launchExtension({ userDataDir, dist: DIST_UNDER_TEST });
    page = await ext.context.newPage();
    await page.goto(url);
    const again = await waitForAnalysis(ext.worker, url);
    expect(again.analysis.detection.label).toBe('us-china-diplomacy');
    expect(relationOf(again.analysis)).toBe('related');
    const sameBefore = first.analysis.related.filter((r) => r.relation === 'same-story');
    const sameAfter = again.analysis.related.filter((r) => r.relation === 'same-story');
    expect(sameAfter.map((r) => r.id)).toEqual(
      sameBefore.filter((r) => r.id !== target.id).map((r) => r.id),
    );

    // The options page counts the correction and can forget it.
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options/index.html`);
    await expect.poll(() => options.locator('main').innerText()).toContain('You marked 1 article');
    await options.getByRole('button', { name: 'Forget my corrections' }).click();
    await expect
      .poll(() => options.locator('main').innerText())
      .toContain('You have not marked any article');
  });
});
