import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Toggle } from '../popup/Toggle.tsx';
import { useSettings } from '../popup/use-settings.ts';
import { formatDate, formatNumber, t, tn } from '../src/i18n.ts';
import { originLine } from '../popup/library-format.ts';
import { toJsonl } from '../src/library/import.ts';
import { sourceOf } from '../src/library/live-index.ts';
import { allArticles, openLibrary } from '../src/library/store.ts';
import type { LibraryArticle } from '../src/library/types.ts';
import type { LibraryState } from '../src/messages.ts';
import { callBackground } from '../src/messaging.ts';
import { importFiles, type ImportProgress } from './import-files.ts';
import { SiteList } from './SiteList.tsx';

/** Rows shown at once; search or filter to find the rest. */
const SHOWN = 200;

function useLibrary() {
  const [articles, setArticles] = useState<LibraryArticle[] | null>(null);
  const [state, setState] = useState<LibraryState | null>(null);
  const [bytes, setBytes] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = async (): Promise<void> => {
    try {
      const db = await openLibrary();
      const list = await allArticles(db);
      db.close();
      list.sort((a, b) => b.addedAt.localeCompare(a.addedAt) || a.id.localeCompare(b.id));
      setArticles(list);
      setState(await callBackground('libraryState', {}));
      const est = await navigator.storage?.estimate?.();
      setBytes(est?.usage ?? null);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  useEffect(() => {
    void reload();
  }, []);
  return { articles, state, bytes, error, reload };
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const size = (n: number): string =>
  n < 1024 * 1024
    ? t('sizeKB', formatNumber(Math.max(1, Math.round(n / 1024))))
    : t('sizeMB', formatNumber(Math.round((n / 1024 / 1024) * 10) / 10));

/** The reader's library: what is kept, import, export, and forgetting. */
export function Library() {
  const { settings, update } = useSettings();
  const { articles, state, bytes, error, reload } = useLibrary();
  const [query, setQuery] = useState('');
  const [origin, setOrigin] = useState('');
  const [kind, setKind] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const cancel = useRef(false);

  const matches = (a: LibraryArticle): boolean => {
    const q = query.trim().toLowerCase();
    return (
      (!origin || a.origin === origin) &&
      (!kind || a.kind === kind) &&
      (!q || a.title.toLowerCase().includes(q) || (a.site ?? '').toLowerCase().includes(q))
    );
  };
  const shown = useMemo(() => (articles ?? []).filter(matches), [articles, query, origin, kind]);
  /** Export what the filter shows, read afresh: pages read since the list loaded are included. */
  const exportShown = async (): Promise<void> => {
    const db = await openLibrary();
    const now = (await allArticles(db)).filter(matches);
    db.close();
    download(
      filtered ? 'backstory-library-filtered.jsonl' : 'backstory-library.jsonl',
      toJsonl(now),
    );
    await reload();
  };

  const run = async (files: File[]): Promise<void> => {
    if (files.length === 0 || busy) return;
    cancel.current = false;
    setBusy(true);
    try {
      await importFiles(files, setProgress, () => cancel.current);
    } finally {
      setBusy(false);
      await reload();
    }
  };
  const forget = async (which: { ids?: string[]; site?: string; all?: boolean }) => {
    await callBackground('libraryForget', which);
    await reload();
  };
  const filtered = query !== '' || origin !== '' || kind !== '';

  return (
    <section aria-labelledby="library-h">
      <h2 id="library-h">{t('libraryHeading')}</h2>
      {settings && (
        <>
          <Toggle
            class="check"
            checked={settings.remember}
            onToggle={(on) =>
              void update((s) => ({ ...s, remember: on, rememberNoticeSeen: true }))
            }
          >
            {t('rememberOption')}
          </Toggle>
          <h3>{t('neverRemembered')}</h3>
          <SiteList
            id="no-remember"
            label={t('neverRemembered')}
            sites={settings.rememberOffSites}
            empty={t('neverRememberedEmpty')}
            onChange={(sites) => void update((s) => ({ ...s, rememberOffSites: sites }))}
          />
        </>
      )}

      <p class="library-count" role="status">
        {articles === null ? t('libraryReading') : tn('libraryCount', articles.length)}
        {bytes !== null && ` · ${t('libraryBytes', size(bytes))}`}
        {state && state.skipped > 0 && ` · ${tn('librarySkipped', state.skipped)}`}
      </p>
      {error && (
        <p class="problem" role="alert">
          {t('libraryUnreadable', error)}
        </p>
      )}
      {state?.problem && (
        <p class="problem" role="alert">
          {state.problem}
        </p>
      )}

      <h3>{t('importHeading')}</h3>
      <div
        class={`drop${dragging ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void run([...(e.dataTransfer?.files ?? [])]);
        }}
      >
        <label>
          {t('importHint')}{' '}
          <input
            id="library-import"
            type="file"
            multiple
            accept=".jsonl,.ndjson,.json,.md,.markdown,.html,.htm"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              void run([...(input.files ?? [])]).then(() => {
                input.value = '';
              });
            }}
          />
        </label>
      </div>
      {progress && (
        <div class="import-progress">
          <progress value={progress.done} max={progress.total} aria-label={t('importProgress')} />
          <span role="status">
            {tn('importFiles', progress.total, progress.done)}
            {` · ${t('importAddedUpdated', progress.added, progress.updated)}`}
            {progress.cancelled ? ` · ${t('importCancelled')}` : ''}
          </span>
          {busy && (
            <button type="button" onClick={() => (cancel.current = true)}>
              {t('cancel')}
            </button>
          )}
          {progress.problems.length > 0 && (
            <>
              <p class="problem">
                {progress.problems.length === 1 ? t('importProblemOne') : t('importProblems')}
              </p>
              <ul class="import-problems">
                {progress.problems.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    <code>{p}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <h3>{t('articlesHeading')}</h3>
      <div class="library-filters">
        <input
          type="search"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <select
          aria-label={t('originFilter')}
          value={origin}
          onChange={(e) => setOrigin(e.currentTarget.value)}
        >
          <option value="">{t('anyOrigin')}</option>
          <option value="remembered">{t('originRemembered')}</option>
          <option value="saved">{t('originSaved')}</option>
          <option value="imported">{t('originImported')}</option>
        </select>
        <select
          aria-label={t('kindFilter')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
        >
          <option value="">{t('anyKind')}</option>
          <option value="news">{t('kindNews')}</option>
          <option value="official-readout">{t('kindReadouts')}</option>
        </select>
      </div>
      <div class="library-actions">
        <button type="button" disabled={shown.length === 0} onClick={() => void exportShown()}>
          {filtered ? tn('exportThese', shown.length) : t('exportAll')}
        </button>
        <button
          type="button"
          disabled={(articles ?? []).length === 0}
          onClick={() => {
            if (confirm(t('forgetAllConfirm'))) void forget({ all: true });
          }}
        >
          {t('forgetAll')}
        </button>
      </div>
      {shown.length === 0 ? (
        <p class="muted">{articles && articles.length > 0 ? t('noMatch') : t('nothingYet')}</p>
      ) : (
        <ul class="library-list" aria-label={t('libraryList')}>
          {shown.slice(0, SHOWN).map((a) => (
            <li key={a.id}>
              <span class="title">{a.title}</span>
              <span class="muted">
                {[a.site, formatDate(a.publishedAt), originLine(sourceOf(a), a.outlet)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span class="row-actions">
                <button type="button" class="link" onClick={() => void forget({ ids: [a.id] })}>
                  {t('forget')}
                </button>
                {a.site && (
                  <button
                    type="button"
                    class="link"
                    onClick={() => void forget({ site: a.site ?? '' })}
                  >
                    {t('forgetSite', a.site)}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown.length > SHOWN && <p class="muted">{t('showingNewest', SHOWN, shown.length)}</p>}
    </section>
  );
}
