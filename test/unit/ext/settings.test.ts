import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browserMock } from '../browser-mock.ts';

vi.mock('../../../src/browser.ts', () => ({ default: browserMock }));

const settings = await import('../../../src/settings.ts');
const corrections = await import('../../../src/corrections.ts');

beforeEach(() => browserMock.storage.local.reset());

describe('settings', () => {
  it('start from defaults and persist changes', async () => {
    expect(await settings.readSettings()).toEqual(settings.DEFAULT_SETTINGS);
    await settings.updateSettings((s) => ({ ...s, highlights: false, silentSites: ['a.example'] }));
    const read = await settings.readSettings();
    expect(read.highlights).toBe(false);
    expect(settings.isSilentSite(read, 'a.example')).toBe(true);
    expect(settings.isSilentSite(read, 'b.example')).toBe(false);
  });

  it('migrate damaged or older stored values to the current shape', () => {
    expect(settings.migrateSettings('garbage')).toEqual(settings.DEFAULT_SETTINGS);
    expect(
      settings.migrateSettings({ highlights: 'yes', highlightsOffSites: ['x.example', 3] }),
    ).toEqual({ ...settings.DEFAULT_SETTINGS, highlightsOffSites: ['x.example'] });
  });

  it('turn highlights off per site while the global switch stays on', () => {
    const s = { ...settings.DEFAULT_SETTINGS, highlightsOffSites: ['news.example'] };
    expect(settings.highlightsEnabledFor(s, 'news.example')).toBe(false);
    expect(settings.highlightsEnabledFor(s, 'other.example')).toBe(true);
    expect(settings.highlightsEnabledFor({ ...s, highlights: false }, 'other.example')).toBe(false);
  });

  it('notify watchers of changes', async () => {
    const seen: boolean[] = [];
    const stop = settings.watchSettings((s) => seen.push(s.highlights));
    await settings.updateSettings((s) => ({ ...s, highlights: false }));
    stop();
    await settings.updateSettings((s) => ({ ...s, highlights: true }));
    expect(seen).toEqual([false]);
  });
});

describe('corrections', () => {
  it('are remembered per page, ignoring the fragment, without duplicates', async () => {
    await corrections.addCorrection('https://n.example/a#top', 'seed-1');
    await corrections.addCorrection('https://n.example/a', 'seed-1');
    await corrections.addCorrection('https://n.example/b', 'seed-2');
    expect(await corrections.readCorrections()).toHaveLength(2);
    expect([...(await corrections.rejectedFor('https://n.example/a#x'))]).toEqual(['seed-1']);
    expect([...(await corrections.rejectedFor('https://n.example/c'))]).toEqual([]);
  });
});
