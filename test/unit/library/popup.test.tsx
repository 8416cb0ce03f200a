/** The popup's library parts: origin lines, "what the governments said", page text as text. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { originLine } from '../../../popup/library-format.ts';
import { OfficialList } from '../../../popup/OfficialList.tsx';
import { RelatedList } from '../../../popup/RelatedList.tsx';
import type { OfficialStatement, RelatedItem } from '../../../src/core/types.ts';

/** The interface reads its words from the real English messages. */
vi.mock('../../../src/browser.ts', async () => ({
  default: (await import('../browser-mock.ts')).browserMock,
}));

let root: HTMLElement | null = null;
function mount(node: preact.ComponentChild): HTMLElement {
  const el = document.createElement('div');
  root = el;
  document.body.append(el);
  act(() => render(node, el));
  return el;
}
afterEach(() => {
  if (!root) return;
  render(null, root);
  root.remove();
  root = null;
});

describe('where an item came from', () => {
  it('says it in words for each origin, and nothing for the bundled corpus', () => {
    const at = '2026-12-03T08:00:00.000Z';
    expect(originLine({ origin: 'remembered', url: null, site: 'example.com', addedAt: at })).toBe(
      'you read this on example.com, 3 Dec 2026',
    );
    expect(originLine({ origin: 'saved', url: null, site: 'example.com', addedAt: at })).toBe(
      'you saved this from example.com, 3 Dec 2026',
    );
    expect(
      originLine(
        {
          origin: 'imported',
          url: null,
          site: 'www.whitehouse.gov',
          kind: 'official-readout',
          government: 'US',
        },
        'The White House',
      ),
    ).toBe('imported: White House readout');
    expect(
      originLine({
        origin: 'imported',
        url: null,
        site: null,
        importedFrom: 'notes.md',
        kind: 'news',
      }),
    ).toBe('imported from notes.md');
    expect(originLine({ origin: 'bundled', url: null, site: null })).toBeNull();
  });

  it('a related item links its origin line to its address', () => {
    const item: RelatedItem = {
      id: 'lib-1',
      title: 'Envoys <b>meet</b>',
      publishedAt: '2026-11-30',
      relation: 'same-story',
      score: 0.8,
      why: [],
      origin: 'remembered',
      url: 'http://localhost:9/b.html',
      source: {
        origin: 'remembered',
        url: 'http://localhost:9/b.html',
        site: 'localhost',
        addedAt: '2026-12-01T00:00:00Z',
      },
    };
    const el = mount(
      <RelatedList
        id="x"
        heading="Same story"
        items={[item]}
        empty=""
        onReject={null}
        pending={new Set()}
      />,
    );
    const link = el.querySelector('.origin a');
    expect(link?.textContent).toBe('you read this on localhost, 1 Dec 2026');
    expect(link?.getAttribute('href')).toBe('http://localhost:9/b.html');
    expect(el.querySelector('b')).toBeNull();
  });
});

describe('what the governments said', () => {
  const readout: OfficialStatement = {
    id: 'lib-2',
    title: 'Readout of a <i>meeting</i>',
    publishedAt: '2024-11-16',
    government: 'US',
    outlet: 'The White House',
    source: {
      origin: 'imported',
      url: 'https://www.whitehouse.gov/r/',
      site: 'www.whitehouse.gov',
      kind: 'official-readout',
      government: 'US',
    },
    sentences: [{ quote: 'q', sentence: 'The one China policy remains unchanged.' }],
  };
  it('shows each readout with its matching sentences', () => {
    const el = mount(<OfficialList items={[readout]} />);
    expect(el.querySelector('#official-h')?.textContent).toContain('What the governments said');
    expect(el.textContent).toContain('United States · 16 Nov 2024 · imported: White House readout');
    expect(el.querySelector('q')?.textContent).toBe('The one China policy remains unchanged.');
    expect(el.querySelector('i')).toBeNull();
  });
  it('is absent without readouts', () => {
    const el = mount(<OfficialList items={[]} />);
    expect(el.textContent).toBe('');
  });
});
