/** The shape of an actor in the lexicon (lexicon-us.ts, lexicon-cn.ts). */

export type Side = 'us' | 'cn';

/** official: a named person; gov: an office or institution; country: the country or its people. */
export type EntityKind = 'official' | 'gov' | 'country';

export interface Entity {
  /** Display name used in reasons. */
  name: string;
  side: Side;
  kind: EntityKind;
  full: string[];
  short?: string[];
}
