/**
 * The lexicon compiled into the regular expressions detection scans an article with: one per
 * vocabulary, alternatives joined so that each text is scanned once per vocabulary.
 */
import {
  CN_ENTITIES,
  DIPLOMATIC_ACTS,
  OTHER_COUNTERPARTS,
  PAIR_REFERENCES,
  PAIR_TERMS,
  PLA_PRESSURE_TERMS,
  TAIWAN_TERMS,
  US_ENTITIES,
  WORKING_LEVEL_TERMS,
  TRANSCRIPT_HEADLINE_TERMS,
  FIRST_PERSON_TERMS,
  type Entity,
} from './lexicon.ts';

const CJK_CHAR = /^[\u3000-\u9fff\uff00-\uffef]/;
/** Leading lookbehinds and groups, skipped to find a pattern's first literal character. */
const LEADING_SYNTAX = /^(?:\(\?<?[!=][^)]*\)|\(\?:|\()+/;

/** A pattern whose first literal character is Chinese ("(?:东部|南部)战区" as well as "外交部"). */
const CJK = {
  test: (source: string): boolean => CJK_CHAR.test(source.replace(LEADING_SYNTAX, '')),
};

// Plain \b without the `u` flag: V8 runs it several times faster than Unicode lookarounds,
// and the Latin vocabulary has ASCII letters at its edges. CJK terms need no boundary.
function bounded(source: string): string {
  return CJK.test(source) ? source : `\\b(?:${source})\\b`;
}

function compile(patterns: readonly string[], flags = 'g'): RegExp {
  return new RegExp(patterns.map(bounded).join('|'), flags);
}

export interface Combined {
  re: RegExp;
  /** Capture group (0-based) → index of the alternative it belongs to. */
  altOf: number[];
}

/**
 * Alternatives joined into one regex, each in its own capture group (patterns use none).
 * One shared \b…\b around all Latin alternatives (much faster than one per alternative),
 * then the CJK alternatives without boundaries.
 */
function combine(groups: readonly (readonly string[])[], flags: string): Combined {
  const latin: string[] = [];
  const cjk: string[] = [];
  const altOf: number[] = [];
  groups.forEach((g, i) => {
    const l = g.filter((x) => !CJK.test(x));
    if (l.length) {
      latin.push(`(${l.join('|')})`);
      altOf.push(i);
    }
  });
  groups.forEach((g, i) => {
    const c = g.filter((x) => CJK.test(x));
    if (c.length) {
      cjk.push(`(${c.join('|')})`);
      altOf.push(i);
    }
  });
  const parts = [...(latin.length ? [`\\b(?:${latin.join('|')})\\b`] : []), ...cjk];
  return { re: new RegExp(parts.join('|'), flags), altOf };
}

export interface EntityAlt {
  entity: Entity;
  short: boolean;
}

// Office and institution names come before country names in the lexicon, so "US officials"
// is read as officials, not as "US" and then "officials".
export const ENTITY_ALTS: EntityAlt[] = [...US_ENTITIES, ...CN_ENTITIES].flatMap((entity) => [
  { entity, short: false },
  ...(entity.short?.length ? [{ entity, short: true }] : []),
]);
export const ENTITY_RE = combine(
  ENTITY_ALTS.map((a) => (a.short ? a.entity.short! : a.entity.full)),
  'g',
);
export const PAIR = compile(PAIR_TERMS);
// Acts are common words, so case does not matter ("Call with" in a headline).
export const ACT_NAMES = DIPLOMATIC_ACTS.map((a) => a.name);
export const ACT_RE = combine(
  DIPLOMATIC_ACTS.map((a) => a.patterns),
  'gi',
);
export const PAIR_REF = compile(PAIR_REFERENCES, 'gi');
export const TAIWAN = compile(TAIWAN_TERMS);
export const PLA = compile(PLA_PRESSURE_TERMS, 'gi');
export const WORKING_LEVEL = compile(WORKING_LEVEL_TERMS, 'gi');
export const TRANSCRIPT = compile(TRANSCRIPT_HEADLINE_TERMS, 'gi');
export const FIRST_PERSON = compile(FIRST_PERSON_TERMS);
export const OTHER_NAMES = OTHER_COUNTERPARTS.map((o) => o.name);
export const OTHER_RE = combine(
  OTHER_COUNTERPARTS.map((o) => o.patterns),
  'g',
);
