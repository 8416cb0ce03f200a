/**
 * The timeline in the reader's language: an event's Chinese title, summary, duration and figures
 * in a Chinese interface, the English in an English one; a source without a known outlet says so
 * in either language; figures are listed with the language's own separator.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Timeline } from '../../../popup/Timeline.tsx';
import type { ContextItem } from '../../../src/core/types.ts';

vi.mock('../../../src/browser.ts', async () => ({
  default: (await import('../browser-mock.ts')).browserMock,
}));
const { browserMock } = await import('../browser-mock.ts');

const surge: ContextItem = {
  id: 'surge',
  date: '2021-10-04',
  kind: 'taiwan-incursion',
  title: '56 PLA aircraft enter the ADIZ',
  summary: 'The peak of the surge.',
  duration: null,
  figures: { aircraft: 56, 'H-6 bombers': 12, counted: 'ADIZ entries in one day' },
  sources: [{ publisher: null, url: null, title: 'A report of unknown origin' }],
  zh: {
    title: '56架解放军飞机进入防空识别区',
    summary: '密集行动的最高峰。',
    figures: { aircraft: '56架飞机', 'H-6 bombers': '12架轰-6轰炸机', counted: '单日进入架次' },
  },
};
const call: ContextItem = {
  id: 'call',
  date: '2021-09-09',
  kind: 'leader-call',
  title: 'Biden and Xi speak by phone',
  summary: 'A long call.',
  duration: 'about 90 minutes',
  sources: [{ publisher: 'The White House', url: 'https://wh.example/readout' }],
  zh: { title: '拜登与习近平通电话', summary: '一次长时间通话。', duration: '约90分钟' },
};
/** An event nobody has written Chinese for yet: the English stands in. */
const untranslated: ContextItem = {
  id: 'talks',
  date: '2021-03-18',
  kind: 'senior-talks',
  title: 'Talks in Anchorage',
  sources: [{ publisher: 'Wire', url: 'https://wire.example/a' }],
};

let root: HTMLElement;
function mountIn(locale: 'en' | 'zh_CN'): HTMLElement {
  browserMock.i18n.useLocale(locale);
  root = document.createElement('div');
  document.body.append(root);
  act(() =>
    render(<Timeline items={[surge, call, untranslated]} more={[]} articleDate={null} />, root),
  );
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
  browserMock.i18n.useLocale('en');
});

const entry = (el: HTMLElement, i: number): Element => {
  const e = el.querySelectorAll('li.event:not(.now)')[i];
  expect(e).toBeDefined();
  return e as Element;
};
const titleOf = (e: Element) => e.querySelector('.event-title');

describe('the timeline in the reader’s language', () => {
  it('shows the Chinese title, summary, duration and figures in a Chinese interface', () => {
    const el = mountIn('zh_CN');
    const [first, second] = [entry(el, 0), entry(el, 1)];
    expect(titleOf(first)?.textContent).toBe('56架解放军飞机进入防空识别区');
    expect(titleOf(first)?.getAttribute('title')).toBe('密集行动的最高峰。');
    expect(first.querySelector('.figures')?.textContent).toBe(
      '56架飞机、12架轰-6轰炸机（单日进入架次）',
    );
    expect(titleOf(second)?.textContent).toBe('拜登与习近平通电话');
    expect(titleOf(second)?.getAttribute('title')).toBe('一次长时间通话。');
    expect(second.querySelector('.meta')?.textContent).toContain('约90分钟');
    expect(el.textContent).not.toMatch(/aircraft|about 90 minutes|Biden/);
  });

  it('shows the English in an English interface', () => {
    const el = mountIn('en');
    const [first, second] = [entry(el, 0), entry(el, 1)];
    expect(titleOf(first)?.textContent).toBe('56 PLA aircraft enter the ADIZ');
    expect(titleOf(first)?.getAttribute('title')).toBe('The peak of the surge.');
    expect(first.querySelector('.figures')?.textContent).toBe(
      '56 aircraft, 12 H-6 bombers (ADIZ entries in one day)',
    );
    expect(titleOf(second)?.textContent).toBe('Biden and Xi speak by phone');
    expect(second.querySelector('.meta')?.textContent).toContain('about 90 minutes');
    expect(el.textContent).not.toMatch(/\p{Script=Han}/u);
  });

  it('falls back to the English for an event without Chinese text', () => {
    const el = mountIn('zh_CN');
    expect(titleOf(entry(el, 2))?.textContent).toBe('Talks in Anchorage');
  });

  it('says a source’s outlet is unknown in the reader’s language', () => {
    expect(entry(mountIn('zh_CN'), 0).querySelector('.source')?.textContent).toBe(
      '来源：A report of unknown origin（媒体不明）',
    );
    render(null, root);
    root.remove();
    expect(entry(mountIn('en'), 0).querySelector('.source')?.textContent).toBe(
      'Source: Unknown outlet: A report of unknown origin',
    );
  });
});
