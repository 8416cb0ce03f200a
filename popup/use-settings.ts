import { useCallback, useEffect, useState } from 'preact/hooks';
import { readSettings, updateSettings, watchSettings, type Settings } from '../src/settings.ts';

// updateSettings reads, changes and writes: two changes in flight at once would lose one.
let queue: Promise<unknown> = Promise.resolve();

/** The reader's settings, kept current, and a way to change them (popup and options page). */
export function useSettings(): {
  settings: Settings | null;
  /** Change the settings; resolves once the change is stored. */
  update: (change: (s: Settings) => Settings) => Promise<void>;
} {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    const stop = watchSettings((s) => live && setSettings(s));
    void readSettings().then((s) => live && setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const update = useCallback((change: (s: Settings) => Settings) => {
    const next = queue.then(() => updateSettings(change));
    queue = next.catch(() => undefined);
    return next.then(setSettings, () => undefined);
  }, []);
  return { settings, update };
}

/** Add or remove `site` from a list of hostnames, keeping it sorted and without duplicates. */
export function toggleSite(list: string[], site: string, present: boolean): string[] {
  const rest = list.filter((s) => s !== site);
  return present ? [...rest, site].sort() : rest;
}
