/**
 * Finds the sentences of a text that refer to timeline events ("the last time Biden and Xi spoke
 * was in September, in a call that lasted about 90 minutes" → the 2021-09-09 call).
 *
 * Pure and small enough to run on the reader's page at analysis time, and at build time over
 * the corpus. For each sentence it collects cues — dates resolved against the article's date,
 * durations, amounts and counts, places, participants, "record", and words saying what kind of
 * contact it was — scores every event that happened on or before the article's date, and keeps
 * an event only when the evidence is sufficient: a score threshold, two kinds of evidence, and
 * an anchor (a date of a month or finer, a duration, a figure, or a telling place with a
 * participant or a date), with no other event explained equally well by the same cues. One
 * sentence can mention several events ("the March meeting in Anchorage and the October meeting
 * in Zurich"), so the specific cues used by a chosen event are consumed before the next pick.
 * The gazetteers (people, places, event names) come from the events themselves and the names
 * module (chinese-names.ts: family names, Chinese forms of names, from the lexicon it is
 * given); the lexicon's generic place words (`placeStop`) must grow with a timeline that brings
 * new ones.
 */
import type { EventMention, TimelineEvent } from '../corpus/types.ts';
import type { Lexicon } from './lexicon.ts';
import type { ExtractedArticle } from './types.ts';
import { dayOf } from './dates.ts';
import { isSpecific, type Cue, type SpecificCue } from './mentions/cue-types.ts';
import { collectCues, relationCues } from './mentions/cues.ts';
import {
  better,
  eventFacts,
  mayAnchor,
  scoreEvent,
  type Candidate,
  type EventFacts,
} from './mentions/event-scoring.ts';
import { gazetteer } from './mentions/gazetteer.ts';
import { splitSentences } from './sentences.ts';

/** Least score for an event to be a mention (a date of a day alone, or two lesser cues). */
const MIN_SCORE = 3;
/** Events one sentence may mention ("the March meeting in Anchorage and the October one…"). */
const MAX_PER_SENTENCE = 3;
/** Kinds of evidence an event needs (a date alone, however precise, is not enough). */
const MIN_KINDS = 2;

function family(a: TimelineEvent, b: TimelineEvent): boolean {
  return a.id === b.id || a.partOf === b.id || b.partOf === a.id;
}

/**
 * The mentions of timeline events in `text`, in text order. `articleDate` (`YYYY-MM-DD`)
 * resolves relative dates and excludes events after it; with null, only absolute dates count.
 * Names, place words and contact words are read with `lexicon`.
 */
export function resolveMentions(
  text: string,
  articleDate: string | null,
  events: TimelineEvent[],
  lexicon: Lexicon,
): EventMention[] {
  const article = articleDate ? dayOf(articleDate) : null;
  const g = gazetteer(events, lexicon);
  const eligible: [TimelineEvent, EventFacts][] = [];
  for (const ev of events) {
    const facts = eventFacts(ev, lexicon);
    if (!facts) continue;
    if (article !== null && facts.from > article) continue;
    eligible.push([ev, facts]);
  }
  const out: EventMention[] = [];
  for (const sentence of splitSentences(text)) {
    const s = sentence.text;
    const cues = collectCues(s, article, g, lexicon, { specificOnly: true });
    const allSpecific = cues.filter(isSpecific);
    if (allSpecific.length === 0) continue;
    const consumed = new Set<Cue>();
    const claimed = new Set<Cue>();
    const chosen: Candidate[] = [];
    while (chosen.length < MAX_PER_SENTENCE) {
      const available = [...cues, ...relationCues(s, chosen)].filter(
        (c): c is SpecificCue => isSpecific(c) && !consumed.has(c),
      );
      if (available.length === 0) break;
      let best: Candidate | null = null;
      const rivals: Candidate[] = [];
      for (const [ev, facts] of eligible) {
        if (chosen.some((c) => family(c.ev, ev))) continue;
        // An event that cannot be anchored is never picked: not worth scoring.
        if (!mayAnchor(facts, available)) continue;
        const cand = scoreEvent(
          ev,
          facts,
          cues,
          available,
          allSpecific,
          g.persons,
          g.places,
          claimed,
        );
        if (cand.score < MIN_SCORE || !cand.anchored || cand.kinds < MIN_KINDS) continue;
        rivals.push(cand);
        if (!best || better(cand, best) < 0) best = cand;
      }
      if (!best) break;
      // Another event explained by the same cues, just as well: the sentence does not say which.
      const rival = rivals.find(
        (r) =>
          r !== best &&
          !family(r.ev, (best as Candidate).ev) &&
          r.score === (best as Candidate).score &&
          r.used.some((c) => (best as Candidate).used.includes(c)),
      );
      if (rival) break;
      chosen.push(best);
      for (const c of best.used) consumed.add(c);
      for (const c of best.shared) if (c.kind === 'person') claimed.add(c);
    }
    for (const c of chosen) {
      const words = [...c.used, ...c.shared]
        .sort((a, b) => a.at - b.at)
        .map((x) => x.text)
        .filter((w, i, all) => all.indexOf(w) === i);
      out.push({
        eventId: c.ev.id,
        sentence: s,
        start: sentence.start,
        end: sentence.end,
        cue: words.join(', '),
      });
    }
  }
  return out;
}

/** The page's own date as mentions read it (`YYYY-MM-DD`), or null. */
export function pageDate(article: ExtractedArticle): string | null {
  const given = article.meta?.publishedAt ?? null;
  return given && /^\d{4}-\d{2}-\d{2}/.test(given) ? given.slice(0, 10) : null;
}

/**
 * The timeline events a page mentions in its title and body, resolved against `date`; none
 * for a page without a body. Computed once per analysis: related coverage reads the events'
 * ids, the context reads the mentions.
 */
export function pageMentions(
  article: ExtractedArticle,
  date: string | null,
  events: TimelineEvent[],
  lexicon: Lexicon,
): EventMention[] {
  const paragraphs = Array.isArray(article.paragraphs)
    ? article.paragraphs.filter((p) => typeof p === 'string')
    : [];
  const body = paragraphs.join('\n\n');
  if (!body) return [];
  return resolveMentions(`${article.meta?.title ?? ''}\n\n${body}`, date, events, lexicon);
}
