/**
 * The Chinese names of what an analysis' reasons name ("Xi Jinping" → 习近平, "State
 * Department" → 美国国务院, a timeline event's title → its Chinese title), from a lexicon and
 * the timeline, so that a Chinese interface writes them as Chinese news does; the reasons
 * themselves keep the English names (and English `text`).
 */
import type { TimelineEvent } from '../corpus/types.ts';
import { chineseDisplayName } from './chinese-names.ts';
import type { Lexicon } from './lexicon.ts';
import { reasonNames, type Reason } from './reasons.ts';
import type { Analysis } from './types.ts';

/** Every reason an analysis gives: detection's, related coverage's, quote matches' and context's. */
function reasonsOf(a: Omit<Analysis, 'names'>): Reason[] {
  return [
    ...a.detection.reasons,
    ...a.related.flatMap((r) => r.why),
    ...a.quotes.flatMap((q) => q.matches.flatMap((m) => m.why ?? [])),
    ...[...a.context, ...(a.moreContext ?? []), ...(a.since ?? [])].flatMap((c) => c.why ?? []),
  ];
}

/** Each timeline's English title → Chinese title, made once per loaded timeline. */
const titlesOf = new WeakMap<readonly TimelineEvent[], ReadonlyMap<string, string>>();
function chineseTitles(events: readonly TimelineEvent[]): ReadonlyMap<string, string> {
  let titles = titlesOf.get(events);
  if (!titles) {
    titles = new Map(events.flatMap((e) => (e.zh ? [[e.title, e.zh.title] as const] : [])));
    titlesOf.set(events, titles);
  }
  return titles;
}

/** English name → Chinese name, for the names the analysis' reasons give that have one. */
export function chineseNamesFor(
  a: Omit<Analysis, 'names'>,
  events: readonly TimelineEvent[],
  lexicon: Lexicon,
): Record<string, string> {
  const titles = chineseTitles(events);
  const names: Record<string, string> = {};
  for (const name of new Set(reasonsOf(a).flatMap(reasonNames))) {
    const zh = chineseDisplayName(lexicon, name) ?? titles.get(name);
    if (zh) names[name] = zh;
  }
  return names;
}
