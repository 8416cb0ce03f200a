/**
 * The look of the quote highlights: `::highlight()` rules only, so nothing here can match the
 * page's own elements. Added to the page only when there is a highlight to show (pages that name
 * no Chinese actor get none), as a constructed stylesheet in `document.adoptedStyleSheets`: no
 * element is added to the page, and a page's Content-Security-Policy (`style-src`) governs
 * `<style>` and `<link>` elements, not the CSS object model, in Chromium and Firefox alike.
 */
import { ACTIVE_NAME, FLASH_NAME, HIGHLIGHT_NAME } from './highlight-names.ts';

export const HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAME}) {
  background-color: rgba(255, 214, 102, 0.5);
  text-decoration: underline 2px rgba(176, 110, 0, 0.9);
  text-underline-offset: 3px;
}
::highlight(${ACTIVE_NAME}) {
  background-color: rgba(255, 184, 28, 0.75);
  text-decoration: underline 2px rgba(140, 80, 0, 1);
  text-underline-offset: 3px;
}
::highlight(${FLASH_NAME}) {
  background-color: rgba(255, 138, 0, 0.9);
  color: #1a1000;
}
@media (prefers-color-scheme: dark) {
  ::highlight(${HIGHLIGHT_NAME}) {
    background-color: rgba(255, 200, 60, 0.28);
    text-decoration-color: rgba(255, 200, 60, 0.9);
  }
  ::highlight(${ACTIVE_NAME}) {
    background-color: rgba(255, 200, 60, 0.5);
    text-decoration-color: rgba(255, 214, 102, 1);
  }
}
`;

const sheets = new WeakMap<Document, CSSStyleSheet>();

/**
 * Make sure `doc` carries the highlight stylesheet (again, if the page replaced its adopted
 * sheets). Returns false where the browser has no constructed stylesheets.
 */
export function styleHighlights(doc: Document): boolean {
  try {
    let sheet = sheets.get(doc);
    if (!sheet) {
      const view = doc.defaultView as (Window & { CSSStyleSheet?: typeof CSSStyleSheet }) | null;
      const Sheet = view?.CSSStyleSheet ?? globalThis.CSSStyleSheet;
      if (typeof Sheet !== 'function' || !('adoptedStyleSheets' in doc)) return false;
      sheet = new Sheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
      sheets.set(doc, sheet);
    }
    const adopted = doc.adoptedStyleSheets;
    if (!adopted.includes(sheet)) doc.adoptedStyleSheets = [...adopted, sheet];
    return true;
  } catch (error) {
    // Highlights without their colours are still registered: report, never throw into the page.
    console.debug('Backstory: highlight style not added', error);
    return false;
  }
}
