import { dayOf, findDates, zhNumber } from '../../../src/core/dates.ts';

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const ranges = (s: string, article: string | null) =>
  findDates(s, article === null ? null : dayOf(article)).map((c) => [
    c.text,
    iso(c.from),
    iso(c.to),
  ]);

describe('findDates', () => {
  it('reads English dates against the article date', () => {
    expect(ranges('They spoke in September.', '2021-11-10')).toEqual([
      ['September', '2021-09-01', '2021-09-30'],
    ]);
    expect(ranges('They met last month.', '2021-01-15')).toEqual([
      ['last month', '2020-12-01', '2020-12-31'],
    ]);
    expect(ranges('their first meeting since 2019', '2025-10-31')).toEqual([
      ['2019', '2019-01-01', '2019-12-31'],
    ]);
  });

  it('reads Chinese months, days and relative years', () => {
    expect(ranges('两国元首去年十一月在旧金山会晤', '2024-11-17')).toEqual([
      ['去年十一月', '2023-11-01', '2023-11-30'],
    ]);
    expect(ranges('继九月通话之后', '2021-11-16')).toEqual([['九月', '2021-09-01', '2021-09-30']]);
    expect(ranges('协议于去年12月13日宣布', '2020-01-16')).toEqual([
      ['去年12月13日', '2019-12-13', '2019-12-13'],
    ]);
    expect(ranges('2019年6月29日在大阪', null)).toEqual([
      ['2019年6月29日', '2019-06-29', '2019-06-29'],
    ]);
  });

  it('reads a bare Chinese day as this month, or last month when still to come', () => {
    expect(ranges('习近平6日至7日访美', '2017-04-08')).toEqual([
      ['6日至7日', '2017-04-06', '2017-04-07'],
    ]);
    expect(ranges('29日起举行演习', '2026-01-02')).toEqual([['29日', '2025-12-29', '2025-12-29']]);
  });

  it('gives future words no weight and does not read "三个月" as March', () => {
    const next = findDates('两国元首明年三月将会面', dayOf('2021-11-16'));
    expect(next.every((c) => c.weight === 0)).toBe(true);
    expect(ranges('三个月后', '2021-11-16')).toEqual([]);
  });
});

describe('zhNumber', () => {
  it.each([
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十九', 29],
    ['三十一', 31],
    ['12', 12],
  ])('%s → %i', (word, n) => expect(zhNumber(word)).toBe(n));
  it('rejects what is not a number', () => expect(zhNumber('月')).toBeNull());
});
