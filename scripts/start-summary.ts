/** What `npm start` prints about the sample page's analysis: a few lines a reader can take in. */
import type { StoredAnalysis } from '../src/analysis-store.ts';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function startSummary(a: StoredAnalysis, screenshots: string[]): string[] {
  const matched = a.quotes.filter((q) => q.matches.length > 0).length;
  const lines = [
    `Page: ${a.article?.title ?? a.pageUrl}`,
    `Verdict: ${a.detection.label}`,
    `Related coverage: ${plural(a.related.length, 'article')}`,
    `Quotes: ${plural(a.quotes.length, 'quote')}, ${matched} found elsewhere`,
    `Prior context: ${plural(a.context.length + (a.moreContext?.length ?? 0), 'item')}`,
  ];
  if (a.highlights) {
    lines.push(
      `Highlighted on the page: ${plural(a.highlights.anchored, 'quote')}` +
        (a.highlights.orphaned ? ` (${a.highlights.orphaned} not found in the page)` : ''),
    );
  }
  if (screenshots.length) lines.push(`Screenshots: ${screenshots.join(', ')}`);
  return lines;
}
