import { highlightsEnabledFor } from '../src/settings.ts';
import { toggleSite, useSettings } from './use-settings.ts';

/** The popup's footer: highlight quotes everywhere, and on this site. */
export function HighlightSwitches({ site }: { site: string | null }) {
  const { settings, update } = useSettings();
  if (!settings) return <div class="switches" />;
  const onSite = site !== null && highlightsEnabledFor(settings, site);
  return (
    <div class="switches">
      <label>
        <input
          type="checkbox"
          checked={settings.highlights}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            update((s) => ({ ...s, highlights: on }));
          }}
        />
        Highlight quotes
      </label>
      {site && (
        <label>
          <input
            type="checkbox"
            checked={onSite}
            disabled={!settings.highlights}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              update((s) => ({
                ...s,
                highlightsOffSites: toggleSite(s.highlightsOffSites, site, !on),
              }));
            }}
          />
          on {site}
        </label>
      )}
    </div>
  );
}
