/**
 * The interface in Simplified Chinese, in a real Chromium whose own language is zh-CN (`--lang`
 * and, on Linux, `LANGUAGE`): the popup on a US–China diplomacy article and on an unrelated one,
 * the options page and the toolbar button's title speak Chinese, including the reasons; axe finds
 * nothing serious in either scheme; screenshots go to out/screens/*-zh-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../_locales/en/messages.json' with { type: 'json' };
import zh from '../../_locales/zh_CN/messages.json' with { type: 'json' };
import { openPopup, tabOfPage, waitForAnalysis, useExtension } from './harness.ts';
import { axeBothSchemes, screenshots, timelineShots } from './popup-helpers.ts';

const suite = useExtension({ lang: 'zh-CN' });

const text = (page: Page): Promise<string> => page.locator('body').innerText();

/** The interface's English sentences (no placeholders, 20 characters or more) found in `shown`. */
function untranslated(shown: string): string[] {
  const chinese = zh as Record<string, { message: string }>;
  return Object.entries(en as Record<string, { message: string; placeholders?: object }>)
    .filter(
      ([k, m]) => !m.placeholders && m.message.length >= 20 && chinese[k]?.message !== m.message,
    )
    .map(([, m]) => m.message)
    .filter((m) => shown.includes(m));
}

async function visit(name: string): Promise<{ page: Page; url: string }> {
  const page = await suite.ext.context.newPage();
  const url = suite.server.url(`/test/fixtures/popup/${name}.html`);
  await page.goto(url);
  return { page, url };
}

describe('the interface in a Chinese browser', () => {
  it('the browser really picked the Chinese messages', async () => {
    // (Headless Chromium may still report en-US from getUILanguage; the messages it chose are
    // what the reader sees.)
    const [chosen, name] = await suite.ext.worker.evaluate(() => [
      chrome.i18n.getMessage('locale'),
      chrome.i18n.getMessage('analyseAnyway'),
    ]);
    expect(chosen).toBe('zh-CN');
    expect(name).toBe('仍然分析');
  });

  it('the popup on a diplomacy article: headings, dates, reasons and the badge title', async () => {
    const { page, url } = await visit('diplomacy');
    const { tabId, analysis } = await waitForAnalysis(
      suite.ext.worker,
      url,
      (a) => a.highlights !== undefined,
    );
    expect(analysis.detection.label).toBe('us-china-diplomacy');
    const title = await suite.ext.worker.evaluate(
      (id) => chrome.action.getTitle({ tabId: id }),
      tabId,
    );
    expect(title).toMatch(/^Backstory：中美外交；同一新闻 \d+ 篇，相关报道 \d+ 篇$/);

    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => text(popup)).toContain('Xi letter strikes warmer tone');
    expect(await popup.locator('html').getAttribute('lang')).toBe('zh-CN');
    const shown = await text(popup);
    for (const words of ['同一新闻', '相关报道', '本页引语', '前情背景', '中美外交', '设置']) {
      expect(shown).toContain(words);
    }
    // Dates in Chinese form, and no sentence of the interface left in English.
    expect(shown).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(untranslated(shown)).toEqual([]);
    // Why each article is listed, each other wording matched and each event is in the timeline,
    // formatted from its code and parameters in Chinese.
    const why = await popup.locator('ul.why li').allTextContents();
    expect(why.length).toBeGreaterThan(0);
    for (const line of why) expect(line).toMatch(/\p{Script=Han}/u);
    const all = await popup.locator('body').textContent();
    const reasons = [
      ...analysis.related.flatMap((x) => x.why),
      ...analysis.quotes.flatMap((q) => q.matches.flatMap((m) => m.why ?? [])),
      ...analysis.context.flatMap((c) => c.why ?? []),
    ];
    expect(reasons.some((r) => r.code === 'covers-remark')).toBe(true);
    for (const r of reasons) expect(all).not.toContain(r.text);
    expect(await axeBothSchemes(popup)).toEqual([]);
    await screenshots(popup, popup.locator('body'), 'popup-zh-diplomacy');
    // The quotes and the timeline with the first event's reasons open, photographed.
    await popup.locator('.why-here summary').first().click();
    for (const section of ['quotes-h', 'context-h']) {
      await popup.locator(`#${section}`).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await screenshots(popup, popup.locator('body'), `popup-zh-diplomacy-${section.slice(0, -2)}`);
    }
    // The timeline's events in Chinese, durations and figures too (the events' zh text).
    const timeline = popup.locator('.timeline').first();
    const events = await timeline.locator('li.event:not(.now) .event-title').allTextContents();
    expect(events.length).toBeGreaterThan(0);
    for (const title of events) expect(title).toMatch(/\p{Script=Han}/u);
    const meta = await timeline.locator('li.event:not(.now) .meta').allTextContents();
    for (const line of meta) expect(line).not.toMatch(/minutes|hours?\b/);
    for (const line of await timeline.locator('.figures').allTextContents())
      expect(line).not.toMatch(/aircraft|\(|, /);
    await timelineShots(popup, 'popup-zh-diplomacy-timeline');
    await popup.close();
    await page.close();
  });

  it('the popup on an unrelated article gives its label and reasons in Chinese', async () => {
    const { page, url } = await visit('unrelated');
    const popup = await openPopup(suite.ext, await tabOfPage(suite.ext.worker, url));
    const { analysis } = await waitForAnalysis(suite.ext.worker, url);
    expect(analysis.detection.label).toBe('unrelated');
    await expect.poll(() => text(popup)).toContain('与中美关系无关');
    const shown = await text(popup);
    expect(shown).toContain('判断依据');
    // Each reason is formatted from its code and parameters in Chinese, not its English text.
    const items = await popup.locator('.reasons li').allInnerTexts();
    expect(items).toHaveLength(analysis.detection.reasons.length);
    for (const item of items) expect(item).toMatch(/\p{Script=Han}/u);
    for (const r of analysis.detection.reasons) expect(shown).not.toContain(r.text);
    expect(shown).toContain('仍然分析');
    expect(untranslated(shown)).toEqual([]);
    expect(await axeBothSchemes(popup)).toEqual([]);
    await screenshots(popup, popup.locator('body'), 'popup-zh-unrelated');
    await popup.close();
    await page.close();
  });

  it('the options page', async () => {
    const page = await suite.ext.context.newPage();
    await page.goto(`chrome-extension://${suite.ext.extensionId}/options/index.html`);
    await expect.poll(() => text(page)).toMatch(/\d+ 篇文章，来自 1 家署名媒体/);
    expect(await page.title()).toBe('Backstory 设置');
    const shown = await text(page);
    expect(shown).toContain('你读的任何内容都不会离开你的浏览器');
    expect(untranslated(shown)).toEqual([]);
    expect(await axeBothSchemes(page)).toEqual([]);
    await screenshots(page, page.locator('body'), 'options-zh');
    await page.close();
  });
});
