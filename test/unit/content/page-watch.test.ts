import { watchPage } from '../../../content/page-watch.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function showArticle(headline: string): void {
  document.title = headline;
  document.body.innerHTML = `<main><article><h1>${headline}</h1><p>Body of ${headline}.</p></article></main>`;
}

describe('watchPage', () => {
  let stop: AbortController;
  let runs: { signal: AbortSignal; path: string; headline: string }[];
  const run = (signal: AbortSignal): void => {
    runs.push({
      signal,
      path: location.pathname,
      headline: document.querySelector('h1')?.textContent ?? '',
    });
  };
  const opts = (): { signal: AbortSignal; settleMs: number; pollMs: number } => ({
    signal: stop.signal,
    settleMs: 30,
    pollMs: 10,
  });

  beforeEach(() => {
    history.replaceState(null, '', '/news/first-story');
    showArticle('First story');
    stop = new AbortController();
    runs = [];
  });
  afterEach(() => stop.abort());

  it('runs once at start', () => {
    watchPage(run, opts());
    expect(runs).toHaveLength(1);
    expect(runs[0]!.path).toBe('/news/first-story');
  });

  it('re-runs after a single-page navigation, once the new article is in place, aborting the old run', async () => {
    watchPage(run, opts());
    history.pushState(null, '', '/news/second-story');
    await sleep(15);
    // The old run is aborted as soon as the URL changes.
    expect(runs[0]!.signal.aborted).toBe(true);
    showArticle('Second story');
    await vi.waitFor(() => expect(runs).toHaveLength(2), { timeout: 2000 });
    expect(runs[1]).toMatchObject({ path: '/news/second-story', headline: 'Second story' });
    expect(runs[1]!.signal.aborted).toBe(false);
  });

  it('notices popstate (back button)', async () => {
    watchPage(run, opts());
    history.pushState(null, '', '/news/second-story');
    showArticle('Second story');
    await vi.waitFor(() => expect(runs).toHaveLength(2), { timeout: 2000 });
    history.back();
    window.dispatchEvent(new PopStateEvent('popstate'));
    showArticle('First story');
    await vi.waitFor(() => expect(runs).toHaveLength(3), { timeout: 2000 });
    expect(runs[1]!.signal.aborted).toBe(true);
  });

  it('re-runs when the main content is replaced without a URL change', async () => {
    watchPage(run, opts());
    showArticle('Replaced story');
    await vi.waitFor(() => expect(runs).toHaveLength(2), { timeout: 2000 });
    expect(runs[1]!.headline).toBe('Replaced story');
  });

  it('does not re-run for a #hash jump or for unrelated mutations such as ads', async () => {
    watchPage(run, opts());
    history.pushState(null, '', '/news/first-story#comments');
    const ad = document.createElement('div');
    ad.textContent = 'Advertisement';
    document.body.appendChild(ad);
    await sleep(150);
    expect(runs).toHaveLength(1);
  });

  it('waits for the page to settle before re-running', async () => {
    watchPage(run, { ...opts(), settleMs: 60 });
    history.pushState(null, '', '/news/second-story');
    showArticle('Second story');
    // Keep mutating for a while: the re-run waits until mutations stop.
    for (let i = 0; i < 6; i++) {
      await sleep(15);
      document.querySelector('article')!.appendChild(document.createElement('p'));
    }
    expect(runs).toHaveLength(1);
    await vi.waitFor(() => expect(runs).toHaveLength(2), { timeout: 2000 });
  });

  it('stops everything when its signal aborts', async () => {
    watchPage(run, opts());
    stop.abort();
    expect(runs[0]!.signal.aborted).toBe(true);
    history.pushState(null, '', '/news/other-story');
    showArticle('Other story');
    await sleep(150);
    expect(runs).toHaveLength(1);
  });

  it('does nothing with an already aborted signal', () => {
    stop.abort();
    watchPage(run, opts());
    expect(runs).toHaveLength(0);
  });

  it('survives runs that throw or reject', async () => {
    let calls = 0;
    watchPage(() => {
      calls++;
      if (calls === 1) throw new Error('boom');
      return Promise.reject(new Error('later'));
    }, opts());
    showArticle('Next story');
    await vi.waitFor(() => expect(calls).toBe(2), { timeout: 2000 });
  });

  it('never modifies the page DOM', async () => {
    const before = document.documentElement.outerHTML;
    watchPage(run, opts());
    await sleep(50);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('with content: false, watches only the address until asked to watch the content too', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const watch = watchPage(run, { ...opts(), content: false });
    expect(observe).not.toHaveBeenCalled();
    // The headline is replaced without a change of address: not seen.
    showArticle('Replaced story');
    await sleep(150);
    expect(runs).toHaveLength(1);
    // A change of address is.
    history.pushState(null, '', '/news/second-story');
    showArticle('Second story');
    await vi.waitFor(() => expect(runs).toHaveLength(2), { timeout: 2000 });
    expect(runs[1]).toMatchObject({ path: '/news/second-story', headline: 'Second story' });
    // From watchContent() on, a replaced headline is seen too.
    watch.watchContent();
    expect(observe).toHaveBeenCalledTimes(1);
    showArticle('Third story');
    await vi.waitFor(() => expect(runs).toHaveLength(3), { timeout: 2000 });
    expect(runs[2]!.headline).toBe('Third story');
    observe.mockRestore();
  });

  describe('where the browser has the Navigation API', () => {
    let navigation: EventTarget;
    beforeEach(() => {
      navigation = new EventTarget();
      vi.stubGlobal('navigation', navigation);
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    });

    it('keeps no timer on the page: its events tell of every change of address', async () => {
      const interval = vi.spyOn(globalThis, 'setInterval');
      watchPage(run, opts());
      expect(interval).not.toHaveBeenCalled();
      history.pushState(null, '', '/news/second-story');
      showArticle('Second story');
      await sleep(100);
      // No event, no look at the address: only the replaced headline is seen.
      expect(runs).toHaveLength(2);
      expect(runs[1]).toMatchObject({ path: '/news/second-story', headline: 'Second story' });
      history.pushState(null, '', '/news/third-story');
      navigation.dispatchEvent(new Event('currententrychange'));
      await sleep(15);
      // The address changed: the old run is aborted at once, before the page settles.
      expect(runs[1]!.signal.aborted).toBe(true);
      showArticle('Third story');
      await vi.waitFor(() => expect(runs).toHaveLength(3), { timeout: 2000 });
      expect(runs[2]).toMatchObject({ path: '/news/third-story', headline: 'Third story' });
    });

    it('stops listening when its signal aborts', async () => {
      watchPage(run, opts());
      stop.abort();
      history.pushState(null, '', '/news/other-story');
      navigation.dispatchEvent(new Event('currententrychange'));
      showArticle('Other story');
      await sleep(150);
      expect(runs).toHaveLength(1);
    });
  });
});
