import { useEffect, useState } from 'preact/hooks';
import { readSettings, updateSettings, type Settings } from '../src/settings.ts';

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void readSettings().then(setSettings);
  }, []);
  if (!settings) return <main>Loading…</main>;
  return (
    <main>
      <h1>Backstory options</h1>
      <label>
        <input
          type="checkbox"
          checked={settings.highlights}
          onChange={(e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            void updateSettings((s) => ({ ...s, highlights: on })).then(setSettings);
          }}
        />{' '}
        Highlight quotes that other outlets also reported
      </label>
      <h2>Privacy</h2>
      <p>
        Backstory analyses pages on your computer. Nothing you read is sent anywhere: there is no
        server, no account and no tracking.
      </p>
    </main>
  );
}
