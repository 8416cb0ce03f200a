import { highlightsEnabledFor, isSilentSite } from '../src/settings.ts';
import { toggleSite, useSettings } from './use-settings.ts';
import { t } from '../src/i18n.ts';
import { Toggle } from './Toggle.tsx';
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
        <Toggle
          title={what}
          checked={settings.highlights}
          onToggle={(on) => update((s) => ({ ...s, highlights: on }))}
        >
          {t('highlightEverySite')}
        </Toggle>
      )}
      {site && (
        <Toggle
          title={silent ? undefined : what}
          checked={onSite}
          disabled={silent || !settings.highlights}
          describedBy={silent ? 'switch-silent' : undefined}
          onToggle={(on) =>
            update((s) => ({
              ...s,
              highlightsOffSites: toggleSite(s.highlightsOffSites, site, !on),
            }))
          }
        >
          {t('highlightThisSite')}
        </Toggle>
      )}
      {silent && (
        <span id="switch-silent" class="switch-note">
          {t('switchSilent')}
        </span>
      )}
    </div>
  );
}
