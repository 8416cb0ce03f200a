/** The toolbar badge: the number of same-story and related items for a diplomacy article. */
import browser from '../browser.ts';
import type { Analysis } from '../core/types.ts';
import { t } from '../i18n.ts';

/**
 * The count for a diplomacy article (including 0: the page was recognised, the corpus has
 * nothing on it), empty for anything else.
 */
export function badgeText(analysis: Analysis | null): string {
  if (!analysis || analysis.detection.label !== 'us-china-diplomacy') return '';
  const n = analysis.related.length;
  return n > 99 ? '99+' : String(n);
}

/** The toolbar button's tooltip, which says what the number counts. */
export function badgeTitle(analysis: Analysis | null): string {
  if (!badgeText(analysis) || !analysis) return t('brand');
  const same = analysis.related.filter((r) => r.relation === 'same-story').length;
  const related = analysis.related.length - same;
  return t('badgeTitle', same, related);
}

export async function showBadge(tabId: number, analysis: Analysis | null): Promise<void> {
  const text = badgeText(analysis);
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: '#8a2432' });
  await browser.action.setTitle({ tabId, title: badgeTitle(analysis) });
}
