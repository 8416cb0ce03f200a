import { describe, expect, it, vi } from 'vitest';
import { browserMock } from '../browser-mock.ts';
import { diplomacy, notArticle, unrelated } from './fixtures.ts';

vi.mock('../../../src/browser.ts', () => ({ default: browserMock }));
const { badgeText, badgeTitle, showBadge } = await import('../../../src/background/badge.ts');

describe('the badge', () => {
  it('counts same-story and related items of a diplomacy article, and says what it counts', async () => {
    expect(badgeText(diplomacy)).toBe('2');
    expect(badgeTitle(diplomacy)).toBe('Backstory: US–China diplomacy; 1 same story, 1 related');
    await showBadge(3, diplomacy);
    expect(await browserMock.action.getBadgeText({ tabId: 3 })).toBe('2');
  });

  it('shows 0 for a diplomacy article the corpus has nothing on', () => {
    expect(badgeText({ ...diplomacy, related: [] })).toBe('0');
  });

  it('is empty for anything else, even an article analysed on request', async () => {
    expect(badgeText(unrelated)).toBe('');
    expect(badgeText(notArticle)).toBe('');
    expect(badgeText({ ...unrelated, related: diplomacy.related })).toBe('');
    expect(badgeTitle(unrelated)).toBe('Backstory');
    await showBadge(3, null);
    expect(await browserMock.action.getBadgeText({ tabId: 3 })).toBe('');
  });

  it('caps long counts so they fit', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...diplomacy.related[1]!, id: `r${i}` }));
    expect(badgeText({ ...diplomacy, related: many })).toBe('99+');
  });
});
