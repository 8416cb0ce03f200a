/**
 * Why another wording renders a quote, in the reader's language: a quote match's reasons
 * (codes of src/core/reasons.ts) as the popup and the card on the page both show them, from
 * the `q…` and `rel…` messages in `_locales`. Kept apart from the popup's other reasons so the
 * card carries only these.
 */
import { apartIn, type QuoteReason, type TieKind } from './core/reasons.ts';
import { t, tn, type MessageKey } from './i18n.ts';
import { asGiven, type NameOf } from './name-display.ts';

const TIES: Record<TieKind, MessageKey> = {
  translation: 'qTiesTranslation',
  'loose-translation': 'qTiesLooseTranslation',
  'same-meaning': 'qTiesSameMeaning',
  synonym: 'qTiesSynonym',
  'same-root': 'qTiesSameRoot',
  'related-word': 'qTiesRelatedWord',
  'similar-spelling': 'qTiesSimilarSpelling',
};

/** One day, month or year apart, and several, as the reader's language says them. */
const APART_ONE = {
  day: 'relPublishedADay',
  month: 'relPublishedAMonth',
  year: 'relPublishedAYear',
} as const satisfies Record<string, MessageKey>;
const APART_MANY = {
  day: 'relPublishedDays',
  month: 'relPublishedMonths',
  year: 'relPublishedYears',
} as const;

/** "published 3 days apart", "published a month apart": the unit a reader would use. */
export function publishedApart(days: number): string {
  if (days === 0) return t('relPublishedSameDay');
  const { unit, n } = apartIn(days);
  return n === 1 ? t(APART_ONE[unit]) : tn(APART_MANY[unit], n);
}

/** One reason a quote match was given, as the reader reads it. */
export function quoteReasonText(r: QuoteReason, nameOf: NameOf = asGiven): string {
  switch (r.code) {
    case 'covers-remark':
      return r.params.percent === 100 ? t('qCoversWhole') : t('qCoversRemark', r.params.percent);
    case 'within-quote':
      return t('qWithinQuote', r.params.percent);
    case 'word-ties':
      return t(
        TIES[r.params.kind],
        r.params.pairs.map(([a, b]) => t('qTiePair', a, b)).join(t('listSeparator')),
      );
    case 'short-inside-longer':
      return t('qShortInsideLonger');
    case 'opposite-polarity':
      return t('qOppositePolarity');
    case 'same-speaker':
      return t('qSameSpeaker', nameOf(r.params.name));
    case 'other-speaker':
      return t('qOtherSpeaker', nameOf(r.params.name));
    case 'similar-surroundings':
      return t('qSimilarSurroundings', r.params.percent);
    case 'quote-part':
      return t('qQuotePart', r.params.part);
    case 'rendering':
      return t(r.params.language === 'en' ? 'qRenderingEn' : 'qRenderingZh');
    case 'published-apart':
      return publishedApart(r.params.days);
  }
}
