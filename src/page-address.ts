/**
 * A page's address without its fragment: a `#hash` jump stays on the same page. The one rule for
 * the every-page script's watcher, the worker's check that a stored analysis is still its tab's
 * page, and the reader's corrections.
 */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
