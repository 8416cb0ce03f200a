import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CorpusSummary } from '../../../src/messages.ts';
import { browserMock } from '../browser-mock.ts';
import { settle, useRenderRoot } from './render-root.ts';

vi.mock('../../../src/browser.ts', () => ({ default: browserMock }));
const { Options } = await import('../../../options/Options.tsx');
const { readSettings } = await import('../../../src/settings.ts');
const { addCorrection, readCorrections } = await import('../../../src/corrections.ts');
const { siteFromInput } = await import('../../../popup/format.ts');

const summary: CorpusSummary = {
  articles: 5,
  outlets: 2,
  languages: ['en', 'zh'],
  articleDates: { from: '2021-11-10', to: '2024-10-01' },
  events: 58,
  eventsByKind: { 'leader-call': 10, 'taiwan-incursion': 15 },
  eventDates: { from: '2021-02-10', to: '2025-11-24' },
};

const root = useRenderRoot();
beforeEach(() => {
  browserMock.storage.local.reset();
  vi.spyOn(browserMock.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: summary });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the options page', () => {
  it('says what the corpus holds and that nothing leaves the browser', async () => {
    act(() => render(<Options />, root()));
    await settle();
    const text = root().textContent ?? '';
    expect(text).toContain('Nothing you read leaves your browser');
    expect(text).toContain('5 articles from 2 named outlets, in English and Chinese');
    expect(text).toContain('10 Nov 2021 – 1 Oct 2024');
    expect(text).toContain('58 events, 10 Feb 2021 – 24 Nov 2025');
    expect(text).toContain('Taiwan incursion: 15');
  });

  it('stores the highlight switch and the silent sites', async () => {
    act(() => render(<Options />, root()));
    await settle();
    const box = root().querySelector<HTMLInputElement>('input[type=checkbox]');
    act(() => box?.click());
    const input = root().querySelector<HTMLInputElement>('#silent-input');
    if (!input) throw new Error('no silent-site field');
    act(() => {
      input.value = 'https://News.Example.org/world/1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => input.form?.requestSubmit());
    await settle();
    const settings = await readSettings();
    expect(settings.highlights).toBe(false);
    expect(settings.silentSites).toEqual(['news.example.org']);
    expect(root().textContent).toContain('news.example.org');
  });

  it('counts the corrections and forgets them on request', async () => {
    await addCorrection('https://a.example/x', 'id1');
    act(() => render(<Options />, root()));
    await settle();
    expect(root().textContent).toContain('You marked 1 article');
    const forget = [...root().querySelectorAll('button')].find(
      (b) => b.textContent === 'Forget my corrections',
    );
    act(() => forget?.click());
    await settle();
    expect(await readCorrections()).toEqual([]);
    expect(root().textContent).toContain('You have not marked any article');
  });
});

describe('siteFromInput', () => {
  it('takes a hostname or an address, and refuses what is neither', () => {
    expect(siteFromInput(' News.Example.com ')).toBe('news.example.com');
    expect(siteFromInput('https://www.example.com/a?b#c')).toBe('www.example.com');
    expect(siteFromInput('not a site')).toBeNull();
    expect(siteFromInput('localhost')).toBeNull();
    expect(siteFromInput('')).toBeNull();
  });
});
