import { useEffect, useState } from 'preact/hooks';
import { Toggle } from '../popup/Toggle.tsx';
import { useSettings } from '../popup/use-settings.ts';
import { clearCorrections, readCorrections, watchCorrections } from '../src/corrections.ts';
import { t, tn } from '../src/i18n.ts';
import { CorpusFacts } from './CorpusFacts.tsx';
import { Library } from './Library.tsx';
import { SiteList } from './SiteList.tsx';

function useCorrectionCount(): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    void readCorrections().then((l) => setCount(l.length));
    return watchCorrections((l) => setCount(l.length));
  }, []);
  return count;
}

export function Options() {
  const { settings, update } = useSettings();
  const corrections = useCorrectionCount();
  return (
    <main class="options">
      <h1>
        <img src="/icons/icon-48.png" width="28" height="28" alt="" /> {t('optionsTitle')}
      </h1>

      <section aria-labelledby="privacy-h" class="privacy">
        <h2 id="privacy-h">{t('privacyHeading')}</h2>
        <p>{t('privacyText')}</p>
        <p>{t('privacyLibrary')}</p>
      </section>

      <section aria-labelledby="highlights-h">
        <h2 id="highlights-h">{t('highlightsHeading')}</h2>
        {settings && (
          <>
            <Toggle
              class="check"
              checked={settings.highlights}
              onToggle={(on) => update((s) => ({ ...s, highlights: on }))}
            >
              {t('highlightsOption')}
            </Toggle>
            <h3>{t('noHighlightSites')}</h3>
            <SiteList
              id="no-highlights"
              label={t('noHighlightSites')}
              sites={settings.highlightsOffSites}
              empty={t('noHighlightSitesEmpty')}
              onChange={(sites) => update((s) => ({ ...s, highlightsOffSites: sites }))}
            />
          </>
        )}
      </section>

      <section aria-labelledby="silent-h">
        <h2 id="silent-h">{t('silentSites')}</h2>
        <p class="muted">{t('silentSitesText')}</p>
        {settings && (
          <SiteList
            id="silent"
            label={t('silentSites')}
            sites={settings.silentSites}
            empty={t('silentSitesEmpty')}
            onChange={(sites) => update((s) => ({ ...s, silentSites: sites }))}
          />
        )}
      </section>

      <section aria-labelledby="corrections-h">
        <h2 id="corrections-h">{t('correctionsHeading')}</h2>
        <p>
          {corrections === null
            ? '…'
            : corrections === 0
              ? t('correctionsNone')
              : tn('correctionsSome', corrections)}
        </p>
        {corrections !== null && corrections > 0 && (
          <button type="button" onClick={() => void clearCorrections()}>
            {t('correctionsForget')}
          </button>
        )}
      </section>

      <Library />

      <section aria-labelledby="corpus-h">
        <h2 id="corpus-h">{t('corpusHeading')}</h2>
        <CorpusFacts />
      </section>
    </main>
  );
}
