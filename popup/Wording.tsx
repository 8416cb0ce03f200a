import { wordDiff } from '../src/core/word-diff.ts';

/** A quote's closing punctuation depends on the sentence around it, not on the remark. */
export const bareQuote = (text: string): string => text.trim().replace(/[\s,.;:]+$/u, '');

/**
 * Another outlet's wording of a quote, with what differs from the page's wording marked: words
 * it has that the page does not (inserted) and the page's words it lacks (struck through).
 */
export function Wording({ page, other }: { page: string; other: string }) {
  const parts = wordDiff(bareQuote(page), bareQuote(other));
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
      ”{same && <span class="muted"> (same wording)</span>}
    </p>
  );
}
