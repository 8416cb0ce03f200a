/**
 * What runs on every page the reader opens: the glance for a Chinese actor (src/core/china.ts).
 * Most pages end there, their verdict (`unrelated`) sent to the background. A page that names
 * one loads the rest of the content script (full.ts: the pre-check, Readability, detection,
 * anchoring, the card) once, and from then on every run of that page goes to it.
 */
import { glance } from '../src/core/china.ts';
import { unreadDetection } from '../src/core/unread.ts';
import { send } from './port.ts';

/** The loaded rest of the content script, as the gate sees it (app.ts' PageSession). */
export interface FullSession {
  run(signal: AbortSignal, force?: boolean, glanced?: boolean): Promise<void>;
  reveal(quoteIndex: number): boolean;
}

export class PageGate {
  private full: Promise<FullSession> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly load: () => Promise<FullSession>,
  ) {}

  /** Whether the rest of the content script was loaded (or is loading). */
  get loaded(): boolean {
    return this.full !== null;
  }

  async run(signal: AbortSignal, force = false): Promise<void> {
    try {
      if (this.full) return await (await this.full).run(signal, force);
      const pageUrl = this.doc.location?.href ?? '';
      const unrelated = force ? null : glance(this.doc, pageUrl);
      const detection = unrelated && unreadDetection(unrelated);
      if (unrelated && detection) {
        if (signal.aborted) return;
        await send('analyzePage', { pageUrl, extracted: unrelated, detection, force });
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

  /** Show a matched quote; a page that never loaded the rest has none. */
  async reveal(quoteIndex: number): Promise<boolean> {
    return this.full ? (await this.full).reveal(quoteIndex) : false;
  }
}
