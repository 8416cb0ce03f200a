/**
 * The interface's two languages: the message files agree with each other and with the manifest,
 * and `src/i18n.ts` picks plural forms and formats dates and numbers for the reader's language.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../../_locales/en/messages.json' with { type: 'json' };
import zhCN from '../../../_locales/zh_CN/messages.json' with { type: 'json' };
import manifest from '../../../manifest.json' with { type: 'json' };
import { browserMock } from '../browser-mock.ts';

vi.mock('../../../src/browser.ts', async () => ({
  default: (await import('../browser-mock.ts')).browserMock,
}));
const { t, tn, formatDate, formatSpan, formatList, formatNumber, uiLang } =
  await import('../../../src/i18n.ts');

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const EN = en as Record<string, Entry>;
const ZH = zhCN as Record<string, Entry>;

afterEach(() => browserMock.i18n.useLocale('en'));

describe('the message files', () => {
  it('Chinese has every English message but the English-only "one" forms, and no other', () => {
    const wanted = Object.keys(EN).filter((k) => !k.endsWith('_one'));
    expect(Object.keys(ZH).sort()).toEqual(wanted.sort());
  });

  it('every placeholder a message uses is defined, with the same positions in both languages', () => {
    for (const [key, entry] of Object.entries({ ...EN })) {
      for (const [name, files] of [
        ['en', EN],
        ['zh_CN', ZH],
      ] as const) {
        const m = files[key];
        if (!m) continue;
        for (const [, used] of m.message.matchAll(/\$([A-Za-z_]+)\$/g)) {
          expect(
            m.placeholders?.[(used ?? '').toLowerCase()],
            `${name} ${key}: $${used}$`,
          ).toBeDefined();
        }
        if (name === 'zh_CN') expect(m.placeholders, key).toEqual(entry.placeholders);
      }
    }
  });

  it('the manifest takes its name and description from them, within the stores’ limits', () => {
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(manifest.default_locale).toBe('en');
    for (const files of [EN, ZH]) {
      expect(files['extName']?.message.length).toBeLessThanOrEqual(45);
      expect(files['extDescription']?.message.length).toBeLessThanOrEqual(132);
    }
  });
});

describe('the interface in the reader’s language', () => {
  it('fills placeholders in each language’s own order', () => {
    expect(t('originReadOn', 'example.com', '3 Dec 2026')).toBe(
      'you read this on example.com, 3 Dec 2026',
    );
    browserMock.i18n.useLocale('zh_CN');
    expect(t('originReadOn', 'example.com', '2026年12月3日')).toBe(
      '你于2026年12月3日在 example.com 读过',
    );
  });

  it('picks English plural forms, and the one Chinese form', () => {
    expect(tn('jumpQuotes', 1)).toBe('1 quote');
    expect(tn('jumpQuotes', 2)).toBe('2 quotes');
    expect(tn('jumpQuotes', 0)).toBe('0 quotes');
    browserMock.i18n.useLocale('zh_CN');
    expect(tn('jumpQuotes', 1)).toBe('引语 1');
    expect(tn('jumpQuotes', 2)).toBe('引语 2');
  });

  it('formats dates, spans, numbers and lists for the language', () => {
    expect(formatDate('2021-11-12')).toBe('12 Nov 2021');
    expect(formatSpan('2021-03-18', '2021-03-19')).toBe('18 Mar 2021 – 19 Mar 2021');
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatList(['English', 'Chinese'])).toBe('English and Chinese');
    expect(formatDate(null)).toBe('undated');
    expect(uiLang()).toBe('en');
    browserMock.i18n.useLocale('zh_CN');
    expect(formatDate('2021-11-12')).toBe('2021年11月12日');
    expect(formatSpan('2021-03-18', '2021-03-19')).toBe('2021年3月18日至2021年3月19日');
    expect(formatList(['英语', '中文'])).toBe('英语和中文');
    expect(formatDate(null)).toBe('日期不详');
    expect(uiLang()).toBe('zh-CN');
  });

  it('a message missing from the files is an error, not an empty string', () => {
    expect(() => t('no-such-message' as never)).toThrow(/no-such-message/);
  });
});
