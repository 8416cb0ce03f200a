/**
 * Quoted speech on a page: marked quotes (curly, straight, guillemet, CJK corner brackets,
 * unbalanced marks, quotes running across paragraphs) and remarks reported without quote
 * marks ("…, Campbell said"), each with the speaker where the text names one.
 */
import type { PageQuote } from './types.ts';
import { scanParagraph, type RawQuote } from './quotes/marks.ts';
import { reportedRemarks, unmarkedRemark } from './quotes/reported.ts';
import { isPronoun, speakerFor } from './quotes/speakers.ts';

/** A quote found in one paragraph, with offsets; `PageQuote` plus what the index needs. */
export interface FoundQuote extends PageQuote {
  paragraph: number;
  /** Offsets of `text` in its paragraph. */
  start: number;
  end: number;
  /** True when the remark is reported without quote marks. */
  unmarked?: boolean;
}

/** Characters kept on each side of a quote so the page can find it again. */
const CONTEXT = 32;

function anchor(p: string, start: number, end: number) {
  return {
    prefix: p.slice(Math.max(0, start - CONTEXT), start),
    suffix: p.slice(end, end + CONTEXT),
  };
}

/**
 * Extracts the quotes of an article's paragraphs. Each quote's `text` is the exact substring
 * of its paragraph, so the page can find it again with `prefix`/`suffix`.
 */
export function extractQuotes(paragraphs: string[]): PageQuote[] {
  return extractQuotesDetailed(paragraphs).map(({ start: _s, end: _e, unmarked: _u, ...q }) => q);
}

/** `extractQuotes` with character offsets (for the index and for alignment). */
export function extractQuotesDetailed(paragraphs: readonly string[]): FoundQuote[] {
  const out: FoundQuote[] = [];
  let lastSpeaker: string | null = null;
  let carry = false;
  let carrySpeaker: string | null = null;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = typeof paragraphs[pi] === 'string' ? (paragraphs[pi] as string) : '';
    if (p.length === 0) {
      carry = false;
      continue;
    }
    const raws = scanParagraph(p, carry);
    const startsWithQuote = raws.length > 0 && (raws[0]?.start ?? 99) <= 1;
    const onlyQuote =
      raws.length === 1 &&
      startsWithQuote &&
      p.slice((raws[0]?.end ?? 0) + 1).replace(/[\s"”.,]/g, '').length === 0;
    let prevEnd = 0;
    const found: FoundQuote[] = [];
    for (let k = 0; k < raws.length; k++) {
      const q = raws[k] as RawQuote;
      const next = raws[k + 1];
      let speaker = speakerFor(p, q, prevEnd, next ? next.start : -1);
      if (!speaker && q.continued) speaker = carrySpeaker;
      if (!speaker && onlyQuote) speaker = lastSpeaker;
      if (isPronoun(speaker)) speaker = lastSpeaker;
      if (speaker && !isPronoun(speaker)) lastSpeaker = speaker;
      found.push({
        text: p.slice(q.start, q.end),
        speaker,
        form: 'quoted',
        paragraph: pi,
        ...anchor(p, q.start, q.end),
        matches: [],
        start: q.start,
        end: q.end,
      });
      prevEnd = q.end + 1;
    }
    // Remarks reported without quote marks, in the sentences outside the marked quotes.
    const extra: FoundQuote[] = [];
    // Quotes of one sentence share the speaker named once for them.
    for (let k = found.length - 1; k >= 0; k--) {
      const f = found[k] as FoundQuote;
      const after = found[k + 1];
      if (!f.speaker && after?.speaker && !/[.!?]/.test(p.slice(f.end, after.start - 1))) {
        f.speaker = after.speaker;
      }
    }
    for (let k = 0; k < found.length; k++) {
      const f = found[k] as FoundQuote;
      const before = found[k - 1];
      if (!f.speaker && before?.speaker && !/[.!?]\s/.test(p.slice(before.end + 1, f.start))) {
        f.speaker = before.speaker;
      }
    }
    for (const f of found) if (f.speaker) lastSpeaker = f.speaker;
    {
      const u = raws.length === 0 ? unmarkedRemark(p, lastSpeaker) : null;
      const reported = reportedRemarks(p, lastSpeaker).filter(
        (r) =>
          (!u || r.end <= u.start || r.start >= u.end) &&
          raws.every((q) => r.end <= q.start - 1 || r.start >= q.end + 1),
      );
      if (u) reported.push(u);
      reported.sort((a, b) => a.start - b.start);
      for (const r of reported) {
        extra.push({
          ...r,
          form: 'reported',
          paragraph: pi,
          ...anchor(p, r.start, r.end),
          matches: [],
        });
        if (r.speaker) lastSpeaker = r.speaker;
      }
    }
    // The first piece of a quote split across paragraphs takes the speaker named later.
    const cont = found[0];
    const prevPiece = out[out.length - 1];
    if (raws[0]?.continued && cont?.speaker && prevPiece && !prevPiece.speaker && carry) {
      prevPiece.speaker = cont.speaker;
    }
    out.push(...[...found, ...extra].sort((a, b) => a.start - b.start));
    const last = raws[raws.length - 1];
    carry = last?.open === true;
    carrySpeaker = carry ? (found[found.length - 1]?.speaker ?? null) : null;
  }
  return out;
}
