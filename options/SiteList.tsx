import { useState } from 'preact/hooks';
import { siteFromInput } from '../popup/format.ts';
import { t } from '../src/i18n.ts';

interface Props {
  id: string;
  label: string;
  sites: string[];
  empty: string;
  onChange: (sites: string[]) => void;
}

/** An editable list of hostnames: add one by typing it (or pasting an address), remove any. */
export function SiteList({ id, label, sites, empty, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (e: Event): void => {
    e.preventDefault();
    const site = siteFromInput(draft);
    if (!site) return setError(t('siteInvalid'));
    setError(null);
    setDraft('');
    if (!sites.includes(site)) onChange([...sites, site].sort());
  };
  return (
    <div class="site-list">
      {sites.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul aria-label={label}>
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                class="link"
                aria-label={t('removeSite', site)}
                onClick={() => onChange(sites.filter((s) => s !== site))}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add" onSubmit={add}>
        <label for={`${id}-input`}>{t('addSiteTo', label)}</label>
        <div class="row">
          <input
            id={`${id}-input`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="news.example.com"
            value={draft}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <button type="submit">{t('add')}</button>
        </div>
        {error && (
          <p id={`${id}-error`} class="problem" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
