import type { Analysis } from '../src/core/types.ts';
import { useTabAnalysis } from './use-tab-analysis.ts';

const LABELS: Record<Analysis['detection']['label'], string> = {
  'us-china-diplomacy': 'US–China diplomacy',
  'china-other': 'About China, not US–China diplomacy',
  unrelated: 'Not about US–China relations',
  'not-article': 'Not an article',
};

function Verdict({ analysis }: { analysis: Analysis }) {
  return (
    <section aria-label="Verdict">
      <h1>{analysis.article?.title ?? 'This page'}</h1>
      <p class="verdict">{LABELS[analysis.detection.label]}</p>
      <ul class="muted">
        {analysis.detection.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </section>
  );
}

export function App() {
  const state = useTabAnalysis();
  if (state.status === 'loading' || !state.analysis) {
    return (
      <main>
        <h1>Backstory</h1>
        <p class="muted">Analysing this page…</p>
      </main>
    );
  }
  const { analysis } = state;
  return (
    <main>
      <Verdict analysis={analysis} />
      {analysis.related.length > 0 && (
        <section>
          <h2>Related coverage</h2>
          <ul>
            {analysis.related.map((r) => (
              <li key={r.id}>
                <strong>{r.title}</strong>{' '}
                <span class="muted">
                  {r.relation === 'same-story' ? 'Same story' : 'Related'} ·{' '}
                  {r.publishedAt ?? 'undated'}
                </span>
                <div class="muted">{r.why.join(' · ')}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {analysis.quotes.some((q) => q.matches.length > 0) && (
        <section>
          <h2>Quotes on this page</h2>
          <ul>
            {analysis.quotes
              .filter((q) => q.matches.length > 0)
              .map((q, i) => (
                <li key={i}>
                  “{q.text}” {q.speaker ? <span class="muted">— {q.speaker}</span> : null}
                  <ul>
                    {q.matches.map((m) => (
                      <li key={m.articleId + m.text} class="muted">
                        {m.articleId}: “{m.text}”
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
          </ul>
        </section>
      )}
      {analysis.context.length > 0 && (
        <section>
          <h2>Prior context</h2>
          <ul>
            {analysis.context.map((c) => (
              <li key={c.id}>
                <span class="muted">{c.date}</span> {c.title}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
