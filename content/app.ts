/**
 * The content script's work for one page: extract and detect locally, ask the background to match,
 * anchor and highlight the matched quotes, show the card on demand, and keep all of it right as
 * the page changes. Nothing ever throws into the page.
 *
 * ## The page session as a state machine
 *
 * `PageSession.state` is always one of:
 *
 * | state      | what is happening                                       | holds                |
 * |------------|---------------------------------------------------------|----------------------|
 * | `idle`     | nothing of ours on the page                             | —                    |
 * | `reading`  | a run extracts and classifies the page, in slices       | the run, old view    |
 * | `matching` | the run waits for the background's analysis             | the run, old view    |
 * | `showing`  | an analysis is shown: quotes anchored, page watched     | the view             |
 * | `disposed` | the session is over; every event is ignored             | —                    |
 *
 * A *run* is one pass over the page (first load, single-page navigation, "analyse anyway", a
 * correction, a body that arrived late). A *view* is what one run's analysis put on the page: the
 * analysis (with the run id the worker gave it, which every report names), the highlights, the
 * open card, the watcher that repairs highlights the page breaks.
 *
 * Transitions (anything not listed leaves the state as it is):
 *
 * - `run()` in any state but `disposed` → `reading`. A run still in progress is aborted: the
 *   newest run always wins. The view on the page stays until the new analysis replaces it.
 * - `reading` → `matching` once the page is classified. A page that is no longer an article (a
 *   single-page navigation away from one) first drops the view and tells the worker (`clearPage`).
 * - `matching` → `showing` with the worker's answer: the old view's watcher stops, the new
 *   analysis' quotes are anchored and reported (`reportHighlights` with the run id).
 * - `reading`/`matching` → back to `showing` (the old view) or `idle` when the run is aborted by
 *   its caller or fails (quietly: the worker keeps the failure for the popup).
 * - `showing` → `reading` when the page's text grew well past what was extracted (a body
 *   arriving late; at most MAX_LATE_RUNS per address); → `showing` after a repair, which
 *   re-reports changed counts.
 * - any → `disposed` on `dispose()`: the run is aborted, the view dropped, listeners removed.
 *
 * Three AbortControllers: the session's life (interactions), the run's (superseded or its
 * caller's signal aborted), and the view's watcher (replaced, dropped, or its run's caller
 * signal aborted).
 */
import { extractAndDetectSteps } from '../src/core/classify.ts';
import { bodyOf, rootOf } from '../src/core/dom-safe.ts';
import type { Lexicon } from '../src/core/lexicon.ts';
import type { Analysis, HighlightStats } from '../src/core/types.ts';
import { callBackground } from '../src/messaging.ts';
import { nameOfFor } from '../src/name-display.ts';
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
/** Re-runs for a body arriving late, per address (some pages never stop growing). */
const MAX_LATE_RUNS = 3;

function reducedMotion(): boolean {
  try {
    return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  } catch {
    return false;
  }
}

/** One pass over the page. */
interface Run {
  /** Aborted when a newer run starts, the caller's signal aborts, or the session ends. */
  readonly abort: AbortController;
  /** The caller's signal: the view the run shows is watched until it aborts. */
  readonly signal: AbortSignal;
  /** Analyse even if detection does not flag the page ("analyse anyway"). */
  readonly force: boolean;
}

/** What one run's analysis put on the page. */
interface View {
  readonly analysis: Analysis & { run: number };
  readonly paragraphs: string[];
  /** Page text length when the article was extracted, to notice a body arriving late. */
  readonly textLength: number;
  readonly force: boolean;
  /** Stops the repair watcher. */
  readonly watch: AbortController;
  /** Re-anchoring attempts of not-yet-found quotes left. */
  orphanRetries: number;
  /** The last counts reported to the worker ("anchored/orphaned"). */
  reported: string;
  /** The open card: its quote, and which of the quote's client rects it points at. */
  open: { index: number; rect: number } | null;
}

type State =
  | { readonly name: 'idle' }
  | { readonly name: 'reading' | 'matching'; readonly run: Run; readonly view: View | null }
  | { readonly name: 'showing'; readonly view: View }
  | { readonly name: 'disposed' };

const IDLE: State = { name: 'idle' };

export class PageSession implements InteractionHost {
  private state: State = IDLE;
  private readonly highlighter: Highlighter;
  private readonly card: QuoteCard;
  private readonly life = new AbortController();
  /** The reader's highlight switches for this site, and how often they changed. */
  private switches = { enabled: true, changes: 0 };
  /** Late-body re-runs made for the current address. */
  private late = { url: '', runs: 0 };

  /** `lexicon`: the words and names the page is read with (full.ts loads it first). */
  constructor(
    private readonly doc: Document,
    private readonly lexicon: Lexicon,
  ) {
    this.card = new QuoteCard(doc, {
      onClose: () => this.close(),
      onNavigate: (step) => this.navigate(step),
    });
    this.highlighter = new Highlighter(rootOf(doc) ?? doc, {
      skip: (el) => el === this.card.hostElement,
    });
    watchInteractions(doc, this, this.life.signal);
  }

  /** The state's name, for tests and debugging. */
  get phase(): State['name'] {
    return this.state.name;
  }

  /**
   * Analyse the page and highlight its matched quotes (see the state machine above). `signal`:
   * the caller's (a navigation, a newer request); `glanced`: the gate found a Chinese actor named
   * on the page just now. The work yields to the page between steps (slices.ts).
   */
  async run(signal: AbortSignal, force = false, glanced = false): Promise<void> {
    if (this.state.name === 'disposed') return;
    const previous = this.currentRun();
    previous?.abort.abort();
    const run: Run = { abort: new AbortController(), signal, force };
    if (signal.aborted) run.abort.abort();
    else signal.addEventListener('abort', () => run.abort.abort(), { once: true });
    this.state = { name: 'reading', run, view: this.view() };
    const live = (): boolean => !run.abort.signal.aborted && this.currentRun() === run;
    try {
      const pageUrl = this.doc.location?.href ?? '';
      const steps = extractAndDetectSteps(this.doc, pageUrl, this.lexicon, {
        full: force,
        glanced,
      });
      const classified = await runSliced(steps, run.abort.signal);
      if (!classified || !live()) return;
      const { extracted, detection } = classified;
      // Single-page navigation away from an article: its highlights and card go at once.
      const old = this.view();
      if (old?.analysis.article && extracted.notArticleReason) {
        this.dropView();
        this.state = { name: 'matching', run, view: null };
        await this.tellCleared(old);
        if (!live()) return;
      } else this.state = { name: 'matching', run, view: old };
      const switchesSeen = this.switches.changes;
      const [analysis, settings] = await Promise.all([
        callBackground('analyzePage', { pageUrl, extracted, detection, force }),
        readSettings(),
      ]);
      if (!live()) return;
      // A switch flipped while this run waited is newer than what was read here.
      if (switchesSeen === this.switches.changes) {
        this.switches.enabled = highlightsEnabledFor(settings, this.hostname());
      }
      if (pageUrl !== this.late.url) this.late = { url: pageUrl, runs: 0 };
      await this.show(run, analysis, extracted.paragraphs);
    } catch (error) {
      // The page is not ours: report quietly, never throw into it. The worker has stored the
      // failure of an analysis it could not make, for the popup to show.
      console.debug('Backstory: analysis failed', error);
    } finally {
      // Aborted or failed before showing: back to what is on the page.
      if (this.currentRun() === run) {
        const view = this.view();
        this.state = view ? { name: 'showing', view } : IDLE;
      }
    }
  }

  /** The reader changed the switches: show or hide the highlights at once. */
  applySettings(settings: Settings): void {
    try {
      this.switches = {
        enabled: highlightsEnabledFor(settings, this.hostname()),
        changes: this.switches.changes + 1,
      };
      if (!this.switches.enabled) this.close();
      this.highlighter.setShown(this.switches.enabled);
    } catch (error) {
      console.debug('Backstory: settings change failed', error);
    }
  }

  /** Scroll to a quote (index into the analysis' quotes), flash it and open its card. */
  reveal(quoteIndex: number): boolean {
    try {
      const view = this.view();
      if (!view) return false;
      if (!this.highlighter.rangeOf(quoteIndex)) this.repair(view, true);
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

  dispose(): void {
    this.currentRun()?.abort.abort();
    this.dropView();
    this.life.abort();
    this.state = { name: 'disposed' };
  }

  // InteractionHost -------------------------------------------------------------------------

  quoteAt(x: number, y: number): number | null {
    return this.switches.enabled ? this.highlighter.quoteAt(x, y) : null;
  }

  isCard(target: EventTarget | null): boolean {
    return this.card.owns(target);
  }

  openQuote(): number | null {
    return this.card.isOpen ? (this.view()?.open?.index ?? null) : null;
  }

  openCard(index: number, how: { focus: boolean; point?: { x: number; y: number } }): void {
    const view = this.view();
    const quote = this.highlighter.quote(index);
    const range = this.highlighter.rangeOf(index);
    if (!view || !quote || !range) return;
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
    view.open = { index, rect };
    this.highlighter.setActive(index);
    this.card.show({
      quote,
      position: order.indexOf(index) + 1,
      total: order.length,
      rect: rects[rect] ?? range.getBoundingClientRect(),
      focus: how.focus,
      sourceName: (id) => this.sourceName(id),
      nameOf: nameOfFor(view.analysis),
    });
  }

  close(): void {
    const view = this.view();
    if (view) view.open = null;
    this.highlighter.setActive(null);
    this.card.hide();
  }

  follow(): void {
    const open = this.view()?.open;
    const range = open ? this.highlighter.rangeOf(open.index) : null;
    if (!open || !range) return this.close();
    const rects = range.getClientRects();
    this.card.follow(rects[open.rect] ?? rects[0] ?? null);
  }

  keyboardTarget(): number | null {
    if (!this.switches.enabled) return null;
    const order = this.highlighter.placedIndexes();
    for (const i of order) {
      const r = this.highlighter.rangeOf(i)?.getBoundingClientRect();
      if (r && r.bottom > 0) return i;
    }
    return order[0] ?? null;
  }

  // ------------------------------------------------------------------------------------------

  private currentRun(): Run | null {
    const s = this.state;
    return s.name === 'reading' || s.name === 'matching' ? s.run : null;
  }

  private view(): View | null {
    const s = this.state;
    return s.name === 'showing' || s.name === 'reading' || s.name === 'matching' ? s.view : null;
  }

  private navigate(step: -1 | 1): void {
    const order = this.highlighter.placedIndexes();
    const open = this.view()?.open;
    if (order.length === 0 || !open) return;
    const at = order.indexOf(open.index);
    const next = order[(at + step + order.length) % order.length];
    if (next === undefined) return;
    const range = this.highlighter.rangeOf(next);
    if (range) this.scrollTo(range);
    this.openCard(next, { focus: true });
  }

  /** `matching` → `showing`: the run's analysis replaces the view on the page. */
  private async show(
    run: Run,
    analysis: Analysis & { run: number },
    paragraphs: string[],
  ): Promise<void> {
    const old = this.view();
    this.close();
    old?.watch.abort();
    const view: View = {
      analysis,
      paragraphs,
      textLength: this.pageTextLength(),
      force: run.force,
      watch: new AbortController(),
      orphanRetries: ORPHAN_RETRIES,
      reported: '',
      open: null,
    };
    this.state = { name: 'showing', view };
    const quotes = analysis.quotes;
    if (!quotes.some((q) => q.matches.length > 0)) {
      this.highlighter.clear();
      this.card.destroy();
      if (analysis.related.length > 0) await this.report(view, { anchored: 0, orphaned: 0 });
    } else {
      const stats = this.highlighter.anchor(quotes, paragraphs);
      this.highlighter.setShown(this.switches.enabled);
      await this.report(view, stats, true);
    }
    if (run.signal.aborted) return view.watch.abort();
    run.signal.addEventListener('abort', () => view.watch.abort(), { once: true });
    const root = rootOf(this.doc);
    if (!root || view.watch.signal.aborted) return;
    watchForRepairs(root, () => this.pageChanged(view), {
      signal: view.watch.signal,
      ignore: (n) => n === this.card.hostElement,
    });
  }

  /**
   * The page's text changed after the run. A body that arrived late (much more text than was
   * extracted) means a fresh run; otherwise re-anchor what broke or was not found yet.
   */
  private pageChanged(view: View): void {
    if (this.view() !== view) return;
    const length = this.pageTextLength();
    if (
      this.late.runs < MAX_LATE_RUNS &&
      length > view.textLength + LATE_TEXT_CHARS &&
      length > view.textLength * LATE_TEXT_RATIO
    ) {
      this.late.runs++;
      void this.run(this.life.signal, view.force);
      return;
    }
    if (view.analysis.quotes.some((q) => q.matches.length > 0)) this.repair(view, false);
  }

  private pageTextLength(): number {
    return (bodyOf(this.doc)?.textContent ?? '').length;
  }

  /** Re-anchor after the page changed; `force` retries orphans even past the retry budget. */
  private repair(view: View, force: boolean): void {
    const retryOrphans = force || view.orphanRetries > 0;
    if (retryOrphans && !force) view.orphanRetries--;
    if (!this.highlighter.repair(retryOrphans)) return;
    if (view.open && !this.highlighter.rangeOf(view.open.index)) this.close();
    else if (view.open) this.follow();
    void this.report(view, this.highlighter.stats());
  }

  /** Tell the worker the counts of the view's run (it drops them if a newer run is stored). */
  private async report(view: View, stats: HighlightStats, always = false): Promise<void> {
    const key = `${stats.anchored}/${stats.orphaned}`;
    if (!always && key === view.reported) return;
    view.reported = key;
    try {
      await callBackground('reportHighlights', { run: view.analysis.run, stats });
    } catch (error) {
      console.debug('Backstory: reportHighlights failed', error);
    }
  }

  private async tellCleared(view: View): Promise<void> {
    try {
      await callBackground('clearPage', {
        pageUrl: this.doc.location?.href ?? '',
        run: view.analysis.run,
      });
    } catch (error) {
      console.debug('Backstory: clearPage failed', error);
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

  /** Take the view off the page (highlights, card, watcher); the run in progress, if any, stays. */
  private dropView(): void {
    const view = this.view();
    this.close();
    view?.watch.abort();
    this.highlighter.clear();
    this.card.destroy();
    const s = this.state;
    if (s.name === 'showing') this.state = IDLE;
    else if (s.name === 'reading' || s.name === 'matching') this.state = { ...s, view: null };
  }

  /** The headline of a corpus article the analysis relates. */
  private sourceName(articleId: string): string | null {
    const r = this.view()?.analysis.related.find((x) => x.id === articleId);
    return r ? r.title : null;
  }

  private hostname(): string {
    return this.doc.location?.hostname ?? '';
  }
}
