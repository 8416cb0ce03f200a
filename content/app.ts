/**
 * The content script's work for one page: extract and detect locally, ask the background to match,
 * highlight matched quotes. Every run takes an AbortSignal; nothing ever throws into the page.
 */
import { extractAndDetect } from '../src/core/analyze.ts';
import type { Analysis } from '../src/core/types.ts';
import { callBackground } from '../src/messaging.ts';
import { highlightsEnabledFor, readSettings } from '../src/settings.ts';
import { Highlighter } from './highlights.ts';

export class PageSession {
  private analysis: Analysis | null = null;
  private readonly highlighter: Highlighter;

  constructor(private readonly doc: Document) {
    this.highlighter = new Highlighter(doc.body ?? doc);
  }

  async run(signal: AbortSignal, force = false): Promise<void> {
    try {
      const pageUrl = this.doc.location?.href ?? '';
      const { extracted, detection } = extractAndDetect(this.doc, pageUrl);
      if (signal.aborted) return;
      const analysis = await callBackground('analyzePage', {
        pageUrl,
        extracted,
        detection,
        force,
      });
      if (signal.aborted) return;
      this.analysis = analysis;
      await this.highlight();
    } catch (error) {
      // The page is not ours: report quietly, never throw into it.
      console.debug('Backstory: analysis failed', error);
    }
  }

  async highlight(): Promise<void> {
    const settings = await readSettings();
    const host = this.doc.location?.hostname ?? '';
    const quotes = this.analysis?.quotes ?? [];
    const stats = highlightsEnabledFor(settings, host)
      ? this.highlighter.apply(quotes)
      : (this.highlighter.clear(), { anchored: 0, orphaned: 0 });
    if (this.analysis && quotes.length > 0) await callBackground('reportHighlights', stats);
  }

  reveal(_quoteIndex: number): boolean {
    return false;
  }

  dispose(): void {
    this.highlighter.clear();
  }
}
