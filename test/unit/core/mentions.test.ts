import { resolveMentions } from '../../../src/core/mentions.ts';
import { parseDurationMinutes } from '../../../src/core/mentions/quantities.ts';
import { bundledLexicon, readCorpusSources } from '../../../src/corpus/node.ts';
import type { TimelineEvent } from '../../../src/corpus/types.ts';

const { events } = readCorpusSources();
const ids = (text: string, date: string | null, evs: TimelineEvent[] = events) =>
  resolveMentions(text, date, evs, bundledLexicon()).map((m) => m.eventId);

describe('resolveMentions on unseen wording, English and Chinese', () => {
  it.each([
    ['The Osaka truce held for now.', '2019-07-10', ['2019-06-29-trump-xi-osaka']],
    [
      'Both sides said the phase-one deal was on track.',
      '2020-06-01',
      ['2019-12-13-phase-one-agreed'],
    ],
    [
      'China launched Justice Mission 2025 on Monday.',
      '2025-12-30',
      ['2025-12-29-justice-mission-2025'],
    ],
    ['China sent a record 56 aircraft on Monday.', '2021-10-05', ['2021-10-04-pla-adiz-56']],
    ['这是两国元首继九月通话之后的又一次交流。', '2021-11-16', ['2021-09-09-biden-xi-call']],
    ['两国元首去年十一月在旧金山会晤。', '2024-11-17', ['2023-11-15-biden-xi-woodside']],
    ['两国元首去年11月巴厘岛会晤。', '2023-11-17', ['2022-11-14-biden-xi-bali']],
    ['中美签署第一阶段协议。', '2020-03-01', ['2020-01-15-phase-one-signed']],
  ])('%s (%s)', (text, date, expected) => {
    expect(ids(text, date)).toEqual(expected);
  });

  it('never points at an event after the article date', () => {
    expect(ids('China launched Justice Mission 2025 on Monday.', '2025-12-01')).toEqual([]);
  });
});

describe('resolveMentions on the bundled timeline', () => {
  const NOV_2021 = '2021-11-10';

  it('resolves a month and a duration to the September 2021 call', () => {
    expect(
      ids(
        'The last time Biden and Xi spoke was in September, in a phone call that lasted about 90 minutes.',
        NOV_2021,
      ),
    ).toEqual(['2021-09-09-biden-xi-call']);
  });

  it('resolves "two hours in February" to the first call', () => {
    expect(
      ids('The two leaders also spoke for two hours in February, their first call.', NOV_2021),
    ).toEqual(['2021-02-10-biden-xi-call']);
  });

  it('resolves the six-hour meeting in Switzerland and the warplanes days before it', () => {
    expect(
      ids(
        'The deal came out of a six-hour meeting between Jake Sullivan and Yang Jiechi in Switzerland, just days after Beijing sent a record number of warplanes toward Taiwan.',
        NOV_2021,
      ),
    ).toEqual(['2021-10-06-sullivan-yang-zurich', '2021-10-01-pla-national-day-surge']);
  });

  it('finds two meetings named in one sentence', () => {
    expect(
      ids(
        'Only the March meeting in Anchorage, Alaska, and the October meeting in Zurich were made public.',
        NOV_2021,
      ).sort(),
    ).toEqual(['2021-03-18-anchorage', '2021-10-06-sullivan-yang-zurich']);
  });

  it('resolves "last month" and "record" to the whole October surge, not one of its days', () => {
    expect(
      ids('China made a record number of incursions near the island last month.', NOV_2021),
    ).toEqual(['2021-10-01-pla-national-day-surge']);
  });

  it('prefers a single day when the sentence pins the day and the count', () => {
    expect(ids('On October 4, 56 aircraft entered Taiwan’s air defense zone.', NOV_2021)).toEqual([
      '2021-10-04-pla-adiz-56',
    ]);
  });

  it('resolves explicit months with years and places', () => {
    expect(
      ids(
        'This call would follow their last conversation in April 2024 and their face-to-face meeting in Woodside, California in November 2023.',
        '2024-10-01',
      ).sort(),
    ).toEqual(['2023-11-15-biden-xi-woodside', '2024-04-02-biden-xi-call']);
  });

  it('links an amount and a weekday to the Taiwan drawdown', () => {
    expect(
      ids('Biden approved $567 million in defense aid to Taiwan on Sunday.', '2024-10-01'),
    ).toEqual(['2024-09-29-taiwan-drawdown-567m']);
  });

  it('resolves a month without a year to the latest one before the article', () => {
    const text = 'Biden and Xi spoke by phone in September.';
    expect(ids(text, '2022-03-01')).toEqual(['2021-09-09-biden-xi-call']);
    // In an August 2021 article, "September" is September 2020: no such call.
    expect(ids(text, '2021-08-01')).toEqual([]);
  });

  it('links nothing for a sentence that names no event', () => {
    expect(
      ids('The weather in Washington was mild on Tuesday, and markets rose.', NOV_2021),
    ).toEqual([]);
    expect(ids('Biden and Xi spoke by phone.', NOV_2021)).toEqual([]);
    expect(ids('Officials met in Beijing.', '2024-10-01')).toEqual([]);
  });

  it('does not link events after the article date', () => {
    const text = 'Xi and Biden met face to face in Woodside, California in November 2023.';
    expect(ids(text, '2023-06-01')).toEqual([]);
    expect(ids(text, '2023-12-01')).toEqual(['2023-11-15-biden-xi-woodside']);
    expect(ids('The two leaders will hold a virtual meeting next week.', '2021-11-10')).toEqual([]);
  });

  it('does not pin a meeting on the wrong participants', () => {
    expect(ids('Biden had hoped to meet Xi at the G20 summit in Rome.', NOV_2021)).toEqual([]);
    expect(ids('Instead, Antony Blinken met Wang Yi in Rome.', NOV_2021)).toEqual([
      '2021-10-30-blinken-wang-yi-rome',
    ]);
  });

  it('does not choose between events the sentence cannot tell apart', () => {
    // Sullivan and Wang Yi met in Vienna, Malta and Washington in 2023.
    expect(ids('Sullivan and Wang Yi met several times last year.', '2024-03-01')).toEqual([]);
    expect(ids('Sullivan held talks with Wang Yi in Malta last year.', '2024-03-01')).toEqual([
      '2023-09-16-sullivan-wang-malta',
    ]);
  });

  it('does not read a place inside another name or a contact with someone else', () => {
    expect(ids('Trump and Xi agreed to press North Korea on its weapons.', '2025-11-10')).toEqual(
      [],
    );
    expect(ids('The president met Prime Minister Ishiba yesterday.', '2024-11-17')).toEqual([]);
    expect(ids('Talks will continue through next January.', '2024-08-29')).toEqual([]);
  });

  it('uses absolute dates only when the article has no date', () => {
    expect(
      ids('Their face-to-face meeting in Woodside, California in November 2023 helped.', null),
    ).toEqual(['2023-11-15-biden-xi-woodside']);
    expect(
      ids('China made a record number of incursions near the island last month.', null),
    ).toEqual([]);
  });

  it('returns the sentence, its offsets and the cue words', () => {
    const text =
      'Markets were calm.\n\nBiden approved $567 million in defense aid to Taiwan on Sunday.';
    const [m] = resolveMentions(text, '2024-10-01', events, bundledLexicon());
    expect(m).toBeDefined();
    expect(text.slice(m?.start, m?.end)).toBe(m?.sentence);
    expect(m?.sentence.startsWith('Biden approved')).toBe(true);
    expect(m?.cue).toContain('$567 million');
    expect(m?.cue).toContain('on Sunday');
  });
});

describe('resolveMentions is general', () => {
  const own: TimelineEvent[] = [
    {
      id: 'test-call',
      date: '2022-04-26',
      end: null,
      kind: 'leader-call',
      participants: ['Ann Example', 'Bo Sample'],
      place: null,
      title: 'A test call',
      summary: 'Two test leaders talk.',
      duration: 'about an hour',
      figures: {},
      sources: [{ publisher: 'Test Wire', url: 'https://wire.example/test' }],
      format: 'phone call',
    },
    {
      id: 'test-talks',
      date: '2022-04-20',
      end: '2022-04-21',
      kind: 'senior-talks',
      participants: ['Cy Tester', 'Di Trial'],
      place: 'Harbourtown, Freedonia',
      title: 'Test talks',
      summary: 'Two test envoys meet.',
      duration: null,
      figures: {},
      sources: [{ publisher: 'Test Wire', url: 'https://wire.example/test' }],
      format: 'in person',
    },
  ];

  it('works on any timeline, not only the bundled one', () => {
    expect(ids('Example and Sample talked for an hour last week.', '2022-05-02', own)).toEqual([
      'test-call',
    ]);
    expect(ids('Envoys Tester and Trial met in Harbourtown in April.', '2022-05-02', own)).toEqual([
      'test-talks',
    ]);
    expect(ids('Envoys met somewhere else in March.', '2022-05-02', own)).toEqual([]);
  });
});

describe('parseDurationMinutes', () => {
  it.each([
    ['about 90 minutes', 90],
    ['two hours', 120],
    ['a six-hour meeting', 360],
    ['1 hour 50 minutes', 110],
    ['about three and a half hours', 210],
    ['an hour and a half', 90],
    ['2 hours 17 minutes', 137],
    ['the 100-minute talk', 100],
    ['nothing here', null],
  ])('%s → %s', (text, minutes) => {
    expect(parseDurationMinutes(text)).toBe(minutes);
  });
});
