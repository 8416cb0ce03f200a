/**
 * The content script's work for one page: extract and detect locally, ask the background to match,
 * anchor and highlight the matched quotes, show the card on demand, and keep all of it right as
 * the page changes. Every run takes an AbortSignal; nothing ever throws into the page.
 */
import { extractAndDetectSteps } from '../src/core/classify.ts';
import { bodyOf, rootOf } from '../src/core/dom-safe.ts';
import type { Analysis, HighlightStats } from '../src/core/types.ts';
import { callBackground } from '../src/messaging.ts';
import { highlightsEnabledFor, readSettings, type Settings } from '../src/settings.ts';
import { QuoteCard } from './card.ts';
import { Highlighter } from './highlights.ts';
import { watchInteractions, type InteractionHost } from './interactions.ts';
import { watchForRepairs } from './repair-watch.ts';
import { runSliced } from './slices.ts';

/** Re-anchoring of not-yet-found quotes stops after this many page changes per run. */
const ORPHAN_RETRIES = 30;
/** The page's text grew by this much (chars, and ratio) since extraction: analyse it again. */
const LATE_TEXT_CHARS = 600;
const LATE_TEXT_RATIO = 1.3;
const MAX_LATE_RUNS = 3;

function reducedMotion(): boolean {
  try {
    return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  } catch {
    return false;
  }
}

export class PageSession implements InteractionHost {
  private analysis: Analysis | null = null;
  private paragraphs: string[] = [];
  private readonly highlighter: Highlighter;
  private readonly card: QuoteCard;
  private readonly life = new AbortController();
  private watch: AbortController | null = null;
  private enabled = true;
  private open: { index: number; rect: number } | null = null;
  private reported = '';
  private orphanRetries = 0;
  private runId = 0;
  /** Page text length when the article was last extracted, to notice a body arriving late. */
  private textLength = 0;
  /** Re-runs started because the page's text grew (bounded: some pages never stop growing). */
  private lateRuns = 0;
  private late: AbortController | null = null;
  private lastUrl = '';
  private settingsChanges = 0;

  constructor(private readonly doc: Document) {
    this.card = new QuoteCard(doc, {
      onClose: () => this.close(),
      onNavigate: (step) => this.navigate(step),
    });
    this.highlighter = new Highlighter(rootOf(doc) ?? doc, {
      skip: (el) => el === this.card.hostElement,
    });
    watchInteractions(doc, this, this.life.signal);
  }

  /**
   * Analyse the page and highlight its matched quotes. A newer run (SPA navigation, "analyse
   * anyway", a body that arrived late) supersedes an older one still working or waiting for the
   * background. `glanced`: the gate found a Chinese actor named on the page just now. The work
   * yields to the page between steps (slices.ts).
   */
  async run(signal: AbortSignal, force = false, glanced = false): Promise<void> {
    const id = ++this.runId;
    const stale = (): boolean => signal.aborted || id !== this.runId;
    try {
      const pageUrl = this.doc.location?.href ?? '';
      const steps = extractAndDetectSteps(this.doc, pageUrl, { full: force, glanced });
      const classified = await runSliced(steps, signal);
      if (!classified || stale()) return;
      const { extracted, detection } = classified;
      // Single-page navigation away from an article: its highlights and card go at once.
      if (this.analysis?.article && extracted.notArticleReason) await this.clearPage();
      const settingsSeen = this.settingsChanges;
      const [analysis, settings] = await Promise.all([
        callBackground('analyzePage', { pageUrl, extracted, detection, force }),
        readSettings(),
      ]);
      if (stale()) return;
      // A switch flipped while this run waited is newer than what was read here.
      if (settingsSeen === this.settingsChanges) {
        this.enabled = highlightsEnabledFor(settings, this.hostname());
      }
      if (pageUrl !== this.lastUrl) this.lateRuns = 0;
      this.lastUrl = pageUrl;
      this.analysis = analysis;
      this.paragraphs = extracted.paragraphs;
      this.textLength = this.pageTextLength();
      await this.anchor(signal, force);
    } catch (error) {
      // The page is not ours: report quietly, never throw into it.
      console.debug('Backstory: analysis failed', error);
    }
  }

  /** The reader changed the switches: show or hide the highlights at once. */
  applySettings(settings: Settings): void {
    try {
      this.settingsChanges++;
      this.enabled = highlightsEnabledFor(settings, this.hostname());
      if (!this.enabled) this.close();
      this.highlighter.setShown(this.enabled);
    } catch (error) {
      console.debug('Backstory: settings change failed', error);
    }
  }

  /** Scroll to a quote (index into the analysis' quotes), flash it and open its card. */
  reveal(quoteIndex: number): boolean {
    try {
      if (!this.highlighter.rangeOf(quoteIndex)) this.repair(true);
      const range = this.highlighter.rangeOf(quoteIndex);
      if (!range) return false;
      this.scrollTo(range);
      this.highlighter.flash(quoteIndex);
      this.openCard(quoteIndex, { focus: true });
      return true;
    } catch (error) {
      console.debug('Backstory: reveal failed', error);
      return false;
    }
  }

  /** The article went away: remove highlights and the card, and tell the background. */
  async clearPage(): Promise<void> {
    this.forget();
    try {
      await callBackground('clearPage', { pageUrl: this.doc.location?.href ?? '' });
    } catch (error) {
      console.debug('Backstory: clearPage failed', error);
    }
  }

  dispose(): void {
    this.forget();
    this.life.abort();
  }

  // InteractionHost -------------------------------------------------------------------------

  quoteAt(x: number, y: number): number | null {
    return this.enabled ? this.highlighter.quoteAt(x, y) : null;
  }

  isCard(target: EventTarget | null): boolean {
    return this.card.owns(target);
  }

  openQuote(): number | null {
    return this.card.isOpen ? (this.open?.index ?? null) : null;
  }

  openCard(index: number, how: { focus: boolean; point?: { x: number; y: number } }): void {
    const quote = this.highlighter.quote(index);
    const range = this.highlighter.rangeOf(index);
    if (!quote || !range) return;
    const rects = [...range.getClientRects()];
    let rect = 0;
    if (how.point) {
      const { x, y } = how.point;
      const hit = rects.findIndex(
        (r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom,
      );
      rect = Math.max(0, hit);
    }
    const order = this.highlighter.placedIndexes();
    this.open = { index, rect };
    this.highlighter.setActive(index);
    this.card.show({
      quote,
      position: order.indexOf(index) + 1,
      total: order.length,
      rect: rects[rect] ?? range.getBoundingClientRect(),
      focus: how.focus,
      sourceName: (id) => this.sourceName(id),
    });
  }

  close(): void {
    this.open = null;
    this.highlighter.setActive(null);
    this.card.hide();
  }

  follow(): void {
    const open = this.open;
    const range = open ? this.highlighter.rangeOf(open.index) : null;
    if (!open || !range) return this.close();
    const rects = range.getClientRects();
    this.card.follow(rects[open.rect] ?? rects[0] ?? null);
  }

  keyboardTarget(): number | null {
    if (!this.enabled) return null;
    const order = this.highlighter.placedIndexes();
    for (const i of order) {
      const r = this.highlighter.rangeOf(i)?.getBoundingClientRect();
      if (r && r.bottom > 0) return i;
    }
    return order[0] ?? null;
  }

  // ------------------------------------------------------------------------------------------

  private navigate(step: -1 | 1): void {
    const order = this.highlighter.placedIndexes();
    if (order.length === 0 || !this.open) return;
    const at = order.indexOf(this.open.index);
    const next = order[(at + step + order.length) % order.length];
    if (next === undefined) return;
    const range = this.highlighter.rangeOf(next);
    if (range) this.scrollTo(range);
    this.openCard(next, { focus: true });
  }

  private async anchor(signal: AbortSignal, force: boolean): Promise<void> {
    const analysis = this.analysis;
    this.close();
    this.watch?.abort();
    this.watch = null;
    const quotes = analysis?.quotes ?? [];
    const matched = quotes.some((q) => q.matches.length > 0);
    if (!matched) {
      this.highlighter.clear();
      this.card.destroy();
      if (analysis && analysis.related.length > 0) await this.report({ anchored: 0, orphaned: 0 });
    } else {
      const stats = this.highlighter.anchor(quotes, this.paragraphs);
      this.highlighter.setShown(this.enabled);
      this.orphanRetries = ORPHAN_RETRIES;
      await this.report(stats, true);
    }
    if (signal.aborted) return;
    const watch = new AbortController();
    signal.addEventListener('abort', () => watch.abort(), { once: true });
    this.watch = watch;
    const root = rootOf(this.doc);
    if (!root) return;
    watchForRepairs(root, () => this.pageChanged(force), {
      signal: watch.signal,
      ignore: (n) => n === this.card.hostElement,
    });
  }

  /**
   * The page's text changed after the run. A body that arrived late (much more text than was
   * extracted) means a fresh run; otherwise re-anchor what broke or was not found yet.
   */
  private pageChanged(force: boolean): void {
    const length = this.pageTextLength();
    if (
      this.lateRuns < MAX_LATE_RUNS &&
      length > this.textLength + LATE_TEXT_CHARS &&
      length > this.textLength * LATE_TEXT_RATIO
    ) {
      this.lateRuns++;
      this.late?.abort();
      this.late = new AbortController();
      void this.run(this.late.signal, force);
      return;
    }
    if (this.analysis?.quotes.some((q) => q.matches.length > 0)) this.repair(false);
  }

  private pageTextLength(): number {
    return (bodyOf(this.doc)?.textContent ?? '').length;
  }

  /** Re-anchor after the page changed; `force` retries orphans even past the retry budget. */
  private repair(force: boolean): void {
    const retryOrphans = force || this.orphanRetries > 0;
    if (retryOrphans && !force) this.orphanRetries--;
    if (!this.highlighter.repair(retryOrphans)) return;
    if (this.open && !this.highlighter.rangeOf(this.open.index)) this.close();
    else if (this.open) this.follow();
    void this.report(this.highlighter.stats());
  }

  private async report(stats: HighlightStats, always = false): Promise<void> {
    const key = `${stats.anchored}/${stats.orphaned}`;
    if (!always && key === this.reported) return;
    this.reported = key;
    try {
      await callBackground('reportHighlights', stats);
    } catch (error) {
      console.debug('Backstory: reportHighlights failed', error);
    }
  }

  private scrollTo(range: Range): void {
    const el = range.startContainer.parentElement;
    if (!el) return;
    const rect = range.getBoundingClientRect();
    const vh = globalThis.innerHeight || 0;
    if (rect.top >= 60 && rect.bottom <= vh - 60) return;
    el.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }

  private forget(): void {
    this.close();
    this.watch?.abort();
    this.watch = null;
    this.late?.abort();
    this.late = null;
    this.analysis = null;
    this.highlighter.clear();
    this.card.destroy();
    this.reported = '';
  }

  /** The headline of a corpus article the analysis relates. */
  private sourceName(articleId: string): string | null {
    const r = this.analysis?.related.find((x) => x.id === articleId);
    return r ? r.title : null;
  }

  private hostname(): string {
    return this.doc.location?.hostname ?? '';
  }
}
