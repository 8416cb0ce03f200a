import type { Analysis, Label } from '../src/core/types.ts';
import { formatDate } from './format.ts';

export const LABELS: Record<Label, string> = {
  'us-china-diplomacy': 'US–China diplomacy',
  'china-other': 'About China, not US–China diplomacy',
  unrelated: 'Not about US–China relations',
  'not-article': 'Not an article',
};

export type Anyway = 'idle' | 'busy' | 'failed';

interface Props {
  analysis: Analysis;
  /** The page's hostname, shown when the page is not an article (it has no title of its own). */
  site?: string | null;
  /** The reader asked for this analysis although detection did not flag the page. */
  forced: boolean;
  anyway: Anyway;
  onAnalyseAnyway: () => void;
}

/** A reason as shown under the label, without repeating it ("Not an article: no text" → "No text"). */
export function reasonText(reason: string, label: Label): string {
  const prefix = `${LABELS[label]}: `;
  if (!reason.toLowerCase().startsWith(prefix.toLowerCase())) return reason;
  const rest = reason.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** What Backstory made of the page: its title, the label, the reasons, and "analyse anyway". */
export function Verdict({ analysis, site, forced, anyway, onAnalyseAnyway }: Props) {
  const { article, detection } = analysis;
  const diplomacy = detection.label === 'us-china-diplomacy';
  const canForce = article !== null && !diplomacy && !forced;
  return (
    <section class="verdict" aria-labelledby="verdict-title">
      <h1 id="verdict-title" class="page-title">
        {article?.title || 'This page'}
      </h1>
      {article ? (
        <p class="meta">
          {[article.site, formatDate(article.publishedAt)].filter(Boolean).join(' · ')}
        </p>
      ) : (
        site && <p class="meta">{site}</p>
      )}
      <p class={`label label-${detection.label}`}>
        <span class="label-dot" aria-hidden="true" />
        <span>
          {LABELS[detection.label]}
          {forced && !diplomacy && <span class="muted"> · analysed on request</span>}
        </span>
      </p>
      {analysis.corpusArticle && (
        <p class="meta corpus-article">
          This article is in Backstory's corpus
          {analysis.corpusArticle.outlet ? ` (${analysis.corpusArticle.outlet})` : ''}; it is not
          listed as its own coverage.
        </p>
      )}
      {!diplomacy && detection.reasons.length > 0 && (
        <details class="reasons" open={!forced}>
          <summary>Why</summary>
          <ul>
            {detection.reasons.map((r, i) => (
              <li key={i}>{reasonText(r, detection.label)}</li>
            ))}
          </ul>
        </details>
      )}
      {canForce && (
        <div class="anyway">
          <button
            type="button"
            class="primary"
            onClick={onAnalyseAnyway}
            disabled={anyway === 'busy'}
            aria-describedby="anyway-hint"
          >
            {anyway === 'busy' ? 'Analysing…' : 'Analyse anyway'}
          </button>
          <p id="anyway-hint" class="muted">
            {anyway === 'failed'
              ? 'The page did not answer. Reload it and try again.'
              : 'Look for related coverage, quotes and context even so.'}
          </p>
        </div>
      )}
    </section>
  );
}
