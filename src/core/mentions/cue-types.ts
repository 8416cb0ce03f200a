/** What a sentence says that may tie it to a timeline event: its cues, and how much each weighs. */
import { DATE_WEIGHT } from '../dates.ts';
import type { DateCue } from '../dates.ts';

import type { ContactKind } from '../lexicon.ts';

/** The kinds of contact a sentence's words may name (the lexicon's `contactWords`). */
export type TypeClass = ContactKind;

export interface BaseCue {
  text: string;
  /** Offset in the sentence. */
  at: number;
}
export interface PlaceCue extends BaseCue {
  kind: 'place';
  term: string;
}
export interface DurationCue extends BaseCue {
  kind: 'duration';
  minutes: number;
}
export interface FigureCue extends BaseCue {
  kind: 'figure';
  value: number;
}
/** A phrase that names an event ("the Osaka truce", "第一阶段协议"), from `TimelineEvent.names`. */
export interface NameCue extends BaseCue {
  kind: 'name';
  /** The name as normalised in the gazetteer. */
  term: string;
}
export interface RecordCue extends BaseCue {
  kind: 'record';
}
export interface PersonCue extends BaseCue {
  kind: 'person';
  /** Canonical participant name as written in the events. */
  name: string;
}
export interface TypeCue extends BaseCue {
  kind: 'type';
  cls: TypeClass;
}
export type { DateCue };
export type Cue =
  DateCue | PlaceCue | NameCue | DurationCue | FigureCue | RecordCue | PersonCue | TypeCue;
/** Cues that pin one event and are used up by it (shared cues: persons, types). */
export type SpecificCue = DateCue | PlaceCue | NameCue | DurationCue | FigureCue | RecordCue;

/** Evidence weights: how strongly each kind of cue ties a sentence to one event. */
// prettier-ignore
export const WEIGHT = { ...DATE_WEIGHT, place: 1.5, duration: 2, figure: 3, record: 1.5, name: 3 };

export function isSpecific(c: Cue): c is SpecificCue {
  return c.kind !== 'person' && c.kind !== 'type';
}
