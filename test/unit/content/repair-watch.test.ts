import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForRepairs } from '../../../content/repair-watch.ts';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const flush = (): Promise<void> => new Promise((r) => queueMicrotask(r));

describe('watchForRepairs', () => {
  it('calls back once per burst of text changes, and stops when aborted', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const stop = new AbortController();
    watchForRepairs(document.body, onChange, { signal: stop.signal, throttleMs: 400 });
    for (let i = 0; i < 5; i++) document.body.append(document.createTextNode(`more text ${i}`));
    await flush();
    vi.advanceTimersByTime(450);
    expect(onChange).toHaveBeenCalledTimes(1);

    stop.abort();
    document.body.append(document.createTextNode('after abort'));
    await flush();
    vi.advanceTimersByTime(1000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('ignores Backstory’s own card host and changes without text', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const host = document.createElement('backstory-card');
    watchForRepairs(document.documentElement, onChange, {
      signal: new AbortController().signal,
      ignore: (n) => n === host,
    });
    document.documentElement.append(host);
    document.body.append(document.createElement('img'));
    await flush();
    vi.advanceTimersByTime(1000);
    expect(onChange).not.toHaveBeenCalled();
    host.remove();
  });
});
