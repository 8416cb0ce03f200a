/**
 * What runs on every page the reader opens: the glance for a Chinese actor (src/core/china.ts).
 * Most pages end there, and send nothing: the popup, finding no analysis for the tab, asks the
 * page for its verdict (`unrelated`, built then), and from then on the page keeps the worker's
 * copy current. A page that names one loads the rest of the content script (full.ts: the
 * pre-check, Readability, detection, anchoring, the card) once, and from then on every run of
 * that page goes to it.
 */
import { builtChinaNames, namesChinaOnPage, unnamedPage } from '../src/core/china.ts';
import { unreadDetection } from '../src/core/unread.ts';
import type { PageVerdict } from '../src/messages.ts';
import { send } from './port.ts';

/** The loaded rest of the content script, as the gate sees it (app.ts' PageSession). */
export interface FullSession {
  run(signal: AbortSignal, force?: boolean, glanced?: boolean): Promise<void>;
  reveal(quoteIndex: number): boolean;
}

export class PageGate {
  private full: Promise<FullSession> | null = null;
  /**
   * The worker holds this page's verdict (it asked for it, or asked for a run): a later run of a
   * page that names no Chinese actor sends its verdict, so that the stored one stays this page's.
   */
  private told = false;

  constructor(
    private readonly doc: Document,
    private readonly load: () => Promise<FullSession>,
  ) {}

  /** Whether the rest of the content script was loaded (or is loading). */
  get loaded(): boolean {
    return this.full !== null;
  }

  /**
   * Look at the page again (first load, single-page navigation). `asked`: the worker asked for
   * this run ("analyse anyway", a changed setting), so its verdict is sent whatever it is.
   */
  async run(signal: AbortSignal, force = false, asked = false): Promise<void> {
    try {
      if (asked) this.told = true;
      if (this.full) return await (await this.full).run(signal, force);
      if (!force && !namesChinaOnPage(this.doc, builtChinaNames())) {
        if (!this.told || signal.aborted) return;
        await send('analyzePage', { ...this.describe(), force });
        return;
      }
      this.full = this.load();
      const session = await this.full;
      if (signal.aborted) return;
      await session.run(signal, force, !force);
    } catch (error) {
      // The page is not ours: report quietly, never throw into it.
      console.debug('Backstory: analysis failed', error);
    }
  }

  /**
   * The page's verdict for the worker that asks (it has none stored), or null when the rest of
   * the content script has the page (its analysis is sent when done) or the page names a Chinese
   * actor now (a run is due: the caller starts one).
   */
  verdict(): PageVerdict | null {
    if (this.full || namesChinaOnPage(this.doc, builtChinaNames())) return null;
    this.told = true;
    return this.describe();
  }

  /** Show a matched quote; a page that never loaded the rest has none. */
  async reveal(quoteIndex: number): Promise<boolean> {
    return this.full ? (await this.full).reveal(quoteIndex) : false;
  }

  /** The verdict on a page that names no Chinese actor, as the popup shows it. */
  private describe(): PageVerdict {
    const pageUrl = this.doc.location?.href ?? '';
    const extracted = unnamedPage(this.doc, pageUrl);
    const detection = unreadDetection(extracted);
    if (!detection) throw new Error('Backstory: a page read at a glance has no verdict');
    return { pageUrl, extracted, detection };
  }
}
