/**
 * The reasons a related article or a quote match was given, as the reader reads them: every
 * sentence matching writes is made here, from the facts the matchers found.
 */
import { reason, type Reason, type WordingLevel } from '../reasons.ts';
import { distinctNames, plainNames, titleCase } from './shown-names.ts';

/** Characters of a quote shown inside a reason. */
const QUOTE_CLIP = 60;
/** Characters of an event sentence shown inside a reason. */
const EVENT_CLIP = 140;
/** Shared names shown. */
const NAMES_SHOWN = 4;

export function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

// Related coverage

/** The reader's correction, shown first on an article kept only as related. */
export const notSameStoryReason = (): Reason => reason('not-same-story', {});

export function sharedQuotesReason(shared: string[]): Reason {
  return reason('shared-quotes', {
    count: shared.length,
    example: clip(shared[0] as string, QUOTE_CLIP),
  });
}

/** The news event both tell: a timeline event's title, or the article's telling sentence. */
export function sameEventReason(event: { title: string } | { sentence: string }): Reason {
  return reason('same-event', {
    event: 'title' in event ? event.title : clip(event.sentence, EVENT_CLIP),
  });
}

/** How far apart two articles were published; null when a date is missing. */
export function publishedReason(days: number | null): Reason | null {
  return days === null ? null : reason('published-apart', { days: Math.abs(days) });
}

/** The English phrase for a day gap (quote matches still give their reasons as sentences). */
export function datePhrase(days: number | null): string | null {
  return publishedReason(days)?.text ?? null;
}

/** The names both mention, as people write them; null when none reads as a name. */
export function sharedNamesReason(names: string[]): Reason | null {
  const shown = distinctNames(plainNames(names)).slice(0, NAMES_SHOWN);
  return shown.length ? reason('shared-names', { names: shown.map(titleCase) }) : null;
}

/** Cosine of their terms at or above which two articles read as "much the same wording". */
const WORDING_MUCH = 0.5;
/** … as "close wording". */
const WORDING_CLOSE = 0.25;
/** … as "some wording in common" (below: "little"). */
const WORDING_SOME = 0.1;

/** How much of their wording two articles share, in words (from the cosine of their terms). */
export function wordingReason(cos: number): Reason {
  const level: WordingLevel =
    cos >= WORDING_MUCH
      ? 'much'
      : cos >= WORDING_CLOSE
        ? 'close'
        : cos >= WORDING_SOME
          ? 'some'
          : 'little';
  return reason('wording', { level });
}

export function closeVersionReason(title: string): Reason {
  return reason('close-version', { title: clip(title, QUOTE_CLIP) });
}

// Quote matches

/** How much of the remark the aligned wording covers (`reverse`: the corpus remark inside). */
export function coverReason(cover: number, reverse: boolean): string {
  const pc = Math.round(cover * 100);
  return reverse
    ? `the corpus remark is rendered within this quote (${pc}% of it)`
    : `covers ${pc}% of the remark`;
}

export const SHORT_INSIDE_LONGER = 'a short remark inside a longer sentence';
export const OPPOSITE_POLARITY = 'one wording negates what the other affirms';

export function speakerReason(same: boolean, name: string | null): string {
  return same ? `same speaker: ${name}` : `another speaker: ${name}`;
}

export function surroundingReason(shared: number): string {
  return `similar surrounding sentence (${Math.round(shared * 100)}% shared words)`;
}

export function partReason(part: string): string {
  return `matches the part “${clip(part, QUOTE_CLIP)}”`;
}

/** The match is in the other language: the page quote is Chinese (an English rendering) or not. */
export function renderingReason(pageChinese: boolean): string {
  return pageChinese ? 'an English rendering' : 'a Chinese rendering';
}
