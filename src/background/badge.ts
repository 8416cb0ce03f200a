/** The toolbar badge: the number of same-story and related items for a diplomacy article. */
import browser from '../browser.ts';
import type { Analysis } from '../core/types.ts';

export function badgeText(analysis: Analysis | null): string {
  if (!analysis || analysis.detection.label !== 'us-china-diplomacy') return '';
  const n = analysis.related.length;
  return n > 0 ? String(Math.min(n, 99)) : '•';
}

export async function showBadge(tabId: number, analysis: Analysis | null): Promise<void> {
  const text = badgeText(analysis);
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: '#8a2432' });
  await browser.action.setTitle({
    tabId,
    title: text ? `Backstory: ${analysis?.related.length ?? 0} related articles` : 'Backstory',
  });
}
