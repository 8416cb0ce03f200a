/**
 * The news event a same-story article shares with the page, for its reason: a timeline event
 * both mention, else the article sentence that shares the most telling words with the page.
 */
import type { LoadedCorpus } from '../../corpus/types.ts';
import type { IndexedDoc, MatchIndex } from '../match-index.ts';
import { QUOTE_MARK } from '../fold.ts';
import { daysBetween } from '../text.ts';
import type { PageProfile } from './rank.ts';
import { idf, termFrequencies } from './retrieval.ts';

/** An event is the article's news when it happened at most this many days before it. */
const NEWS_DAYS = 7;
/** Article sentences read for the event (the news comes first). */
const SENTENCES_READ = 200;
/** A sentence shown as the event is at least this long (shorter ones say little)… */
const SENTENCE_MIN = 30;
/** …and at most this long (longer ones do not fit a reason). */
const SENTENCE_MAX = 260;
/** Sentence length (characters) over which longer sentences start to pay for their length. */
const LENGTH_UNIT = 80;
/** Least idf sum of shared words for a sentence to name the event (a few telling words). */
const MIN_EVENT_SCORE = 4;

/**
 * The timeline event that the page and the article both mention and that happened within a
 * week before the article: the news event they share (its title), or null.
 */
export function sharedEvent(
  corpus: LoadedCorpus,
  pageEvents: ReadonlySet<string>,
  d: IndexedDoc,
): string | null {
  let best: { title: string; date: string } | null = null;
  for (const m of corpus.index.mentions?.[d.id] ?? []) {
    if (!pageEvents.has(m.eventId)) continue;
    const e = corpus.eventsById.get(m.eventId);
    if (!e) continue;
    const gap = daysBetween(e.date, d.publishedAt);
    if (gap !== null && (gap < 0 || gap > NEWS_DAYS)) continue;
    if (!best || e.date > best.date) best = { title: e.title, date: e.date };
  }
  return best?.title ?? null;
}

/** An article's sentences that may name its event, each with its distinct content stems. */
interface EventSentences {
  /** The text they were read from (an article's text is attached once, then never changes). */
  text: string;
  list: { text: string; terms: string[] }[];
}
// Per article, read once: every same-story page it meets reads the same sentences.
const sentencesOf = new WeakMap<IndexedDoc, EventSentences>();

function eventSentences(d: IndexedDoc): EventSentences['list'] {
  const text = d.text;
  const known = sentencesOf.get(d);
  if (known && known.text === text) return known.list;
  const list: EventSentences['list'] = [];
  for (const [s, e] of d.sentences.slice(0, SENTENCES_READ)) {
    const t = text.slice(s, e);
    if (t.length < SENTENCE_MIN || t.length > SENTENCE_MAX || QUOTE_MARK.test(t)) continue;
    list.push({ text: t, terms: [...termFrequencies(t).keys()] });
  }
  sentencesOf.set(d, { text, list });
  return list;
}

/** The article sentence that shares the most telling words with the page: the common event. */
export function eventSentence(index: MatchIndex, page: PageProfile, d: IndexedDoc): string | null {
  let best: { text: string; score: number } | null = null;
  for (const { text, terms } of eventSentences(d)) {
    let score = 0;
    for (const t of terms) {
      const id = index.termIds.get(t);
      if (id !== undefined && page.weights.has(id)) score += idf(index, id);
    }
    score /= Math.sqrt(text.length / LENGTH_UNIT + 1);
    if (!best || score > best.score) best = { text, score };
  }
  return best && best.score > MIN_EVENT_SCORE ? best.text : null;
}
