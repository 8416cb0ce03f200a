/**
 * The reasons a related article, a quote match or a context entry is given, as data (codes of
 * the catalog, src/core/reasons.ts): every reason matching gives is made here, from the facts
 * the matchers found.
 */
import {
  reason,
  type ContextReason,
  type QuoteReason,
  type Reason,
  type ReasonOf,
  type TieKind,
  type WordingLevel,
} from '../reasons.ts';
import type { EventKind } from '../types.ts';
import { distinctNames, plainNames, titleCase } from './shown-names.ts';
import { clip } from '../text.ts';

/** Characters of a quote shown inside a reason. */
const QUOTE_CLIP = 60;
/** Characters of an event sentence shown inside a reason. */
const EVENT_CLIP = 140;
/** Shared names shown. */
const NAMES_SHOWN = 4;

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
export function publishedReason(days: number | null): ReasonOf<'published-apart'> | null {
  return days === null ? null : reason('published-apart', { days: Math.abs(days) });
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

/** Word pairs shown per kind of tie. */
const TIES_SHOWN = 4;

const percent = (share: number): number => Math.round(share * 100);

/** How much of the remark the aligned wording covers (`reverse`: the other remark inside). */
export function coverReason(cover: number, reverse: boolean): QuoteReason {
  return reverse
    ? reason('within-quote', { percent: percent(cover) })
    : reason('covers-remark', { percent: percent(cover) });
}

/** The words tied as `kind` (the page's word, the other wording's), the first few. */
export function wordTiesReason(kind: TieKind, pairs: [string, string][]): QuoteReason {
  return reason('word-ties', { kind, pairs: pairs.slice(0, TIES_SHOWN) });
}

export const shortInsideLongerReason = (): QuoteReason => reason('short-inside-longer', {});
export const oppositePolarityReason = (): QuoteReason => reason('opposite-polarity', {});

/** Same or another speaker; null when the other wording names none. */
export function speakerReason(same: boolean, name: string | null): QuoteReason | null {
  if (!name) return null;
  return reason(same ? 'same-speaker' : 'other-speaker', { name });
}

export function surroundingReason(shared: number): QuoteReason {
  return reason('similar-surroundings', { percent: percent(shared) });
}

export function partReason(part: string): QuoteReason {
  return reason('quote-part', { part: clip(part, QUOTE_CLIP) });
}

/** The match is in the other language: the page quote is Chinese (an English rendering) or not. */
export function renderingReason(pageChinese: boolean): QuoteReason {
  return reason('rendering', { language: pageChinese ? 'en' : 'zh' });
}

// Context entries

/** Characters of the page's sentence shown in a context reason. */
const SENTENCE_CLIP = 120;

/** The page mentions the event in `sentence`, tied by the page's words `cue`. */
export function pageMentionsReason(sentence: string, cue: string): ContextReason {
  return reason('page-mentions', { sentence: clip(sentence, SENTENCE_CLIP), cue });
}

/** Coverage of the same story (`title`) mentions the event. */
export function coverageMentionsReason(title: string): ContextReason {
  return reason('coverage-mentions', { title: clip(title, QUOTE_CLIP) });
}

/** Participants shown. */
const ACTORS_SHOWN = 3;

export function involvesReason(actors: string[]): ContextReason {
  return reason('involves', { actors: actors.slice(0, ACTORS_SHOWN) });
}

export const pageTopicReason = (kind: EventKind): ContextReason => reason('page-topic', { kind });

export const daysBeforeReason = (days: number): ContextReason => reason('days-before', { days });
