/**
 * The CLI's DOM: jsdom, made to carry on past CSS it cannot parse. jsdom parses every `<style>`
 * while it parses the HTML, and its CSS value parser throws on some CSS browsers shrug off (an
 * unclosed `calc(` on a real news page), which threw out of `new JSDOM` and lost the page. A
 * browser drops CSS it cannot parse; so does this: the `<style>` keeps its text and gets no
 * stylesheet. Nothing in the pipeline reads styles.
 */
import { createRequire } from 'node:module';
import { JSDOM, VirtualConsole } from 'jsdom';

interface StyleElementImpl {
  prototype: { _updateAStyleBlock(this: unknown): void };
}

let patched = false;

/** Wraps jsdom's `<style>` update (which parses the CSS) so a CSS parse error is dropped. */
function tolerateStyleErrors(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  // jsdom publishes no hook for this; its implementation class is the one place it happens.
  const { implementation } = require('jsdom/lib/jsdom/living/nodes/HTMLStyleElement-impl.js') as {
    implementation: StyleElementImpl;
  };
  const update = implementation.prototype._updateAStyleBlock;
  if (typeof update !== 'function') {
    throw new Error('jsdom changed: HTMLStyleElement has no _updateAStyleBlock to guard');
  }
  implementation.prototype._updateAStyleBlock = function (this: unknown): void {
    try {
      update.call(this);
    } catch (error) {
      // css-tree's parse errors are named SyntaxError (its own class); anything else is a bug.
      if (!(error instanceof Error) || error.name !== 'SyntaxError') throw error;
    }
  };
}

/**
 * A jsdom window for `html` at `url`: page scripts never run, jsdom's console stays quiet.
 * `document.evaluate` is hidden: jsdom's XPath grows with the square of the page (one query
 * over 8,000 links took 54 s), and extraction then walks the elements itself, as it does
 * wherever XPath is missing.
 */
export function parseHtml(html: string, url: string): JSDOM {
  tolerateStyleErrors();
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  Object.defineProperty(dom.window.Document.prototype, 'evaluate', {
    value: undefined,
    configurable: true,
  });
  return dom;
}
