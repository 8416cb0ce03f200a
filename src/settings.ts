/**
 * The reader's choices, kept in `storage.local` with defaults and a version for migrations.
 */
import browser from './browser.ts';

export interface Settings {
  version: 1;
  /** Highlight matched quotes in pages (global switch). */
  highlights: boolean;
  /** Hostnames where highlights are off even when the global switch is on. */
  highlightsOffSites: string[];
  /** Hostnames where Backstory stays silent altogether (no analysis, no badge). */
  silentSites: string[];
  /** Keep articles analysed as US–China diplomacy in the reader's library. */
  remember: boolean;
  /** Hostnames whose articles are never remembered. */
  rememberOffSites: string[];
  /** The popup has told the reader once that articles are remembered. */
  rememberNoticeSeen: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  highlights: true,
  highlightsOffSites: [],
  silentSites: [],
  remember: true,
  rememberOffSites: [],
  rememberNoticeSeen: false,
};

const KEY = 'settings';

/** Bring whatever is stored (possibly from an older version, possibly damaged) to the current shape. */
export function migrateSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Settings>;
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  return {
    version: 1,
    highlights: typeof s.highlights === 'boolean' ? s.highlights : DEFAULT_SETTINGS.highlights,
    highlightsOffSites: strings(s.highlightsOffSites),
    silentSites: strings(s.silentSites),
    remember: typeof s.remember === 'boolean' ? s.remember : DEFAULT_SETTINGS.remember,
    rememberOffSites: strings(s.rememberOffSites),
    rememberNoticeSeen: s.rememberNoticeSeen === true,
  };
}

export async function readSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(KEY);
  return migrateSettings(got[KEY]);
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = change(await readSettings());
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function highlightsEnabledFor(settings: Settings, hostname: string): boolean {
  return settings.highlights && !settings.highlightsOffSites.includes(hostname);
}

export function isSilentSite(settings: Settings, hostname: string): boolean {
  return settings.silentSites.includes(hostname);
}

/** Whether an article read on `hostname` is kept in the reader's library. */
export function remembersSite(settings: Settings, hostname: string): boolean {
  return (
    settings.remember &&
    !settings.rememberOffSites.includes(hostname) &&
    !settings.silentSites.includes(hostname)
  );
}

export function watchSettings(onChange: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && KEY in changes) onChange(migrateSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
