import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useSettings } from '../popup/use-settings.ts';
import { formatDate } from '../popup/format.ts';
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
    ? `${Math.max(1, Math.round(n / 1024))} KB`
    : `${(n / 1024 / 1024).toFixed(1)} MB`;

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
      <h2 id="library-h">Your library</h2>
      {settings && (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={settings.remember}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                void update((s) => ({ ...s, remember: on, rememberNoticeSeen: true }));
              }}
            />
            Remember the US–China diplomacy articles I read
          </label>
          <h3>Sites never remembered</h3>
          <SiteList
            id="no-remember"
            label="Sites never remembered"
            sites={settings.rememberOffSites}
            empty="Articles from every site can be remembered."
            onChange={(sites) => void update((s) => ({ ...s, rememberOffSites: sites }))}
          />
        </>
      )}

      <p class="library-count" role="status">
        {articles === null
          ? 'Reading the library…'
          : `${articles.length} ${articles.length === 1 ? 'article' : 'articles'} in your library`}
        {bytes !== null && ` · ${size(bytes)} used by Backstory in this browser`}
        {state && state.skipped > 0 && ` · ${state.skipped} damaged records skipped`}
      </p>
      {error && (
        <p class="problem" role="alert">
          The library could not be read: {error}
        </p>
      )}
      {state?.problem && (
        <p class="problem" role="alert">
          {state.problem}
        </p>
      )}

      <h3>Import</h3>
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
          Choose files or drop them here: a Backstory export (.jsonl), Markdown with front matter
          (.md), or saved web pages (.html).{' '}
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
          <progress value={progress.done} max={progress.total} aria-label="Import progress" />
          <span role="status">
            {progress.done} of {progress.total} files
            {` · ${progress.added} added, ${progress.updated} updated`}
            {progress.cancelled ? ' · cancelled' : ''}
          </span>
          {busy && (
            <button type="button" onClick={() => (cancel.current = true)}>
              Cancel
            </button>
          )}
          {progress.problems.length > 0 && (
            <>
              <p class="problem">
                {progress.problems.length === 1
                  ? 'One file was not imported; nothing from it was stored:'
                  : 'These files were not imported; nothing from them was stored:'}
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

      <h3>Articles</h3>
      <div class="library-filters">
        <input
          type="search"
          placeholder="Search by title or site"
          aria-label="Search the library by title or site"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <select
          aria-label="Origin"
          value={origin}
          onChange={(e) => setOrigin(e.currentTarget.value)}
        >
          <option value="">Any origin</option>
          <option value="remembered">Remembered</option>
          <option value="saved">Saved</option>
          <option value="imported">Imported</option>
        </select>
        <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          <option value="">Any kind</option>
          <option value="news">News</option>
          <option value="official-readout">Official readouts</option>
        </select>
      </div>
      <div class="library-actions">
        <button type="button" disabled={shown.length === 0} onClick={() => void exportShown()}>
          {filtered ? `Export these ${shown.length}` : 'Export the library'}
        </button>
        <button
          type="button"
          disabled={(articles ?? []).length === 0}
          onClick={() => {
            if (confirm('Forget every article in your library?')) void forget({ all: true });
          }}
        >
          Forget everything
        </button>
      </div>
      {shown.length === 0 ? (
        <p class="muted">
          {articles && articles.length > 0 ? 'No article matches.' : 'Nothing yet.'}
        </p>
      ) : (
        <ul class="library-list" aria-label="Articles in your library">
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
                  Forget
                </button>
                {a.site && (
                  <button
                    type="button"
                    class="link"
                    onClick={() => void forget({ site: a.site ?? '' })}
                  >
                    Forget all from {a.site}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown.length > SHOWN && (
        <p class="muted">
          Showing the newest {SHOWN} of {shown.length}; search to find the others.
        </p>
      )}
    </section>
  );
}
