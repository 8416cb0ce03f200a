/** The one order of corpus records: articles by id, events by date then id. */
import type { TimelineEvent } from './types.ts';

export function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a, b);
}
