/**
 * Reading Backstory's in-page state from a test: the registered highlight ranges, and the card,
 * which lives in a closed shadow root that only the DevTools protocol (pierce) can reach.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { ROOT } from './harness.ts';

export const SCREENSHOTS = join(ROOT, 'out', 'screenshots');
export const CARD_TAG = 'BACKSTORY-CARD';

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

export interface RangeInfo {
  text: string;
  /** The range starts and ends in different text nodes. */
  spansNodes: boolean;
  connected: boolean;
  rect: { x: number; y: number; width: number; height: number } | null;
}

/** Every range registered under a highlight name, with where it is. */
export async function highlightRanges(page: Page, name = 'backstory-quote'): Promise<RangeInfo[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return [];
    return [...h].map((r) => {
      const range = r as Range;
      const first = range.getClientRects()[0];
      return {
        text: range.toString(),
        spansNodes: range.startContainer !== range.endContainer,
        connected: range.startContainer.isConnected && range.endContainer.isConnected,
        rect: first ? { x: first.x, y: first.y, width: first.width, height: first.height } : null,
      };
    });
  }, name);
}

/** Whitespace collapsed, soft hyphens dropped: how a reader sees highlighted text. */
export function visible(text: string): string {
  return text
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface CardState {
  /** How many card host elements are in the page. */
  hosts: number;
  open: boolean;
  text: string;
  /** Each other outlet's wording as shown, without the struck words of this page. */
  wordings: string[];
  /** Texts of the words marked as the other outlet's (ins) and struck as this page's (del). */
  added: string[];
  removed: string[];
  /** The page's focused element is the card host. */
  focused: boolean;
  /** The card's colours, to check the light or dark scheme. */
  background: string;
}

/** The card's state, read through the DevTools protocol (the shadow root is closed). */
export async function cardState(page: Page): Promise<CardState> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const hosts: CdpNode[] = [];
    const walk = (n: CdpNode): void => {
      if (n.nodeName === CARD_TAG) hosts.push(n);
      for (const c of n.children ?? []) walk(c);
    };
    walk(root);
    const shadow = hosts[0]?.shadowRoots?.[0];
    const focused = await page.evaluate((tag) => document.activeElement?.tagName === tag, CARD_TAG);
    if (!shadow) {
      return {
        hosts: hosts.length,
        open: false,
        text: '',
        wordings: [],
        added: [],
        removed: [],
        focused,
        background: '',
      };
    }
    const { object } = (await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
    })) as {
      object: { objectId: string };
    };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const card = this.querySelector('.card');
        return {
          open: !!card && !card.hidden,
          text: card ? card.innerText : '',
          wordings: [...this.querySelectorAll('.wording')].map((w) => {
            const copy = w.cloneNode(true);
            copy.querySelectorAll('del').forEach((d) => d.remove());
            return copy.textContent;
          }),
          added: [...this.querySelectorAll('ins')].map((e) => e.textContent),
          removed: [...this.querySelectorAll('del')].map((e) => e.textContent),
          background: card ? getComputedStyle(card).backgroundColor : '',
        };
      }`,
    })) as { result: { value: Omit<CardState, 'hosts' | 'focused'> } };
    const value = result.value;
    return { hosts: hosts.length, focused, ...value, wordings: value.wordings.map(visible) };
  } finally {
    await cdp.detach();
  }
}

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** Move the mouse to the middle of the highlighted range whose text contains `text`. */
export async function hoverQuote(page: Page, text: string): Promise<void> {
  const ranges = await highlightRanges(page);
  const target = ranges.find((r) => visible(r.text).includes(visible(text)));
  if (!target?.rect) throw new Error(`no highlighted range with "${text}" on screen`);
  const { x, y, width, height } = target.rect;
  await page.mouse.move(x + width / 2, y + height / 2, { steps: 4 });
}

/** Change the reader's stored settings from the service worker, as the popup or options do. */
export async function setSettings(
  worker: Worker,
  change: { highlights?: boolean; highlightsOffSites?: string[] },
): Promise<void> {
  await worker.evaluate(async (c) => {
    const got = await chrome.storage.local.get('settings');
    const current = (got.settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({
      settings: {
        version: 1,
        highlights: true,
        highlightsOffSites: [],
        silentSites: [],
        ...current,
        ...c,
      },
    });
  }, change);
}

/**
 * The selectors of the `::highlight()` rules in the document's adopted stylesheets. Runs in the
 * page (self-contained), for both browsers' drivers.
 */
export function highlightRulesInPage(): string[] {
  return document.adoptedStyleSheets.flatMap((sheet) =>
    [...sheet.cssRules].flatMap((r) =>
      r instanceof CSSStyleRule && r.selectorText.startsWith('::highlight(')
        ? [r.selectorText]
        : [],
    ),
  );
}

/** The selectors of the `::highlight()` rules in the page's adopted stylesheets. */
export async function highlightRules(page: Page): Promise<string[]> {
  return page.evaluate(highlightRulesInPage);
}
