import { describe, expect, it, vi } from 'vitest';
import type { Analysis, RelatedItem } from '../../../src/core/types.ts';
import { browserMock } from '../browser-mock.ts';

vi.mock('../../../src/browser.ts', () => ({ default: browserMock }));
const { badgeText, showBadge } = await import('../../../src/background/badge.ts');

const base: Analysis = {
  article: null,
  detection: { label: 'us-china-diplomacy', score: 0.9, reasons: [] },
  related: [],
  quotes: [],
  context: [],
};
const item = (id: string): RelatedItem => ({
  id,
  title: id,
  publishedAt: null,
  relation: 'related',
  score: 1,
  why: [],
});

describe('the toolbar badge', () => {
  it('counts same-story and related items for a diplomacy article', async () => {
    const analysis = { ...base, related: [item('a'), item('b'), item('c')] };
    expect(badgeText(analysis)).toBe('3');
    await showBadge(7, analysis);
    expect(await browserMock.action.getBadgeText({ tabId: 7 })).toBe('3');
  });

  it('is empty for anything else', async () => {
    for (const label of ['china-other', 'unrelated', 'not-article'] as const) {
      expect(badgeText({ ...base, detection: { label, score: 0.5, reasons: [] } })).toBe('');
    }
    expect(badgeText(null)).toBe('');
  });
});
