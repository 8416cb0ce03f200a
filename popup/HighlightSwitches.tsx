import { highlightsEnabledFor, isSilentSite } from '../src/settings.ts';
import { toggleSite, useSettings } from './use-settings.ts';
import { t } from '../src/i18n.ts';
import './explain.css';

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
  const what = t('highlightsWhat');
  return (
    <div class="switches">
      {!silent && (
        <label title={what}>
          <input
            type="checkbox"
            checked={settings.highlights}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              update((s) => ({ ...s, highlights: on }));
            }}
          />
          {t('highlightEverySite')}
        </label>
      )}
      {site && (
        <label title={silent ? undefined : what}>
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
          {t('highlightThisSite')}
        </label>
      )}
      {silent && (
        <span id="switch-silent" class="switch-note">
          {t('switchSilent')}
        </span>
      )}
    </div>
  );
}
