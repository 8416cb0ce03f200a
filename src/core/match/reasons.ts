/**
 * The reasons a related article or a quote match was given, as the reader reads them: every
 * sentence matching writes is made here, from the facts the matchers found.
 */
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
export const NOT_SAME_STORY = 'you marked it as not the same story';

export function sharedQuotesReason(shared: string[]): string {
  const ex = clip(shared[0] as string, QUOTE_CLIP);
  return shared.length === 1
    ? `shares a quote: “${ex}”`
    : `shares ${shared.length} quotes, e.g. “${ex}”`;
}

/** The news event both tell: a timeline event's title, or the article's telling sentence. */
export function sameEventReason(event: { title: string } | { sentence: string }): string {
  return 'title' in event
    ? `same event: ${event.title}`
    : `same event: ${clip(event.sentence, EVENT_CLIP)}`;
}

export function datePhrase(days: number | null): string | null {
  if (days === null) return null;
  const d = Math.abs(days);
  if (d === 0) return 'published the same day';
  if (d === 1) return 'published a day apart';
  if (d <= 31) return `published ${d} days apart`;
  if (d < 730) return `published ${Math.round(d / 30)} months apart`;
  return `published ${Math.round(d / 365)} years apart`;
}

/** The names both mention, as people write them; null when none reads as a name. */
export function sharedNamesReason(names: string[]): string | null {
  const shown = distinctNames(plainNames(names)).slice(0, NAMES_SHOWN);
  return shown.length ? `names both mention: ${shown.map(titleCase).join(', ')}` : null;
}

/** How much of their wording two articles share, in words (from the cosine of their terms). */
export function wordingPhrase(cos: number): string {
  if (cos >= 0.5) return 'much the same wording';
  if (cos >= 0.25) return 'close wording';
  if (cos >= 0.1) return 'some wording in common';
  return 'little wording in common';
}

export function closeVersionReason(title: string): string {
  return `a close version of “${clip(title, QUOTE_CLIP)}”, which tells this story`;
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
