/**
 * What the popup explains about itself: the chart (what the ADIZ is, its largest counts labelled,
 * the article's date, a table of the same counts), the highlight switches (what each does, and
 * their real state on a silent site) and the legend of struck and marked words.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IncursionChart, labelBox, pickSpikes } from '../../../popup/IncursionChart.tsx';
import { Wording, WordingLegend } from '../../../popup/Wording.tsx';
import type { IncursionPoint } from '../../../src/messages.ts';
import type { Settings } from '../../../src/settings.ts';
import { browserMock } from '../browser-mock.ts';
import { settle, useRenderRoot } from './render-root.ts';

vi.mock('../../../src/browser.ts', async () => ({
  default: (await import('../browser-mock.ts')).browserMock,
}));
const { HighlightSwitches } = await import('../../../popup/HighlightSwitches.tsx');

const root = useRenderRoot();
const mount = (node: preact.ComponentChild): HTMLElement => {
  act(() => render(node, root()));
  return root();
};

const point = (date: string, aircraft: number, wider = false): IncursionPoint => ({
  date,
  aircraft,
  counted: wider
    ? 'aircraft detected around Taiwan (MND)'
    : "aircraft entering Taiwan's ADIZ in one day (MND)",
  wider,
  title: `${aircraft} aircraft`,
  eventId: `p-${date}`,
});

// Three peaks far apart, a near-twin of the largest right beside it, and small counts.
const points = [
  point('2020-09-19', 19),
  point('2021-04-12', 25),
  point('2021-10-04', 56),
  point('2021-10-05', 52),
  point('2022-08-05', 68, true),
  point('2023-04-08', 71),
  point('2023-06-01', 10),
];

const texts = (el: Element, selector: string): string[] =>
  [...el.querySelectorAll(selector)].map((n) => n.textContent ?? '');

describe('the aircraft chart', () => {
  it('says in one line what the ADIZ is', () => {
    const el = mount(<IncursionChart points={points} articleDate="2023-07-01" />);
    const note = el.querySelector('.chart-note')?.textContent ?? '';
    expect(note).toMatch(/^ADIZ: Taiwan’s air defence identification zone/);
    expect(note).toContain('asks approaching aircraft to say who they are');
  });

  it('labels the largest counts with their date and count, leaving out crowded and small ones', () => {
    const el = mount(<IncursionChart points={points} articleDate="2023-07-01" />);
    // 68 sits too close beside 71 for both labels; 25 and 19 are under half the highest.
    expect(texts(el, '.spike')).toEqual(['71 on 8 Apr 2023', '56 on 4 Oct 2021']);
    // Each label sits above its own dot.
    for (const label of el.querySelectorAll('.spike')) {
      const count = Number(label.textContent?.split(' ')[0]);
      const dot = [...el.querySelectorAll('.point')].find((g) =>
        g.querySelector('title')?.textContent?.includes(`: ${count} aircraft`),
      );
      const cy = Number(dot?.querySelector('circle')?.getAttribute('cy'));
      expect(Number(label.getAttribute('y'))).toBeLessThan(cy);
    }
  });

  it('never labels two counts so close that their labels would overlap', () => {
    const x = (iso: string): number => 40 + (Date.parse(iso) - Date.parse('2020-09-19')) / 2.592e8;
    const label = (p: IncursionPoint): string => `${p.aircraft} on ${p.date}`;
    // Every label at one height: only the dates keep them apart (3 days a pixel).
    const flat = pickSpikes(points, (p) => labelBox(label(p), x(p.date), 50), 10);
    expect(flat.map(({ point }) => point.aircraft)).toEqual([71, 56]);
    for (const [i, a] of flat.entries()) {
      for (const b of flat.slice(i + 1))
        expect(a.box.hi <= b.box.lo || b.box.hi <= a.box.lo).toBe(true);
    }
    // Labels far enough apart in height may share dates.
    const tall = pickSpikes(points, (p) => labelBox(label(p), x(p.date), 200 - p.aircraft * 5), 10);
    expect(tall.map(({ point }) => point.aircraft)).toEqual([71, 68, 56, 52]);
  });

  it('marks the article date and describes the counts in words for screen readers', () => {
    const el = mount(<IncursionChart points={points} articleDate="2023-07-01" />);
    expect(el.querySelector('.marker')?.textContent).toBe('This article');
    expect(el.querySelector('svg')?.getAttribute('role')).toBe('img');
    expect(el.querySelector('desc')?.textContent).toBe(
      '7 reported counts from 19 Sept 2020 to 1 Jun 2023; the highest, 71 aircraft, on ' +
        '8 Apr 2023; the article is dated 1 Jul 2023.',
    );
    const one = mount(<IncursionChart points={[point('2021-01-01', 1)]} articleDate={null} />);
    expect(one.querySelector('desc')?.textContent).toBe(
      '1 reported count from 1 Jan 2021 to 1 Jan 2021; the highest, 1 aircraft, on 1 Jan 2021.',
    );
  });

  it('offers the same counts as a table behind a disclosure the keyboard reaches', () => {
    const el = mount(<IncursionChart points={points} articleDate="2023-07-01" />);
    const details = el.querySelector('details.chart-table');
    expect(details?.querySelector('summary')?.textContent).toBe('Show the counts as a table');
    const headers = texts(el, 'details th[scope="col"]');
    expect(headers).toEqual(['Date', 'Aircraft', 'What was counted']);
    const rows = [...el.querySelectorAll('details tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].map((c) => c.textContent),
    );
    expect(rows).toHaveLength(points.length);
    expect(rows[2]).toEqual([
      '4 Oct 2021',
      '56',
      "aircraft entering Taiwan's ADIZ in one day (Taiwan’s defence ministry)",
    ]);
    expect(el.querySelector('caption')?.textContent).toContain('up to this article (1 Jul 2023)');
  });

  it('says the timeline has no count before the article when there is none', () => {
    const el = mount(<IncursionChart points={[]} articleDate="2020-01-01" />);
    expect(el.querySelector('svg')).toBeNull();
    expect(el.textContent).toContain('no counts of Chinese military aircraft near Taiwan');
  });
});

describe('the legend of a word diff', () => {
  it('explains struck and marked words under wordings that differ, as the marks mean', () => {
    const page = 'We are at a vital historical juncture';
    const other = 'We stand at a vital historical juncture';
    const el = mount(
      <div>
        <Wording page={page} other={other} />
        <WordingLegend page={page} others={[other]} />
      </div>,
    );
    // The page's own word is struck, the other outlet's word marked, and the legend says so.
    expect(texts(el, '.wording del').map((t) => t.trim())).toEqual(['are']);
    expect(texts(el, '.wording ins').map((t) => t.trim())).toEqual(['stand']);
    const legend = el.querySelector('.wording-legend');
    expect(legend?.textContent).toBe(
      'struck: words only this page has · marked: words only the other outlet has',
    );
    expect(legend?.querySelector('del')?.textContent).toBe('struck');
    expect(legend?.querySelector('ins')?.textContent).toBe('marked');
  });

  it('is left out when every wording is the same as the page’s', () => {
    const el = mount(<WordingLegend page="Same words here." others={['same words here']} />);
    expect(el.querySelector('.wording-legend')).toBeNull();
  });
});

describe('the highlight switches', () => {
  const settings = (s: Partial<Settings>): Promise<void> =>
    browserMock.storage.local.set({
      settings: { version: 1, highlights: true, highlightsOffSites: [], silentSites: [], ...s },
    });
  const switches = (el: HTMLElement): Array<{ label: string; on: boolean; off: boolean }> =>
    [...el.querySelectorAll('label')].map((l) => {
      const input = l.querySelector('input');
      return {
        label: l.textContent?.trim() ?? '',
        on: input?.checked ?? false,
        off: input?.disabled ?? false,
      };
    });

  beforeEach(() => browserMock.storage.local.reset());

  it('say what each does, for every site and for this one', async () => {
    await settings({});
    const el = mount(<HighlightSwitches site="ledger.example" />);
    await settle();
    expect(switches(el)).toEqual([
      { label: 'Highlight quotes on every site', on: true, off: false },
      { label: 'Highlight quotes on this site', on: true, off: false },
    ]);
    expect(el.textContent).not.toContain('ledger.example');
  });

  it('show this site off, and unavailable, while highlights are off everywhere', async () => {
    await settings({ highlights: false });
    const el = mount(<HighlightSwitches site="ledger.example" />);
    await settle();
    expect(switches(el)).toEqual([
      { label: 'Highlight quotes on every site', on: false, off: false },
      { label: 'Highlight quotes on this site', on: false, off: true },
    ]);
  });

  it('on a silent site, show no switch ticked: this site off, with the reason', async () => {
    await settings({ silentSites: ['ledger.example'] });
    const el = mount(<HighlightSwitches site="ledger.example" />);
    await settle();
    expect(switches(el)).toEqual([
      { label: 'Highlight quotes on this site', on: false, off: true },
    ]);
    const input = el.querySelector('input');
    const note = document.getElementById(input?.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toBe('Off while Backstory is silent here.');
  });

  it('switch highlights for this site in the settings', async () => {
    await settings({});
    const el = mount(<HighlightSwitches site="ledger.example" />);
    await settle();
    act(() => el.querySelectorAll('input')[1]?.click());
    await settle();
    const stored = (await browserMock.storage.local.get('settings'))['settings'] as Settings;
    expect(stored.highlightsOffSites).toEqual(['ledger.example']);
    expect(switches(el)[1]?.on).toBe(false);
  });
});
