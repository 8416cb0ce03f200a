/**
 * One queue per tab for every change to the tab's state (its stored analysis, its failure, the
 * highlight counts, the reader's corrections applied to it): each change reads the state and
 * writes it back with no other change of the same tab in between, in the order the messages
 * arrived. Tabs do not wait for each other.
 *
 * Runs: every analysis of a tab gets a run id when its request arrives (`nextRun`), increasing
 * per tab and across worker restarts (ids start from the clock), so a report that names the run
 * it belongs to can be checked against the stored analysis and dropped when it is stale.
 */

const tails = new Map<number, Promise<void>>();
const lastRun = new Map<number, number>();

/**
 * Runs `change` after every change of `tabId` queued before it has settled (fulfilled or
 * rejected: one failure does not stop the queue), and answers with its outcome.
 */
export function inTabQueue<T>(tabId: number, change: () => Promise<T>): Promise<T> {
  const before = tails.get(tabId) ?? Promise.resolve();
  const result = before.then(change);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  tails.set(tabId, tail);
  void tail.then(() => {
    if (tails.get(tabId) === tail) tails.delete(tabId);
  });
  return result;
}

/** A new run id for `tabId`: larger than every earlier one of this tab. */
export function nextRun(tabId: number): number {
  const run = Math.max(Date.now(), (lastRun.get(tabId) ?? 0) + 1);
  lastRun.set(tabId, run);
  return run;
}

/** The tab is gone: nothing of it is kept (its queue empties by itself). */
export function forgetRuns(tabId: number): void {
  lastRun.delete(tabId);
}
