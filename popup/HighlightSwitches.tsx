import { highlightsEnabledFor, isSilentSite } from '../src/settings.ts';
import { toggleSite, useSettings } from './use-settings.ts';
import './explain.css';

const WHAT = 'Marks the quotes that other coverage also carries; point at one to compare wordings.';

/**
 * The popup's footer: highlight quotes on every site, and on this one. Each switch shows what
 * the page really gets: the site's switch is off while highlights are off everywhere, and on a
 * site where Backstory stays silent only that switch is shown, off, with the reason.
 */
export function HighlightSwitches({ site }: { site: string | null }) {
  const { settings, update } = useSettings();
  if (!settings) return <div class="switches" />;
  const silent = site !== null && isSilentSite(settings, site);
  const onSite = site !== null && !silent && highlightsEnabledFor(settings, site);
  return (
    <div class="switches">
      {!silent && (
        <label title={WHAT}>
          <input
            type="checkbox"
            checked={settings.highlights}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              update((s) => ({ ...s, highlights: on }));
            }}
          />
          Highlight quotes on every site
        </label>
      )}
      {site && (
        <label title={silent ? undefined : WHAT}>
          <input
            type="checkbox"
            checked={onSite}
            disabled={silent || !settings.highlights}
            aria-describedby={silent ? 'switch-silent' : undefined}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              update((s) => ({
                ...s,
                highlightsOffSites: toggleSite(s.highlightsOffSites, site, !on),
              }));
            }}
          />
          Highlight quotes on this site
        </label>
      )}
      {silent && (
        <span id="switch-silent" class="switch-note">
          Off while Backstory is silent here.
        </span>
      )}
    </div>
  );
}
