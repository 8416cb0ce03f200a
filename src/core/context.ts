/**
 * Prior context for a page: the timeline events before (or on) the article's date that a
 * reader needs — the ones the page itself mentions, the ones its same-story coverage
 * mentions, and the contacts, talks, incursions and arms sales involving the page's actors
 * and topics — most relevant first, with a reader-sized list and the rest kept aside — and,
 * for an article older than the newest events, what happened since.
 */
import type {
  EventMention,
  EventSource,
  LoadedCorpus,
  SourceLink,
  TimelineEvent,
} from '../corpus/types.ts';
import { isChineseFamilyName } from './chinese-names.ts';
import type { Lexicon } from './lexicon.ts';
import { escapeRe } from './fold.ts';
import { pageDate, pageMentions } from './mentions.ts';
import {
  coverageMentionsReason,
  daysBeforeReason,
  involvesReason,
  pageMentionsReason,
  pageTopicReason,
} from './match/reasons.ts';
import type { ContextReason } from './reasons.ts';
import { daysBetween } from './text.ts';
import type {
  ContextItem,
  ContextSource,
  EventKind,
  ExtractedArticle,
  RelatedItem,
} from './types.ts';

export const CONTEXT_LIMIT = 6;
const MORE_LIMIT = 30;

/** Words that make an event kind a topic of the page. */
const KIND_TOPICS: Record<EventKind, RegExp> = {
  'leader-call': /\b(?:call|calls|called|phone|spoke|spoken|talked|conversation|video)\b/i,
  'leader-meeting': /\b(?:summit|meeting|meet|met|talks|face-to-face|in person|virtual)\b/i,
  'senior-talks':
    /\b(?:talks|met|meeting|diplomat|secretary of state|national security adviser|foreign minister|dialogue)\b/i,
  'taiwan-incursion': /\b(?:taiwan|ADIZ|air defen[cs]e|warplanes|aircraft|incursions?|PLA)\b/i,
  'arms-sale':
    /\b(?:arms|weapons|sale|sales|defen[cs]e aid|military aid|missiles|taiwan relations act)\b/i,
  other: /$^/,
};

/** Family names that identify a participant in running text ("Xi Jinping" → "Xi"). */
function participantKeys(name: string, lexicon: Lexicon): string[] {
  const parts = name.split(/\s+/).filter(Boolean);
  if (parts.length === 0) return [];
  const keys = new Set<string>([name]);
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  // Chinese names are family-name first; two-part names like "Wang Yi" need both words.
  if (parts.length === 2 && first.length <= 4 && last.length <= 6 && /^[A-Z][a-z]+$/.test(first)) {
    if (isChineseFamilyName(lexicon, first)) {
      keys.add(first === 'Xi' || first === 'Yang' || first === 'Qin' ? first : name);
      return [...keys];
    }
  }
  if (last.length > 2) keys.add(last);
  return [...keys];
}

/** The pattern of each name looked for (the same few hundred names, page after page). */
const namePatterns = new Map<string, RegExp>();
function mentionsName(text: string, key: string): boolean {
  let re = namePatterns.get(key);
  if (!re) namePatterns.set(key, (re = new RegExp(`\\b${escapeRe(key)}\\b`)));
  return re.test(text);
}

/** A source as a reader sees it: a bundled article by its outlet and title, never its id. */
function toSource(s: EventSource, corpus: LoadedCorpus): ContextSource {
  if (!('corpusId' in s)) return { ...s };
  const a = corpus.articles.get(s.corpusId);
  if (!a) throw new Error(`timeline source names unknown corpus article ${s.corpusId}`);
  return {
    publisher: a.outlet,
    url: a.url,
    title: a.title,
    ...(a.publishedAt ? { date: a.publishedAt } : {}),
  };
}

function readout(r: SourceLink | null | undefined): ContextSource | null | undefined {
  return r === undefined || r === null ? r : { ...r };
}

function toItem(
  e: TimelineEvent,
  corpus: LoadedCorpus,
  mentioned: boolean,
  why: ContextReason[],
): ContextItem {
  const item: ContextItem = {
    id: e.id,
    date: e.date,
    end: e.end,
    kind: e.kind,
    title: e.title,
    sources: e.sources.map((s) => toSource(s, corpus)),
    summary: e.summary,
    duration: e.duration,
    figures: e.figures,
    ...(mentioned ? { mentioned: true } : {}),
    ...(e.planned ? { planned: true } : {}),
    ...(e.zh ? { zh: e.zh } : {}),
    why,
  };
  if (e.readouts) item.readouts = { us: readout(e.readouts.us), prc: readout(e.readouts.prc) };
  return item;
}

/** How many talks and Taiwan events "since this article" lists (every later leaders' contact is listed). */
const SINCE_PER_KIND = 3;

/**
 * What happened after `date`: every later leaders' contact (planned ones marked), and the next
 * few senior talks and Taiwan events (incursions, arms sales), oldest first.
 */
export function collectSince(date: string, corpus: LoadedCorpus): ContextItem[] {
  const later = corpus.events.filter((e) => e.date > date && !e.partOf);
  const leaders = later.filter((e) => e.kind === 'leader-call' || e.kind === 'leader-meeting');
  const talks = later.filter((e) => e.kind === 'senior-talks').slice(0, SINCE_PER_KIND);
  const taiwan = later
    .filter((e) => e.kind === 'taiwan-incursion' || e.kind === 'arms-sale')
    .slice(0, SINCE_PER_KIND);
  return [...leaders, ...talks, ...taiwan]
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((e) => toItem(e, corpus, false, []));
}

/**
 * Collects the prior context of a page. `related` is `findRelated`'s result: the event
 * mentions of same-story articles count as mentions of the story.
 */
export function collectContext(
  article: ExtractedArticle,
  related: RelatedItem[],
  corpus: LoadedCorpus,
  opts: { limit?: number; mentions?: EventMention[] } = {},
): { context: ContextItem[]; moreContext: ContextItem[]; since: ContextItem[] } {
  const limit = Math.max(0, opts.limit ?? CONTEXT_LIMIT);
  const paragraphs = Array.isArray(article.paragraphs)
    ? article.paragraphs.filter((p) => typeof p === 'string')
    : [];
  const title = article.meta?.title ?? '';
  const text = `${title}\n\n${paragraphs.join('\n\n')}`;
  const sameStory = related.filter((r) => r.relation === 'same-story');
  // Without a page date, the story's date (its same-story coverage) bounds "prior".
  const given = pageDate(article);
  let date = given;
  if (!date) {
    const dates = sameStory.map((r) => r.publishedAt).filter((d): d is string => !!d);
    date = dates.sort()[dates.length - 1] ?? null;
  }
  // Planned events never count as prior context: they are not known to have happened.
  const events = corpus.events.filter((e) => (!date || e.date <= date) && !e.planned);

  interface Scored {
    e: TimelineEvent;
    score: number;
    mentioned: boolean;
    why: ContextReason[];
  }
  const byId = new Map<string, Scored>();
  const get = (e: TimelineEvent): Scored => {
    let s = byId.get(e.id);
    if (!s) byId.set(e.id, (s = { e, score: 0, mentioned: false, why: [] }));
    return s;
  };

  // 1. What the page itself mentions: as the analysis resolved them against the page's own
  // date, or against the story's date here.
  const mentions =
    opts.mentions && date === given
      ? opts.mentions
      : pageMentions(article, date, corpus.events, corpus.tables.lexicon);
  const prior = new Set(events.map((e) => e.id));
  for (const m of mentions.filter((x) => prior.has(x.eventId))) {
    const e = corpus.eventsById.get(m.eventId);
    if (!e || (date && e.date > date)) continue;
    const s = get(e);
    if (!s.mentioned) {
      s.mentioned = true;
      s.score += 10;
      s.why.push(pageMentionsReason(m.sentence, m.cue));
    }
  }
  // 2. What same-story coverage mentions.
  for (const r of sameStory) {
    for (const m of corpus.index.mentions?.[r.id] ?? []) {
      const e = corpus.eventsById.get(m.eventId);
      if (!e || (date && e.date > date)) continue;
      const s = get(e);
      if (s.why.some((w) => w.code === 'coverage-mentions')) continue;
      s.score += 4;
      s.why.push(coverageMentionsReason(r.title));
    }
  }
  // 3. Events of the page's actors and topics.
  // Each name and topic is looked for in the text once, however many events share it.
  const named = new Map<string, boolean>();
  const isNamed = (p: string) => {
    let v = named.get(p);
    if (v === undefined)
      named.set(
        p,
        (v = participantKeys(p, corpus.tables.lexicon).some((k) => mentionsName(text, k))),
      );
    return v;
  };
  const topics = new Map<EventKind, boolean>();
  const hasTopic = (kind: EventKind) => {
    let v = topics.get(kind);
    if (v === undefined) topics.set(kind, (v = KIND_TOPICS[kind].test(text)));
    return v;
  };
  for (const e of events) {
    const actors = e.participants.filter(isNamed);
    const topic = hasTopic(e.kind);
    const days = date ? daysBetween(e.date, date) : null;
    const recency = days === null ? 0.5 : Math.exp(-Math.max(0, days) / 240);
    let score = 0;
    const why: ContextReason[] = [];
    if (actors.length > 0) {
      score += Math.min(3, actors.length) * (e.kind === 'taiwan-incursion' ? 0.5 : 1);
      why.push(involvesReason(actors));
    }
    if (topic) {
      score += e.kind === 'other' ? 0 : 1;
      why.push(pageTopicReason(e.kind));
    }
    if (score === 0 && !byId.has(e.id)) continue;
    score += 2 * recency;
    if (days !== null && days <= 60) why.push(daysBeforeReason(days));
    const s = get(e);
    s.score += score;
    s.why.push(...why);
  }

  const all = [...byId.values()].sort(
    (a, b) => b.score - a.score || (a.e.date < b.e.date ? 1 : a.e.date > b.e.date ? -1 : 0),
  );
  // Only the events shown, or kept aside, become items.
  const items = all
    .slice(0, limit + MORE_LIMIT)
    .map((s) => toItem(s.e, corpus, s.mentioned, s.why));
  return {
    context: items.slice(0, limit),
    moreContext: items.slice(limit, limit + MORE_LIMIT),
    since: date ? collectSince(date, corpus) : [],
  };
}
