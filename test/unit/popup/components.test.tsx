import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IncursionChart } from '../../../popup/IncursionChart.tsx';
import { QuoteList } from '../../../popup/QuoteList.tsx';
import { RelatedList } from '../../../popup/RelatedList.tsx';
import { SinceThisArticle } from '../../../popup/SinceThisArticle.tsx';
import { Timeline } from '../../../popup/Timeline.tsx';
import { Verdict } from '../../../popup/Verdict.tsx';
import type { ContextItem, RelatedItem } from '../../../src/core/types.ts';
import { reason } from '../../../src/core/reasons.ts';
import { diplomacy, notArticle, unrelated } from './fixtures.ts';

/** The interface reads its words from the real English messages. */
vi.mock('../../../src/browser.ts', async () => ({
  default: (await import('../browser-mock.ts')).browserMock,
}));

let root: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});
const click = (el: Element | null | undefined): void => {
  expect(el).toBeTruthy();
  act(() => (el as HTMLElement).click());
};
const buttons = (el: Element): HTMLButtonElement[] => [...el.querySelectorAll('button')];

describe('Verdict', () => {
  it('gives the reasons and an "analyse anyway" button for an unrelated article', () => {
    const onAnyway = vi.fn();
    const el = mount(
      <Verdict analysis={unrelated} forced={false} anyway="idle" onAnalyseAnyway={onAnyway} />,
    );
    expect(el.textContent).toContain('Not about US–China relations');
    expect(el.textContent).toContain(
      'None of the 4 sentences about China states a diplomatic act between US and Chinese actors',
    );
    click(buttons(el).find((b) => b.textContent === 'Analyse anyway'));
    expect(onAnyway).toHaveBeenCalledOnce();
  });

  it('offers no "analyse anyway" for a diplomacy article or a page that is not an article', () => {
    for (const analysis of [diplomacy, notArticle]) {
      const el = mount(
        <Verdict analysis={analysis} forced={false} anyway="idle" onAnalyseAnyway={() => {}} />,
      );
      expect(el.textContent).not.toContain('Analyse anyway');
      render(null, root);
    }
  });

  it('shows the button busy while the page is analysed again', () => {
    const el = mount(
      <Verdict analysis={unrelated} forced={false} anyway="busy" onAnalyseAnyway={() => {}} />,
    );
    const button = buttons(el)[0];
    expect(button?.disabled).toBe(true);
    expect(button?.textContent).toBe('Analysing…');
  });
});

describe('RelatedList', () => {
  it('shows title, outlet, date and why, and reports "not the same story"', () => {
    const onReject = vi.fn();
    const items = diplomacy.related.filter((r) => r.relation === 'same-story');
    const el = mount(
      <RelatedList
        id="same"
        heading="Same story"
        items={items}
        empty="none"
        onReject={onReject}
        pending={new Set()}
      />,
    );
    expect(el.textContent).toContain('Two presidents hold a long virtual meeting');
    expect(el.textContent).toContain('Harbour Post · 16 Nov 2021');
    // The outlet leads: it comes before the headline.
    const card = el.querySelector('.card')?.textContent ?? '';
    expect(card.indexOf('Harbour Post')).toBeGreaterThanOrEqual(0);
    expect(card.indexOf('Harbour Post')).toBeLessThan(card.indexOf('Two presidents'));
    expect(el.textContent).toContain('shares 2 quotes, e.g. “a vital historical juncture”');
    click(buttons(el).find((b) => b.textContent === 'Not the same story'));
    expect(onReject).toHaveBeenCalledWith(items[0]);
  });

  it('renders page- and corpus-derived strings as text, never as markup', () => {
    const nasty: RelatedItem = {
      id: 'x',
      title: '<img src=x onerror="alert(1)">Title',
      publishedAt: null,
      outlet: '<b>Outlet</b>',
      relation: 'related',
      score: 0.1,
      why: [reason('same-event', { event: '<script>bad()</script>' })],
    };
    const el = mount(
      <RelatedList
        id="r"
        heading="Related"
        items={[nasty]}
        empty=""
        onReject={null}
        pending={new Set()}
      />,
    );
    expect(el.querySelector('img, b, script')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror="alert(1)">Title');
  });

  it('says "Unknown outlet" for coverage whose outlet is not known', () => {
    const item = diplomacy.related.find((r) => r.outlet === null);
    const el = mount(
      <RelatedList
        id="r"
        heading="Related"
        items={item ? [item] : []}
        empty=""
        onReject={null}
        pending={new Set()}
      />,
    );
    expect(el.querySelector('.card-outlet')?.textContent).toBe('Unknown outlet · 10 Nov 2021');
  });

  it('says so when there is nothing', () => {
    const el = mount(
      <RelatedList
        id="r"
        heading="Related"
        items={[]}
        empty="Nothing."
        onReject={null}
        pending={new Set()}
      />,
    );
    expect(el.textContent).toContain('Nothing.');
  });
});

describe('QuoteList', () => {
  it('lists matched quotes with the other wording and its differences marked', () => {
    const onReveal = vi.fn();
    const el = mount(
      <QuoteList
        quotes={diplomacy.quotes}
        related={diplomacy.related}
        onReveal={onReveal}
        reveal={new Map()}
      />,
    );
    expect(el.textContent).not.toContain('An unmatched remark');
    expect(el.textContent).toContain('Xi Jinping');
    expect([...el.querySelectorAll('.wording ins')].map((n) => n.textContent?.trim())).toEqual([
      'stand',
    ]);
    expect([...el.querySelectorAll('.wording del')].map((n) => n.textContent?.trim())).toEqual([
      'are',
    ]);
    // Choosing the quote asks for its index in the full list (the content script's numbering).
    click(el.querySelector('.quote-pick'));
    expect(onReveal).toHaveBeenCalledWith(1);
  });

  it('says when a quote could not be found on the page', () => {
    const el = mount(
      <QuoteList
        quotes={diplomacy.quotes}
        related={[]}
        onReveal={() => {}}
        reveal={new Map([[1, 'missing' as const]])}
      />,
    );
    expect(el.textContent).toContain('Could not find this quote on the page.');
  });
});

describe('Timeline', () => {
  const mountDiplomacyTimeline = () =>
    mount(
      <Timeline
        items={diplomacy.context}
        more={diplomacy.moreContext ?? []}
        articleDate="2021-11-16"
      />,
    );

  it('writes the source line without a space after the Chinese full-width colon', async () => {
    const { browserMock } = await import('../browser-mock.ts');
    browserMock.i18n.useLocale('zh_CN');
    try {
      const el = mountDiplomacyTimeline();
      const line = el.querySelector('.source')?.textContent ?? '';
      expect(line).toMatch(/^来源：\S/);
    } finally {
      browserMock.i18n.useLocale('en');
    }
  });

  it('lists the article, then earlier events newest first, with kinds, durations and sources', () => {
    const el = mountDiplomacyTimeline();
    const titles = [...el.querySelectorAll('.event-title')].map((n) => n.textContent);
    expect(titles).toEqual([
      'This article',
      '56 PLA aircraft enter the ADIZ',
      'Biden and Xi speak by phone',
    ]);
    expect(el.textContent).toContain('Leader call');
    expect(el.textContent).toContain('about 90 minutes');
    expect(el.textContent).toContain('Source: The White House');
    expect(el.textContent).toContain('US readout · no PRC readout on file');
    expect(el.textContent).toContain('In this article');
    expect(el.textContent).toContain('56 aircraft');
    expect(el.querySelectorAll('svg.kind-icon').length).toBe(2);
  });

  it('shows the earlier events on request', () => {
    const el = mount(
      <Timeline items={diplomacy.context} more={diplomacy.moreContext ?? []} articleDate={null} />,
    );
    expect(el.textContent).not.toContain('Talks in Anchorage');
    const toggle = buttons(el).find((b) => b.textContent === 'Show 1 more event');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    click(toggle);
    expect(el.textContent).toContain('Talks in Anchorage');
    expect(el.textContent).toContain('18 Mar 2021 – 19 Mar 2021');
  });

  it('lists the other events at once when none is listed first', () => {
    const el = mount(<Timeline items={[]} more={diplomacy.moreContext ?? []} articleDate={null} />);
    expect(el.textContent).toContain('Talks in Anchorage');
    expect(buttons(el).find((b) => b.textContent === 'Show fewer events')).toBeDefined();
  });
});

describe('timeline sources and readouts', () => {
  it('shows each source with a URL as a link that opens in a new tab, without the opener', () => {
    const el = mount(
      <Timeline items={diplomacy.context} more={diplomacy.moreContext ?? []} articleDate={null} />,
    );
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining(['https://mnd.example/56', 'https://wh.example/readout']),
    );
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    // A readout link per side that has one; the side without one says so.
    expect([...el.querySelectorAll('.readouts a')].map((a) => a.textContent)).toEqual([
      'US readout',
    ]);
    expect(el.querySelector('.readouts')?.textContent).toContain('no PRC readout on file');
  });

  it('shows a source without a URL as its outlet and title, not a link', () => {
    // With nothing listed first, the other events are shown at once.
    const el = mount(<Timeline items={[]} more={diplomacy.moreContext ?? []} articleDate={null} />);
    expect(el.textContent).toContain('Source: News list: Exchanges under Biden');
    expect(el.querySelectorAll('.source a').length).toBe(0);
  });
});

describe('SinceThisArticle', () => {
  const later: ContextItem[] = [
    {
      id: 'visit',
      date: '2026-05-14',
      kind: 'leader-meeting',
      title: 'Summit talks in Beijing',
      sources: [{ publisher: 'Wire', url: 'https://wire.example/visit' }],
    },
    {
      id: 'planned',
      date: '2026-09-24',
      kind: 'leader-meeting',
      title: 'Planned: a visit to Washington',
      sources: [{ publisher: 'Wire', url: 'https://wire.example/plan' }],
      planned: true,
    },
  ];

  it('is collapsed by default and lists what came after, planned events labelled', () => {
    const el = mount(<SinceThisArticle items={later} />);
    const details = el.querySelector('details.since') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Since this article 2');
    const entries = [...el.querySelectorAll('li.event')];
    expect(entries.map((e) => e.querySelector('.event-title')?.textContent)).toEqual([
      'Summit talks in Beijing',
      'Planned: a visit to Washington',
    ]);
    expect(entries[0]?.textContent).not.toContain('Planned, not confirmed');
    expect(entries[1]?.textContent).toContain('Planned, not confirmed');
  });

  it('shows nothing when nothing came after', () => {
    expect(mount(<SinceThisArticle items={[]} />).innerHTML).toBe('');
  });
});

describe('IncursionChart', () => {
  const points = [
    {
      date: '2021-10-04',
      aircraft: 56,
      counted: 'ADIZ entries',
      wider: false,
      title: 'a',
      eventId: 'p1',
    },
    {
      date: '2022-08-05',
      aircraft: 68,
      counted: 'around Taiwan',
      wider: true,
      title: 'b',
      eventId: 'p2',
    },
  ];

  it('draws one dot per count, hollow for wider counts, and marks the article date', () => {
    const el = mount(<IncursionChart points={points} articleDate="2022-09-01" />);
    expect(el.querySelectorAll('.point circle').length).toBe(2);
    expect(el.querySelectorAll('.point.wider').length).toBe(1);
    expect(el.querySelector('.marker')?.textContent).toBe('This article');
    expect(el.querySelector('desc')?.textContent).toContain(
      'the highest, 68 aircraft, on 5 Aug 2022',
    );
    // The article's marker sits to the right of the last count.
    const markerX = Number(el.querySelector('.marker line')?.getAttribute('x1'));
    const lastX = Number(el.querySelectorAll('.point line')[1]?.getAttribute('x1'));
    expect(markerX).toBeGreaterThan(lastX);
  });

  it('says so when there is no count before the article', () => {
    const el = mount(<IncursionChart points={[]} articleDate="2020-01-01" />);
    expect(el.querySelector('svg')).toBeNull();
    expect(el.textContent).toContain('no counts of Chinese military aircraft');
  });
});
