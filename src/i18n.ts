/**
 * The reader's language. Every string the popup, the options page, the card on the page and the
 * toolbar button show comes from `_locales/<language>/messages.json` through `browser.i18n`: the
 * browser picks the language (its own interface language when Backstory has it, else English).
 * Dates, numbers and lists are formatted by `Intl` in that same language, so a page never mixes
 * an English sentence with a Chinese date.
 */
import browser from './browser.ts';
import { strengthBand, type StrengthBand } from './core/match-strength.ts';
import type en from '../_locales/en/messages.json';

export type MessageKey = keyof typeof en;
/** Messages with plural forms: `<stem>_one`, `<stem>_other` (Chinese has only `_other`). */
export type PluralStem = MessageKey extends infer K
  ? K extends `${infer S}_other`
    ? S
    : never
  : never;

type Sub = string | number;

/**
 * The message `key` in the reader's language, with its placeholders filled in order (numbers
 * formatted for the language). A key missing from the messages is a bug: it throws.
 */
export function t(key: MessageKey, ...subs: Sub[]): string {
  const text = browser.i18n.getMessage(
    key,
    subs.map((s) => (typeof s === 'number' ? formatNumber(s) : s)),
  );
  if (!text) throw new Error(`No message "${key}" in _locales`);
  return text;
}

/**
 * A counted message: `count` picks the plural form through the language's own rules (`_one` or
 * `_other` in English; Chinese always `_other`) and is the first placeholder.
 */
export function tn(stem: PluralStem, count: number, ...subs: Sub[]): string {
  const form = plurals(uiLocale()).select(count);
  const key = (form === 'one' ? `${stem}_one` : `${stem}_other`) as MessageKey;
  return t(key, count, ...subs);
}

/**
 * The locale for `Intl`: the browser's interface language when it is the language of the
 * messages in use (`en-US` and `en-GB` keep their own date order), else the messages' language.
 */
export function uiLocale(): string {
  const messages = browser.i18n.getMessage('locale') || 'en';
  const ui = browser.i18n.getUILanguage?.() ?? messages;
  return primary(ui) === primary(messages) ? ui : messages;
}

/** The messages' language as an HTML `lang` value: `en` or `zh-CN`. */
export const uiLang = (): string => browser.i18n.getMessage('locale') || 'en';

const primary = (tag: string): string => tag.split(/[-_]/)[0]?.toLowerCase() ?? '';

/** Whether the interface (or `lang`, an HTML `lang` value) is Chinese. */
export const chineseUi = (lang: string = uiLang()): boolean => primary(lang) === 'zh';

function memo<T>(make: (locale: string) => T): (locale: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    let v = made.get(locale);
    if (v === undefined) made.set(locale, (v = make(locale)));
    return v;
  };
}

const plurals = memo((l) => new Intl.PluralRules(l));
const numbers = memo((l) => new Intl.NumberFormat(l));
const days = memo(
  (l) =>
    new Intl.DateTimeFormat(l, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }),
);
const months = memo(
  (l) => new Intl.DateTimeFormat(l, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
);
const longMonths = memo(
  (l) => new Intl.DateTimeFormat(l, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
);
const lists = memo((l) => new Intl.ListFormat(l, { style: 'long', type: 'conjunction' }));
const languages = memo((l) => new Intl.DisplayNames([l], { type: 'language' }));

export const formatNumber = (n: number): string => numbers(uiLocale()).format(n);

/** `2021-11-12` as a date ("12 Nov 2021", "Nov 12, 2021", "2021年11月12日"). */
const utcDay = (iso: string): Date | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
};

/** A `YYYY-MM-DD` date in the reader's language; anything else as given, or "undated". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return t('undated');
  const d = utcDay(iso);
  return d ? days(uiLocale()).format(d) : iso;
}

/** A span of days: "18 Mar 2021 – 19 Mar 2021", "2021年3月18日至2021年3月19日". */
export function formatSpan(start: string, end: string | null | undefined): string {
  return end && end !== start
    ? t('dateRange', formatDate(start), formatDate(end))
    : formatDate(start);
}

/** "Nov 2021" / "2021年11月" for a `YYYY-MM…` date. */
export function formatMonth(iso: string, long = false): string {
  const d = utcDay(`${iso.slice(0, 7)}-01`);
  if (!d) return iso;
  return (long ? longMonths : months)(uiLocale()).format(d);
}

/** "a, b and c" / "a、b和c". */
export const formatList = (items: readonly string[]): string => lists(uiLocale()).format(items);

/** A language's name in the reader's language ("Chinese", "中文"). */
export function languageName(tag: string): string {
  try {
    return languages(uiLocale()).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

const STRENGTH_KEYS: Record<StrengthBand, MessageKey> = {
  same: 'strengthSame',
  close: 'strengthClose',
  loose: 'strengthLoose',
};

/** A quote match's strength in words ("close wording", "措辞相近"): `page` is the quote on the page. */
export const strengthWords = (score: number, page: string, other: string): string =>
  t(STRENGTH_KEYS[strengthBand(score, page, other)]);

/** What the strength words measure, for their tooltip. */
export const strengthTip = (): string => t('strengthTip');
