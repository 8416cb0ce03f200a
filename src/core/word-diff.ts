/**
 * Word-level differences between two wordings of the same remark, for display (the hover card
 * and the popup). Pure and self-contained: no imports, so the popup can use it without pulling in
 * the matching pipeline.
 */
import { foldMarks } from './fold.ts';

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffPart {
  text: string;
  op: DiffOp;
}

/** A word or a punctuation mark, with the whitespace that follows it. */
interface Tok {
  text: string;
  key: string;
}

const TOKEN_RE =
  /(?:[\p{L}\p{N}\p{M}]+(?:['\u2019\-][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}])\s*/gu;

// Beyond this many cells the quadratic alignment is not worth it for a card: the middle is shown
// as one removal and one addition.
const MAX_CELLS = 250_000;

/** Comparison key: case, quote-mark, dash and apostrophe variants count as the same word. */
function keyOf(word: string): string {
  return foldMarks(word.trim().normalize('NFKC').toLowerCase());
}

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  const lead = /^\s+/.exec(text)?.[0] ?? '';
  for (const m of text.slice(lead.length).matchAll(TOKEN_RE)) {
    out.push({ text: m[0], key: keyOf(m[0]) });
  }
  return out;
}

/** Text that opens with a punctuation mark rather than a word. */
const PUNCT_START = /^[^\s\p{L}\p{N}\p{M}]/u;

function push(out: DiffPart[], text: string, op: DiffOp): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.op === op) {
    last.text += text;
    return;
  }
  // A removed punctuation mark belongs to the word before it ("juncture[,] and", not
  // "juncture [,] and"): the space after that word moves past the mark, still spelling both
  // wordings exactly.
  if (op === 'removed' && last && last.op !== 'removed' && PUNCT_START.test(text)) {
    const space = /\s+$/.exec(last.text)?.[0] ?? '';
    if (space !== '') last.text = last.text.slice(0, -space.length);
    out.push({ text: text.trimEnd(), op });
    if (space !== '') out.push({ text: space, op: last.op });
    return;
  }
  // Removed words sit between words of the other wording: keep them visibly apart without
  // touching the `same` and `added` text, which must spell the other wording exactly.
  if (last && /\S$/.test(last.text) && /^\S/.test(text)) {
    if (last.op === 'removed') last.text += ' ';
    else if (op === 'removed') text = ` ${text}`;
  }
  out.push({ text, op });
}

/**
 * The differences that turn wording `a` into wording `b`, word by word. Concatenating the `same`
 * and `added` parts gives `b` exactly (less leading whitespace); `same` and `removed` give `a`
 * up to case and quote-mark variants (shared words are shown in `b`'s form). In each changed
 * stretch the removed words come before the added ones.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const x = tokens(a);
  const y = tokens(b);
  const out: DiffPart[] = [];

  let head = 0;
  while (head < x.length && head < y.length && x[head]?.key === y[head]?.key) head++;
  let tail = 0;
  while (
    tail < x.length - head &&
    tail < y.length - head &&
    x[x.length - 1 - tail]?.key === y[y.length - 1 - tail]?.key
  ) {
    tail++;
  }
  for (let i = 0; i < head; i++) push(out, y[i]?.text ?? '', 'same');

  const xs = x.slice(head, x.length - tail);
  const ys = y.slice(head, y.length - tail);
  const n = xs.length;
  const m = ys.length;
  if (n * m > MAX_CELLS) {
    for (const t of xs) push(out, t.text, 'removed');
    for (const t of ys) push(out, t.text, 'added');
  } else if (n > 0 || m > 0) {
    // lcs[i][j] = length of the longest common subsequence of xs[i..] and ys[j..].
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          xs[i]?.key === ys[j]?.key
            ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
            : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    let removed = '';
    let added = '';
    const flush = (): void => {
      push(out, removed, 'removed');
      push(out, added, 'added');
      removed = '';
      added = '';
    };
    while (i < n || j < m) {
      const xi = xs[i];
      const yj = ys[j];
      if (xi && yj && xi.key === yj.key) {
        flush();
        push(out, yj.text, 'same');
        i++;
        j++;
      } else if (yj && (!xi || (lcs[i * w + j + 1] ?? 0) >= (lcs[(i + 1) * w + j] ?? 0))) {
        added += yj.text;
        j++;
      } else if (xi) {
        removed += xi.text;
        i++;
      }
    }
    flush();
  }

  for (let k = y.length - tail; k < y.length; k++) push(out, y[k]?.text ?? '', 'same');
  return out;
}
