/** What `npm start` prints about the sample page's analysis: a few lines a reader can take in. */
import type { StoredAnalysis } from '../src/analysis-store.ts';
import { plural } from '../src/core/plural.ts';
import type { Label } from '../src/core/types.ts';

/** The verdict in the terminal's words (the popup's own words live with the popup). */
const VERDICT: Record<Label, string> = {
  'us-china-diplomacy': 'about US–China diplomacy',
  'china-other': 'about China, not US–China diplomacy',
  unrelated: 'not about US–China relations',
  'not-article': 'not an article',
};

export function startSummary(a: StoredAnalysis, screenshots: string[]): string[] {
  const matched = a.quotes.filter((q) => q.matches.length > 0).length;
  const same = a.related.filter((r) => r.relation === 'same-story').length;
  const lines = [
    `Page: ${a.article?.title ?? a.pageUrl}`,
    `Verdict: ${VERDICT[a.detection.label]}`,
    `Related coverage: ${plural(a.related.length, 'article')} (${same} on the same story)`,
    `Quotes: ${plural(a.quotes.length, 'quote')} on the page, ${matched} also reported elsewhere`,
    `Prior context: ${plural(a.context.length + (a.moreContext?.length ?? 0), 'event')}`,
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
