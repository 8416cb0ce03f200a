/**
 * The card that shows other outlets' wordings of a highlighted quote. It lives in a closed shadow
 * root inside one host element (the only node Backstory ever adds to a page), carries its own
 * styles (light and dark), and inserts every page- or corpus-derived string as text.
 */
import type { PageQuote, QuoteMatch } from '../src/core/types.ts';
import { formatDate, strengthTip, strengthWords, t, tn, uiLang } from '../src/i18n.ts';
import { rootOf } from '../src/core/dom-safe.ts';
import { wordDiff } from '../src/core/word-diff.ts';
import type { NameOf } from '../src/name-display.ts';
import { quoteReasonText } from '../src/quote-reason-text.ts';

export const CARD_HOST_TAG = 'backstory-card';
/** At most this many other wordings on one card. */
export const MAX_WORDINGS = 4;

const CSS_TEXT = `
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1d232b; --muted: #5b6571; --line: #d9dee4; --accent: #8a5a00;
  --add-bg: #fff0bf; --add-fg: #5c3d00; --del-fg: #9a2f2f; --focus: #1f6feb;
  position: fixed; box-sizing: border-box; z-index: 2147483647;
  width: min(420px, calc(100vw - 16px)); max-height: min(60vh, 460px); overflow: auto;
  padding: 12px 14px; border: 1px solid var(--line); border-radius: 10px;
  background: var(--bg); color: var(--fg); box-shadow: 0 8px 28px rgba(0,0,0,.18);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
  pointer-events: auto;
}
@media (prefers-color-scheme: dark) {
  .card {
    --bg: #1c2128; --fg: #e6e9ed; --muted: #9aa5b1; --line: #39414b; --accent: #f0b429;
    --add-bg: #4d3a00; --add-fg: #ffe7a3; --del-fg: #ff9b9b; --focus: #58a6ff;
    box-shadow: 0 8px 28px rgba(0,0,0,.6);
  }
}
.card[hidden] { display: none; }
.card:focus { outline: none; }
.card:focus-visible, button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
header { display: flex; align-items: baseline; gap: 8px; margin: 0 0 6px; }
h2 { flex: 1; margin: 0; font-size: 13px; font-weight: 600; color: var(--accent);
  letter-spacing: .02em; }
button { font: inherit; color: inherit; background: transparent; border: 1px solid var(--line);
  border-radius: 6px; padding: 2px 8px; cursor: pointer; }
button:hover { background: color-mix(in srgb, var(--fg) 8%, transparent); }
button.close { border: none; font-size: 18px; line-height: 1; padding: 0 4px; }
.page-quote { margin: 0 0 8px; color: var(--muted); font-style: italic; }
ol { list-style: none; margin: 0; padding: 0; }
li { padding: 8px 0; border-top: 1px solid var(--line); }
.meta { display: flex; flex-wrap: wrap; gap: 4px 10px; font-size: 12px; color: var(--muted); }
.outlet { font-weight: 600; color: var(--fg); }
.wording { margin: 4px 0 0; }
ins { background: var(--add-bg); color: var(--add-fg); text-decoration: none; border-radius: 3px;
  padding: 0 1px; }
del { color: var(--del-fg); text-decoration: line-through; }
.why { margin: 3px 0 0; font-size: 12px; color: var(--muted); }
footer { display: flex; align-items: center; gap: 8px; margin-top: 8px; font-size: 12px;
  color: var(--muted); }
footer .legend { flex: 1; }
`;

export interface CardEvents {
  /** The reader closed the card (Esc, the close button). */
  onClose(): void;
  /** The reader asked for the previous or next highlighted quote. */
  onNavigate(step: -1 | 1): void;
}

export interface CardShow {
  quote: PageQuote;
  /** 1-based position among the highlighted quotes, and how many there are. */
  position: number;
  total: number;
  /** Where the quote is on screen, to place the card next to it. */
  rect: DOMRect;
  /** Move keyboard focus into the card (opened from the keyboard or the popup). */
  focus: boolean;
  /** The headline of a corpus article, shown after its outlet. */
  sourceName?: (articleId: string) => string | null;
  /** How the reasons' names are written in the reader's language (src/name-display.ts). */
  nameOf?: NameOf;
}

function activeElementOf(doc: Document): Element | null {
  const get = Object.getOwnPropertyDescriptor(Document.prototype, 'activeElement')?.get;
  return (get?.call(doc) as Element | null | undefined) ?? null;
}

type Child = Node | string | null | false | undefined;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string> } = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = Document.prototype.createElement.call(doc, tag) as HTMLElementTagNameMap[K];
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === false || c === undefined || c === '') continue;
    node.append(typeof c === 'string' ? Document.prototype.createTextNode.call(doc, c) : c);
  }
  return node;
}

export class QuoteCard {
  private host: HTMLElement | null = null;
  private card: HTMLElement | null = null;
  private returnFocus: Element | null = null;
  private rect: DOMRect | null = null;

  constructor(
    private readonly doc: Document,
    private readonly events: CardEvents,
  ) {}

  get isOpen(): boolean {
    return this.card !== null && !this.card.hidden;
  }

  /** True when `target` (an event target seen from the page) is the card's host. */
  owns(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  /** The card's host element, if it was ever created. */
  get hostElement(): HTMLElement | null {
    return this.host;
  }

  show(what: CardShow): void {
    const card = this.ensure();
    if (!card) return;
    if (what.focus && !this.isOpen) this.returnFocus = activeElementOf(this.doc);
    card.replaceChildren(...this.render(what));
    card.hidden = false;
    this.rect = what.rect;
    this.place();
    if (what.focus) card.focus({ preventScroll: true });
  }

  /** Keep the card next to its quote after scrolling or resizing. */
  follow(rect: DOMRect | null): void {
    if (!this.isOpen) return;
    if (rect) this.rect = rect;
    this.place();
  }

  hide(): void {
    if (!this.card || this.card.hidden) return;
    const focusWasInside = activeElementOf(this.doc) === this.host;
    this.card.hidden = true;
    this.card.replaceChildren();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (focusWasInside && back instanceof HTMLElement && back.isConnected) {
      back.focus({ preventScroll: true });
    } else if (focusWasInside) {
      this.host?.blur();
    }
  }

  /** Remove the host element from the page altogether. */
  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = null;
    this.card = null;
  }

  private ensure(): HTMLElement | null {
    if (this.card && this.host?.isConnected) return this.card;
    const parent = rootOf(this.doc);
    if (!parent) return null;
    const host = Document.prototype.createElement.call(this.doc, CARD_HOST_TAG);
    // Inline and !important: page styles must not reach or move the host.
    host.style.cssText =
      'all: initial !important; position: fixed !important; top: 0 !important; ' +
      'left: 0 !important; width: 0 !important; height: 0 !important; ' +
      'z-index: 2147483647 !important; display: block !important;';
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = el(this.doc, 'style');
    style.textContent = CSS_TEXT;
    const card = el(this.doc, 'div', {
      class: 'card',
      attrs: {
        role: 'dialog',
        'aria-modal': 'false',
        'aria-label': t('cardLabel'),
        tabindex: '-1',
        // The page may be in another language than the card.
        lang: uiLang(),
      },
    });
    card.hidden = true;
    card.addEventListener('keydown', (e) => this.onKey(e));
    shadow.append(style, card);
    parent.append(host);
    this.host = host;
    this.card = card;
    return card;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      this.events.onClose();
    }
  }

  private render(what: CardShow): Node[] {
    const d = this.doc;
    const { quote } = what;
    const matches = [...quote.matches].sort((a, b) => b.score - a.score).slice(0, MAX_WORDINGS);
    const close = el(d, 'button', {
      class: 'close',
      text: '\u00D7',
      attrs: { type: 'button', 'aria-label': t('cardClose'), title: t('cardClose') },
    });
    close.addEventListener('click', () => this.events.onClose());
    const header = el(d, 'header', {}, [
      el(d, 'h2', {
        text: tn('cardHeading', matches.length),
      }),
      close,
    ]);
    const pageQuote = el(d, 'p', { class: 'page-quote' }, [
      quote.form === 'reported'
        ? t('cardPageReports', quote.text)
        : t('cardPageQuotes', quote.text),
      quote.speaker ? ` \u2014 ${quote.speaker}` : '',
    ]);
    const list = el(
      d,
      'ol',
      {},
      matches.map((m) =>
        this.wording(quote.text, m, what.sourceName?.(m.articleId) ?? null, what.nameOf),
      ),
    );
    const nav: Child[] = [];
    if (what.total > 1) {
      const prev = el(d, 'button', {
        text: t('cardPrevious'),
        attrs: { type: 'button', 'aria-label': t('cardPreviousLabel') },
      });
      const next = el(d, 'button', {
        text: t('cardNext'),
        attrs: { type: 'button', 'aria-label': t('cardNextLabel') },
      });
      prev.addEventListener('click', () => this.events.onNavigate(-1));
      next.addEventListener('click', () => this.events.onNavigate(1));
      nav.push(prev, el(d, 'span', { text: t('cardPosition', what.position, what.total) }), next);
    }
    const footer = el(d, 'footer', {}, [
      el(d, 'span', {
        class: 'legend',
        text: t('cardLegend'),
      }),
      ...nav,
    ]);
    return [header, pageQuote, list, footer];
  }

  /** One other wording: its outlet first (or "Unknown outlet"), the headline, date and match. */
  private wording(
    pageText: string,
    m: QuoteMatch,
    source: string | null,
    nameOf?: NameOf,
  ): HTMLElement {
    const d = this.doc;
    // Another language: its words cannot be compared with the page's, so none are marked.
    const parts = m.translated
      ? [m.text]
      : // Marks cover the words only: the spaces around them stay plain text.
        wordDiff(pageText, m.text).flatMap((p): Child[] => {
          if (p.op === 'same') return [p.text];
          const [, lead = '', word = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text) ?? [];
          return [lead, word && el(d, p.op === 'added' ? 'ins' : 'del', { text: word }), trail];
        });
    // Why it matched; that it is a translation the line above already says.
    const why = (m.why ?? [])
      .filter((w) => w.code !== 'rendering')
      .map((w) => quoteReasonText(w, nameOf));
    return el(d, 'li', {}, [
      el(d, 'div', { class: 'meta' }, [
        el(d, 'span', { class: 'outlet', text: m.outlet || t('unknownOutlet') }),
        source ? el(d, 'span', { class: 'headline', text: source }) : null,
        m.publishedAt ? el(d, 'span', { text: formatDate(m.publishedAt) }) : null,
        el(d, 'span', {
          class: 'strength',
          text: strengthWords(m.score, pageText, m.text),
          attrs: { title: strengthTip() },
        }),
        m.translated
          ? el(d, 'span', {
              class: 'translation',
              text: t(/\p{Script=Han}/u.test(m.text) ? 'translatedChinese' : 'translatedEnglish'),
            })
          : null,
      ]),
      el(d, 'p', { class: 'wording' }, ['\u201C', ...parts, '\u201D']),
      why.length > 0 ? el(d, 'p', { class: 'why', text: why.join(' \u00B7 ') }) : null,
    ]);
  }

  private place(): void {
    const card = this.card;
    const rect = this.rect;
    if (!card || !rect) return;
    const vw = globalThis.innerWidth || 1024;
    const vh = globalThis.innerHeight || 768;
    const box = card.getBoundingClientRect();
    const width = box.width || 420;
    const height = box.height || 200;
    const gap = 8;
    const below = rect.bottom + gap;
    const top =
      below + height <= vh - gap || rect.top - gap - height < gap
        ? Math.min(below, Math.max(gap, vh - gap - height))
        : rect.top - gap - height;
    const left = Math.max(gap, Math.min(rect.left, vw - width - gap));
    card.style.top = `${Math.round(top)}px`;
    card.style.left = `${Math.round(left)}px`;
  }
}
