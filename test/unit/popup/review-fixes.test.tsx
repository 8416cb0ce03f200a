/**
 * What a review of the popup and options screenshots found: one state says one thing once, a
 * failed save reads in reader words, and the popup's and options page's spacing lines up.
 */
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserMock } from '../browser-mock.ts';
import { settle, useRenderRoot } from './render-root.ts';

vi.mock('../../../src/browser.ts', () => ({ default: browserMock }));
const { App } = await import('../../../popup/App.tsx');
const { SavePage } = await import('../../../popup/SavePage.tsx');

const root = useRenderRoot();

describe('the popup for a tab with no analysis', () => {
  it('says there is none, once, with no "Analysing" heading and no loading placeholders', async () => {
    act(() => render(<App initial={{ status: 'ready', tabId: null, analysis: null }} />, root()));
    await settle();
    const el = root();
    expect(el.querySelector('h1')?.textContent).toBe('No analysis for this tab');
    expect(el.textContent).not.toContain('Analysing');
    expect(el.querySelector('.skeleton, .bone')).toBeNull();
    expect(el.textContent?.split('No analysis for this tab')).toHaveLength(2);
  });
});

describe('"Save this page" when the save fails', () => {
  const TAB = 987_655;
  let tabExists: boolean;
  beforeEach(() => {
    vi.spyOn(browserMock.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: `No tab with id: ${TAB}.`,
    });
    tabExists = false;
    Object.assign(browserMock.tabs, {
      get: vi.fn(async (id: number) => {
        if (!tabExists) throw new Error(`No tab with id: ${id}.`);
        return { id };
      }),
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function failedSave(): Promise<HTMLElement> {
    act(() => render(<SavePage tabId={TAB} />, root()));
    act(() => root().querySelector('button')?.click());
    await settle();
    const status = root().querySelector<HTMLElement>('[role="status"]');
    expect(status).not.toBeNull();
    return status!;
  }

  it('says why in reader words when the tab was closed, the technical message only as a tooltip', async () => {
    const status = await failedSave();
    expect(status.textContent).toBe('Could not save this page: its tab has been closed.');
    expect(status.textContent).not.toContain(String(TAB));
    expect(status.getAttribute('title')).toBe(`No tab with id: ${TAB}.`);
  });

  it('says what to try when the tab is still open', async () => {
    tabExists = true;
    const status = await failedSave();
    expect(status.textContent).toBe(
      'Could not save this page: Backstory could not read it. Reload the page and try again.',
    );
    expect(status.getAttribute('title')).toBe(`No tab with id: ${TAB}.`);
  });

  it('in Chinese too', async () => {
    browserMock.i18n.useLocale('zh_CN');
    try {
      const status = await failedSave();
      expect(status.textContent).toBe('这个页面没能保存：它所在的标签页已经关闭。');
    } finally {
      browserMock.i18n.useLocale('en');
    }
  });
});

describe('spacing', () => {
  const css = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
  let style: HTMLStyleElement;
  afterEach(() => style.remove());
  const useSheets = (...paths: string[]): void => {
    style = document.createElement('style');
    style.textContent = paths.map(css).join('\n');
    document.head.append(style);
  };

  it('the Save button and the library notice line up with the rest of the popup', () => {
    useSheets('../../../popup/theme.css', '../../../popup/popup.css');
    root().innerHTML = `<main class="scroll">
      <h1 class="page-title">Title</h1>
      <p class="library-notice">Notice</p>
      <div class="save-page"><button type="button">Save this page</button>
        <span class="problem">Could not save this page.</span></div>
      <p class="empty">Text</p></main>`;
    const left = (sel: string): string => getComputedStyle(root().querySelector(sel)!).marginLeft;
    const baseline = left('.page-title');
    expect(left('.library-notice')).toBe(baseline);
    expect(left('.save-page')).toBe(baseline);
    expect(left('.empty')).toBe(baseline);
    // The button keeps its label on one line, whatever the message beside it.
    expect(getComputedStyle(root().querySelector('.save-page button')!).whiteSpace).toBe('nowrap');
  });

  it('the options page leaves space above the library count', () => {
    useSheets('../../../popup/theme.css', '../../../options/options.css');
    root().innerHTML = `<div class="options"><section>
      <form class="add"><label>Add</label><div class="row"><input /></div></form>
      <p class="library-count">1 article in your library</p></section></div>`;
    const top = parseFloat(getComputedStyle(root().querySelector('.library-count')!).marginTop);
    expect(top).toBeGreaterThanOrEqual(8);
  });
});
