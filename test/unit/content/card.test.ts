import { afterEach, describe, expect, it, vi } from 'vitest';
import { CARD_HOST_TAG, QuoteCard } from '../../../content/card.ts';
import { reason } from '../../../src/core/reasons.ts';
import type { PageQuote } from '../../../src/core/types.ts';

/** The interface reads its words from the real English messages. */
vi.mock('../../../src/browser.ts', async () => ({
  default: (await import('../browser-mock.ts')).browserMock,
}));

const quote: PageQuote = {
  text: 'familiar and frank <img src=x onerror=alert(1)>',
  speaker: 'An official',
  matches: [
    {
      articleId: 'a1',
      text: 'familiar and outspoken <b>bold</b>',
      score: 0.91,
      outlet: 'Outlet <script>One</script>',
      publishedAt: '2021-11-10',
    },
  ],
};

const rect = { top: 100, bottom: 120, left: 50, right: 200, width: 150, height: 20 } as DOMRect;

function setup() {
  const events = { onClose: vi.fn(), onNavigate: vi.fn() };
  // Reach the closed shadow root the way only the card itself can: through attachShadow.
  let shadow: ShadowRoot | null = null;
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (
    this: HTMLElement,
    init: ShadowRootInit,
  ) {
    shadow = attach.call(this, init);
    return shadow;
  });
  const card = new QuoteCard(document, events);
  return { card, events, shadow: () => shadow };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.querySelectorAll(CARD_HOST_TAG).forEach((e) => e.remove());
  document.body.innerHTML = '';
});

describe('QuoteCard', () => {
  it('adds nothing to the page until it is first shown, then exactly one host', () => {
    const { card } = setup();
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(0);
    card.show({ quote, position: 1, total: 1, rect, focus: false });
    card.hide();
    card.show({ quote, position: 1, total: 1, rect, focus: false });
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    expect(document.documentElement.lastElementChild?.tagName).toBe(CARD_HOST_TAG.toUpperCase());
  });

  it('uses a closed shadow root and inserts page and corpus text as text', () => {
    const { card, shadow } = setup();
    card.show({ quote, position: 1, total: 1, rect, focus: false });
    const host = document.querySelector(CARD_HOST_TAG) as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    const root = shadow();
    expect(root?.mode).toBe('closed');
    expect(root?.querySelector('img, script, b')).toBeNull();
    const text = root?.textContent ?? '';
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('Outlet <script>One</script>');
    expect(text).toContain('10 Nov 2021');
    // A 0.91 match reads as words, with a tooltip saying what the words measure; one word of
    // three swapped is not "same words", whatever the score.
    expect(text).toContain('close wording');
    expect(text).not.toMatch(/\d+% match/);
    expect(root?.querySelector('.strength')?.getAttribute('title')).toMatch(/How closely/);
  });

  it('leads each wording with its outlet, "Unknown outlet" when none is known, then the headline', () => {
    const { card, shadow } = setup();
    const unknown = { ...quote.matches[0]!, articleId: 'a2', outlet: null };
    card.show({
      quote: { ...quote, matches: [quote.matches[0]!, { ...unknown, score: 0.5 }] },
      position: 1,
      total: 1,
      rect,
      focus: false,
      sourceName: (id) => (id === 'a2' ? 'Leaders plan a call' : null),
    });
    const metas = [...(shadow()?.querySelectorAll('li .meta') ?? [])];
    expect(metas.map((m) => m.firstElementChild?.textContent)).toEqual([
      'Outlet <script>One</script>',
      'Unknown outlet',
    ]);
    expect(metas[1]?.textContent).toContain('Leaders plan a call');
    expect(shadow()?.querySelector('ol')?.textContent).not.toContain('a2');
  });

  it('writes the speaker a reason names through the name function it is given', () => {
    const { card, shadow } = setup();
    const why = [reason('same-speaker', { name: 'Xi Jinping' })];
    card.show({
      quote: { ...quote, matches: [{ ...quote.matches[0]!, why }] },
      position: 1,
      total: 1,
      rect,
      focus: false,
      nameOf: (name) => (name === 'Xi Jinping' ? '习近平' : name),
    });
    const text = shadow()?.querySelector('.why')?.textContent ?? '';
    expect(text).toContain('习近平');
    expect(text).not.toContain('Xi Jinping');
  });

  it('marks the other wording’s own words and strikes the page’s', () => {
    const { card, shadow } = setup();
    card.show({
      quote: { ...quote, text: 'familiar and frank' },
      position: 1,
      total: 1,
      rect,
      focus: false,
    });
    const root = shadow();
    expect([...(root?.querySelectorAll('del') ?? [])].map((e) => e.textContent)).toEqual(['frank']);
    expect([...(root?.querySelectorAll('ins') ?? [])].map((e) => e.textContent)).toEqual([
      'outspoken <b>bold</b>',
    ]);
  });

  it('is a dialog that Esc and the close button dismiss, with focus moved in when asked', () => {
    const { card, events, shadow } = setup();
    card.show({ quote, position: 2, total: 3, rect, focus: true });
    const root = shadow();
    const dialog = root?.querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog).not.toBeNull();
    expect(root?.textContent).toContain('2 of 3');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(events.onClose).toHaveBeenCalledTimes(1);
    (root?.querySelector('button.close') as HTMLButtonElement).click();
    expect(events.onClose).toHaveBeenCalledTimes(2);
    const next = [...(root?.querySelectorAll('button') ?? [])].find((b) =>
      b.textContent?.includes('Next'),
    );
    next?.click();
    expect(events.onNavigate).toHaveBeenCalledWith(1);
  });

  it('follows the reader’s colour scheme', () => {
    const { card, shadow } = setup();
    card.show({ quote, position: 1, total: 1, rect, focus: false });
    expect(shadow()?.querySelector('style')?.textContent).toContain('prefers-color-scheme: dark');
  });

  it('removes its host when destroyed', () => {
    const { card } = setup();
    card.show({ quote, position: 1, total: 1, rect, focus: false });
    card.destroy();
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(0);
    expect(card.isOpen).toBe(false);
  });
});
