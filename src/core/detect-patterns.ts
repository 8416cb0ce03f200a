/**
 * The lexicon compiled into the regular expressions detection scans an article with: one per
 * vocabulary, alternatives joined so that each text is scanned once per vocabulary.
 */
import { perLexicon, type Entity } from './lexicon.ts';

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

/**
 * The compiled vocabularies, once per lexicon table. Office and institution names come
 * before country names in the lexicon, so "US officials" is read as officials, not as "US" and
 * then "officials". Acts are common words, so case does not matter ("Call with" in a headline).
 */
export const detectPatterns = perLexicon((lex) => {
  const ENTITY_ALTS: EntityAlt[] = [...lex.us, ...lex.cn].flatMap((entity) => [
    { entity, short: false },
    ...(entity.short?.length ? [{ entity, short: true }] : []),
  ]);
  return {
    ENTITY_ALTS,
    ENTITY_RE: combine(
      ENTITY_ALTS.map((a) => (a.short ? a.entity.short! : a.entity.full)),
      'g',
    ),
    PAIR: compile(lex.pairTerms),
    ACT_NAMES: lex.acts.map((a) => a.name),
    ACT_RE: combine(
      lex.acts.map((a) => a.patterns),
      'gi',
    ),
    PAIR_REF: compile(lex.pairReferences, 'gi'),
    TAIWAN: compile(lex.taiwan),
    PLA: compile(lex.plaPressure, 'gi'),
    WORKING_LEVEL: compile(lex.workingLevel, 'gi'),
    TRANSCRIPT: compile(lex.transcriptHeadline, 'gi'),
    FIRST_PERSON: compile(lex.firstPerson),
    OTHER_NAMES: lex.otherCounterparts.map((o) => o.name),
    OTHER_RE: combine(
      lex.otherCounterparts.map((o) => o.patterns),
      'g',
    ),
  };
});
