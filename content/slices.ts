/**
 * Backstory's work on a page, cut into slices that let the page run in between, so that no task
 * of ours holds the main thread long enough to freeze scrolling or typing. A piece of work is a
 * generator; each `yield` in it ends a slice.
 */

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/**
 * Let the page run: `scheduler.yield()` where the browser has it (the continuation keeps its
 * place ahead of other tasks), else a fresh macrotask through a MessageChannel (a setTimeout
 * after a few nested ones waits 4 ms), else setTimeout.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    } else {
      setTimeout(resolve, 0);
    }
  });
}

/**
 * Run `steps` to the end, yielding to the page before the first slice and between slices (the
 * caller's own work, such as loading and evaluating the rest of the content script, ends the
 * task it ran in). Returns null, without running further, once `signal` aborts.
 */
export async function runSliced<T>(
  steps: Generator<void, T>,
  signal: AbortSignal,
  pause: () => Promise<void> = yieldToPage,
): Promise<T | null> {
  for (;;) {
    await pause();
    if (signal.aborted) return null;
    const next = steps.next();
    if (next.done) return next.value;
  }
}
