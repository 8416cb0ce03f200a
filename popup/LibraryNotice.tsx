import type { StoredAnalysis } from '../src/analysis-store.ts';
import { remembersSite } from '../src/settings.ts';
import { t } from '../src/i18n.ts';
import { useSettings } from './use-settings.ts';

/**
 * Said once, the first time an article is remembered: Backstory keeps the US–China articles the
 * reader reads in a library on this computer; one click turns it off.
 */
export function LibraryNotice({
  analysis,
  site,
}: {
  analysis: StoredAnalysis;
  site: string | null;
}) {
  const { settings, update } = useSettings();
  if (!settings || settings.rememberNoticeSeen || !site) return null;
  if (analysis.detection.label !== 'us-china-diplomacy' || !remembersSite(settings, site)) {
    return null;
  }
  return (
    <p class="library-notice" role="status">
      {t('libraryNotice')}{' '}
      <button
        type="button"
        class="link"
        onClick={() => void update((s) => ({ ...s, remember: false, rememberNoticeSeen: true }))}
      >
        {t('turnOff')}
      </button>{' '}
      <button
        type="button"
        class="link"
        onClick={() => void update((s) => ({ ...s, rememberNoticeSeen: true }))}
      >
        {t('ok')}
      </button>
    </p>
  );
}
