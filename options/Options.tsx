import { useEffect, useState } from 'preact/hooks';
import { useSettings } from '../popup/use-settings.ts';
import { clearCorrections, readCorrections, watchCorrections } from '../src/corrections.ts';
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
        <img src="/icons/icon-48.png" width="28" height="28" alt="" /> Backstory options
      </h1>

      <section aria-labelledby="privacy-h" class="privacy">
        <h2 id="privacy-h">Privacy</h2>
        <p>
          Nothing you read leaves your browser. Backstory analyses pages on your computer, against a
          corpus that ships inside the extension. It has no server, no account, no analytics and
          makes no network requests. Your settings and corrections stay in this browser’s storage.
        </p>
        <p>
          Your library — the US–China diplomacy articles you read (unless you turn that off), the
          pages you save and the files you import — is kept only in this browser’s own database for
          Backstory: title, address, date, text and quotes of each article. It never leaves your
          computer. Forget one article, a site’s or all of them below; removing Backstory deletes it
          too.
        </p>
      </section>

      <section aria-labelledby="highlights-h">
        <h2 id="highlights-h">Highlights</h2>
        {settings && (
          <>
            <label class="check">
              <input
                type="checkbox"
                checked={settings.highlights}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  update((s) => ({ ...s, highlights: on }));
                }}
              />
              Highlight quotes that other coverage also reported
            </label>
            <h3>Sites without highlights</h3>
            <SiteList
              id="no-highlights"
              label="Sites without highlights"
              sites={settings.highlightsOffSites}
              empty="Highlights show on every site."
              onChange={(sites) => update((s) => ({ ...s, highlightsOffSites: sites }))}
            />
          </>
        )}
      </section>

      <section aria-labelledby="silent-h">
        <h2 id="silent-h">Silent sites</h2>
        <p class="muted">
          On these sites Backstory does not analyse pages: no badge, no highlights.
        </p>
        {settings && (
          <SiteList
            id="silent"
            label="Silent sites"
            sites={settings.silentSites}
            empty="No silent sites."
            onChange={(sites) => update((s) => ({ ...s, silentSites: sites }))}
          />
        )}
      </section>

      <section aria-labelledby="corrections-h">
        <h2 id="corrections-h">Your corrections</h2>
        <p>
          {corrections === null
            ? '…'
            : corrections === 0
              ? 'You have not marked any article as “not the same story”.'
              : `You marked ${corrections} ${corrections === 1 ? 'article' : 'articles'} as “not the same story”. Backstory leaves them out of later results for those pages.`}
        </p>
        {corrections !== null && corrections > 0 && (
          <button type="button" onClick={() => void clearCorrections()}>
            Forget my corrections
          </button>
        )}
      </section>

      <Library />

      <section aria-labelledby="corpus-h">
        <h2 id="corpus-h">What the corpus holds</h2>
        <CorpusFacts />
      </section>
    </main>
  );
}
