import { wordDiff, type DiffPart } from '../src/core/word-diff.ts';
import { t } from '../src/i18n.ts';
import './explain.css';

/** A quote's closing punctuation depends on the sentence around it, not on the remark. */
export const bareQuote = (text: string): string => text.trim().replace(/[\s,.;:]+$/u, '');

/** The page's wording against another: `removed` words only the page has, `added` only the other. */
const diff = (page: string, other: string): DiffPart[] =>
  wordDiff(bareQuote(page), bareQuote(other));

/**
 * Another outlet's wording of a quote, with what differs from the page's wording marked: words
 * it has that the page does not (inserted) and the page's words it lacks (struck through).
 */
export function Wording({ page, other }: { page: string; other: string }) {
  const parts = diff(page, other);
  const same = parts.every((p) => p.op === 'same');
  return (
    <p class="wording">
      “
      {parts.map((p, i) =>
        p.op === 'added' ? (
          <ins key={i}>{p.text}</ins>
        ) : p.op === 'removed' ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
      ”{same && <span class="muted"> {t('sameWording')}</span>}
    </p>
  );
}

/**
 * What the struck and marked words mean, shown under the wordings of a quote when at least one
 * of them differs from the page's (nothing when every wording is the same).
 */
export function WordingLegend({ page, others }: { page: string; others: string[] }) {
  const differs = others.some((other) => diff(page, other).some((p) => p.op !== 'same'));
  if (!differs) return null;
  return (
    <p class="wording-legend">
      <del>{t('legendStruck')}</del>
      {t('legendStruckMeans')} · <ins>{t('legendMarked')}</ins>
      {t('legendMarkedMeans')}
    </p>
  );
}
