import type { Analysis, Label } from '../src/core/types.ts';
import { formatDate, t, type MessageKey } from '../src/i18n.ts';
import { useNameOf } from './names.ts';
import { reasonText } from './reason-text.ts';

const LABEL_KEYS: Record<Label, MessageKey> = {
  'us-china-diplomacy': 'labelDiplomacy',
  'china-other': 'labelChinaOther',
  unrelated: 'labelUnrelated',
  'not-article': 'labelNotArticle',
};

/** A detection label in the reader's language. */
export const labelText = (label: Label): string => t(LABEL_KEYS[label]);

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

/** What Backstory made of the page: its title, the label, the reasons, and "analyse anyway". */
export function Verdict({ analysis, site, forced, anyway, onAnalyseAnyway }: Props) {
  const nameOf = useNameOf();
  const { article, detection } = analysis;
  const diplomacy = detection.label === 'us-china-diplomacy';
  const canForce = article !== null && !diplomacy && !forced;
  return (
    <section class="verdict" aria-labelledby="verdict-title">
      <h1 id="verdict-title" class="page-title">
        {article?.title || t('thisPage')}
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
          {labelText(detection.label)}
          {forced && !diplomacy && <span class="muted"> · {t('analysedOnRequest')}</span>}
        </span>
      </p>
      {analysis.corpusArticle && (
        <p class="meta corpus-article">
          {analysis.corpusArticle.outlet
            ? t('inCorpusFrom', analysis.corpusArticle.outlet)
            : t('inCorpus')}
        </p>
      )}
      {!diplomacy && detection.reasons.length > 0 && (
        <details class="reasons" open={!forced}>
          <summary>{t('why')}</summary>
          <ul>
            {detection.reasons.map((r, i) => (
              <li key={i}>{reasonText(r, nameOf)}</li>
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
            {anyway === 'busy' ? t('analysing') : t('analyseAnyway')}
          </button>
          <p id="anyway-hint" class="muted">
            {anyway === 'failed' ? t('anywayFailed') : t('anywayHint')}
          </p>
        </div>
      )}
    </section>
  );
}
