/**
 * A reason in the reader's language, from its code and parameters (the catalog is
 * src/core/reasons.ts; the sentences are the `reason…`, `rel…`, `q…` and `ctx…` messages in
 * _locales): detection, related coverage, quote matches (worded as the card words them) and
 * context entries.
 */
import type { EventKind } from '../src/core/types.ts';
import type { Found, Reason, Zone } from '../src/core/reasons.ts';
import { t, tn, type MessageKey } from '../src/i18n.ts';
import { asGiven, type NameOf } from '../src/name-display.ts';
import { quoteReasonText } from '../src/quote-reason-text.ts';

const ZONE_KEYS: Record<Zone, MessageKey> = {
  headline: 'zoneHeadline',
  lead: 'zoneLead',
  body: 'zoneBody',
};

const found = (f: Found, nameOf: NameOf = asGiven): string =>
  t('reasonFound', nameOf(f.name), f.zones.map((z) => t(ZONE_KEYS[z])).join(t('listSeparator')));
const foundList = (l: Found[], nameOf: NameOf = asGiven): string =>
  l.map((f) => found(f, nameOf)).join(t('itemSeparator'));

/** The pre-check's findings Backstory can say in every language; others are shown as found. */
const NOT_ARTICLE: Record<string, MessageKey> = {
  'page has no body': 'notArticleNoBody',
  'page has almost no text': 'notArticleNoText',
  'page is too large to be an article': 'notArticleTooLarge',
  'no block of article text': 'notArticleNoBlock',
  'page has too many elements': 'notArticleTooManyElements',
};

/** "once", "twice", "3 times", or `none` for 0, as English says it. */
function times(
  n: number,
  counted: 'reasonTimes' | 'reasonMentionedTimes',
  twice: MessageKey,
  none: MessageKey,
): string {
  return n === 0 ? t(none) : n === 2 ? t(twice) : tn(counted, n);
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const act = (acts: number, about: number, top: number): string => {
  if (about === 0) return t('reasonNoChinaSentence');
  if (acts === 0)
    return about === 1 ? t('reasonOneSentenceNoAct') : t('reasonSentencesNoAct', about);
  if (about === 1) return top ? t('reasonOneSentenceActLead') : t('reasonOneSentenceAct');
  const base = tn('reasonSentencesAct', acts, about);
  if (!top) return base;
  return t('reasonWithLead', base, top === 1 ? t('reasonLeadOne') : t('reasonLeadMany', top));
};

/** One reason as the reader reads it (under its label, which it does not repeat). */
export function reasonText(r: Reason, nameOf: NameOf = asGiven): string {
  switch (r.code) {
    case 'us-actors':
      return t('reasonUsActors', foundList(r.params.actors, nameOf));
    case 'us-country-only':
      return t('reasonUsCountryOnly', found(r.params.actor, nameOf));
    case 'no-us-actor':
      return t('reasonNoUsActor');
    case 'cn-actors':
      return t('reasonCnActors', foundList(r.params.actors, nameOf));
    case 'cn-country-only':
      return t('reasonCnCountryOnly', found(r.params.actor, nameOf));
    case 'no-cn-actor':
      return t('reasonNoCnActor');
    case 'diplomatic-acts':
      return t('reasonDiplomaticActs', foundList(r.params.acts, nameOf));
    case 'act-sentences':
      return act(r.params.acts, r.params.about, r.params.top);
    case 'headline-exchange':
      return tn('reasonHeadlineExchange', r.params.replies);
    case 'china-not-subject':
      return r.params.named === 0
        ? t('reasonChinaNotSubject')
        : r.params.named === 2
          ? t('reasonChinaNotSubjectTwice')
          : tn('reasonChinaNotSubjectNamed', r.params.named);
    case 'taiwan-pla':
      return t(
        'reasonTaiwanPla',
        times(r.params.taiwan, 'reasonTimes', 'reasonTimesTwo', 'reasonNowhere'),
        times(r.params.pla, 'reasonMentionedTimes', 'reasonMentionedTwice', 'reasonNotMentioned'),
      );
    case 'pla-us-response':
      return t('reasonPlaUsResponse');
    case 'working-level':
      return t('reasonWorkingLevel');
    case 'other-counterpart':
      return t(
        'reasonOtherCounterpart',
        nameOf(r.params.country),
        tn('reasonMentions', r.params.mentions),
        r.params.us,
      );
    case 'headline-other-counterpart':
      return t(
        'reasonHeadlineOtherCounterpart',
        r.params.countries.map(nameOf).join(t('listSeparator')),
      );
    case 'one-of-several':
      return t('reasonOneOfSeveral', r.params.countries.join(t('listSeparator')));
    case 'no-us-government-act':
      return t('reasonNoUsGovernmentAct');
    case 'overall':
      return t(
        r.params.level === 'strong'
          ? 'reasonOverallStrong'
          : r.params.level === 'moderate'
            ? 'reasonOverallModerate'
            : r.params.level === 'weak'
              ? 'reasonOverallWeak'
              : 'reasonOverallNone',
      );
    case 'not-article': {
      const key = NOT_ARTICLE[r.params.why];
      return key ? t(key) : capitalised(r.params.why);
    }
    case 'china-not-named':
      return t('reasonChinaNotNamed');
    case 'skipped':
      return capitalised(r.params.why);
    case 'silent-site':
      return t('reasonSilentSite');
    case 'not-same-story':
      return t('relNotSameStory');
    case 'shared-quotes':
      return r.params.count === 1
        ? t('relSharedQuote', r.params.example)
        : tn('relSharedQuotes', r.params.count, r.params.example);
    case 'same-event':
      return t('relSameEvent', r.params.event);
    case 'shared-names':
      return t('relSharedNames', r.params.names.map(nameOf).join(t('listSeparator')));
    case 'wording':
      return t(WORDING[r.params.level]);
    case 'close-version':
      return t('relCloseVersion', r.params.title);
    case 'covers-remark':
    case 'within-quote':
    case 'word-ties':
    case 'short-inside-longer':
    case 'opposite-polarity':
    case 'same-speaker':
    case 'other-speaker':
    case 'similar-surroundings':
    case 'quote-part':
    case 'rendering':
    case 'published-apart':
      return quoteReasonText(r, nameOf);
    case 'page-mentions':
      return r.params.cue
        ? t('ctxPageMentionsCue', r.params.sentence, r.params.cue)
        : t('ctxPageMentions', r.params.sentence);
    case 'coverage-mentions':
      return t('ctxCoverageMentions', r.params.title);
    case 'involves':
      return t('ctxInvolves', r.params.actors.map(nameOf).join(t('listSeparator')));
    case 'page-topic':
      return t(TOPICS[r.params.kind]);
    case 'days-before':
      return r.params.days === 0
        ? t('ctxSameDay')
        : r.params.days === 1
          ? t('ctxDayBefore')
          : tn('ctxDaysBefore', r.params.days);
  }
}

const TOPICS: Record<EventKind, MessageKey> = {
  'leader-call': 'ctxTopicLeaderCall',
  'leader-meeting': 'ctxTopicLeaderMeeting',
  'senior-talks': 'ctxTopicSeniorTalks',
  'taiwan-incursion': 'ctxTopicTaiwanIncursion',
  'arms-sale': 'ctxTopicArmsSale',
  other: 'ctxTopicOther',
};

const WORDING = {
  much: 'relWordingMuch',
  close: 'relWordingClose',
  some: 'relWordingSome',
  little: 'relWordingLittle',
} as const satisfies Record<string, MessageKey>;
