import { detectDiplomacy, diplomacyFeatures, sentences } from '../../../src/core/detect.ts';
import { extractArticle } from '../../../src/core/extract.ts';
import type { Reason, ReasonCode, ReasonParams } from '../../../src/core/reasons.ts';
import { FIXTURE_LABELS, article, fixture } from './fixture-pages.ts';
import { bundledLexicon } from '../../../src/corpus/node.ts';

const lexicon = bundledLexicon();

const codes = (d: { reasons: Reason[] }): ReasonCode[] => d.reasons.map((r) => r.code);
/** The parameters of the reason with `code`, or undefined. */
function paramsOf<C extends ReasonCode>(
  d: { reasons: Reason[] },
  code: C,
): ReasonParams[C] | undefined {
  return d.reasons.find((r) => r.code === code)?.params as ReasonParams[C] | undefined;
}
const names = (found: { name: string }[] | undefined): string[] => (found ?? []).map((f) => f.name);

function detectFixture(file: string): ReturnType<typeof detectDiplomacy> {
  const { doc, url } = fixture(file);
  return detectDiplomacy(extractArticle(doc, url), lexicon);
}

describe('fixtures: the expected label for every page', () => {
  for (const { file, label, note } of FIXTURE_LABELS) {
    it(`${file} → ${label} (${note ?? ''})`, () => {
      expect(detectFixture(file).label).toBe(label);
    });
  }
});

describe('hard cases', () => {
  it('a leaders’ call is diplomacy, with reasons naming actors, acts and zones', () => {
    const d = detectFixture('biden-xi-call.html');
    expect(d.label).toBe('us-china-diplomacy');
    expect(d.score).toBeGreaterThan(0.5);
    const biden = paramsOf(d, 'us-actors')?.actors.find((a) => a.name === 'Joe Biden');
    expect(biden?.zones.slice(0, 2)).toEqual(['headline', 'lead']);
    const xi = paramsOf(d, 'cn-actors')?.actors.find((a) => a.name === 'Xi Jinping');
    expect(xi?.zones.slice(0, 2)).toEqual(['headline', 'lead']);
    expect(names(paramsOf(d, 'diplomatic-acts')?.acts).join(' ')).toMatch(/call/);
    // The English text says the same.
    expect(d.reasons[0]?.text).toMatch(/^US actors: Joe Biden \(headline, lead/);
  });

  it('a Xi–Putin summit is not US–China diplomacy', () => {
    const d = detectFixture('xi-putin-summit.html');
    expect(d.label).toBe('china-other');
  });

  it('a US–Japan summit that names China once is unrelated, whatever the trending box says', () => {
    const d = detectFixture('us-japan-summit.html');
    expect(d.label).toBe('unrelated');
    expect(JSON.stringify(d.reasons.map((r) => r.params))).not.toMatch(/Xi Jinping/);
  });

  it('China’s EV exports with no US officials are china-other', () => {
    const d = detectFixture('china-ev-exports.html');
    expect(d.label).toBe('china-other');
    // "high American tariffs" is a US government measure, named once; Europe is the counterpart.
    expect(
      codes(d).includes('no-us-government-act') ||
        codes(d).includes('us-country-only') ||
        paramsOf(d, 'other-counterpart')?.country === 'Europe',
    ).toBe(true);
  });

  it('a US budget fight mentioning China in passing is unrelated; related stories do not count', () => {
    const d = detectFixture('us-budget-fight.html');
    expect(d.label).toBe('unrelated');
    expect(codes(d)).toContain('china-not-subject');
  });

  it('sport between Chinese and American players is not diplomacy', () => {
    expect(detectFixture('tennis-us-china.html').label).toBe('china-other');
  });

  it('PLA pressure on Taiwan with a US response is diplomacy; without a US angle it is china-other', () => {
    const withUs = detectFixture('taiwan-drills-us-response.html');
    expect(withUs.label).toBe('us-china-diplomacy');
    expect(codes(withUs)).toContain('taiwan-pla');
    expect(detectFixture('taiwan-drills-no-us.html').label).toBe('china-other');
  });

  it('a Simplified Chinese report of a 习近平–拜登 call is diplomacy', () => {
    const d = detectFixture('zh-xi-biden-call.html');
    expect(d.label).toBe('us-china-diplomacy');
    expect(names(paramsOf(d, 'us-actors')?.actors)).toContain('Joe Biden');
    expect(names(paramsOf(d, 'cn-actors')?.actors)).toContain('Xi Jinping');
  });

  it('a home page of Biden–Xi teasers is not-article', () => {
    const d = detectFixture('front-page-biden-xi.html');
    expect(d.label).toBe('not-article');
    expect(d.reasons[0]?.code).toBe('not-article');
    expect(paramsOf(d, 'not-article')?.why).toMatch(/^home page/);
  });
});

describe('detection rules', () => {
  it('passes not-article through with its reason', () => {
    const a = { ...article('x', []), notArticleReason: 'section front' };
    expect(detectDiplomacy(a, lexicon)).toEqual({
      label: 'not-article',
      score: 1,
      reasons: [
        {
          code: 'not-article',
          params: { why: 'section front' },
          text: 'Not an article: section front',
        },
      ],
    });
  });

  it('counts a bare surname only when the full name appears', () => {
    const f1 = diplomacyFeatures(
      article('Sullivan wins the race', ['Sullivan crossed the line first in Boston.']),
      lexicon,
    );
    expect(f1.mentions.find((m) => m.name === 'Jake Sullivan')).toBeUndefined();
    const f2 = diplomacyFeatures(
      article('Jake Sullivan meets Wang Yi', ['Sullivan and Wang Yi met in Vienna for talks.']),
      lexicon,
    );
    expect(f2.mentions.find((m) => m.name === 'Jake Sullivan')?.zones).toEqual({
      headline: 1,
      lead: 1,
      body: 0,
    });
  });

  it('does not read "Xi’an" as Xi or "us" as the US', () => {
    const f = diplomacyFeatures(
      article('Travel in Xi’an', ['Let us walk the city wall of Xi’an at dawn.']),
      lexicon,
    );
    expect(f.mentions.map((m) => m.name)).not.toContain('Xi Jinping');
    expect(f.mentions.map((m) => m.name)).not.toContain('United States');
  });

  it('reads military commands and ministries as government actors, in English and Chinese', () => {
    const zh = diplomacyFeatures(
      article('南部战区回应美舰过航', [
        '东部战区和国防部表示，美舰和美军机抵近侦察。',
        '日本国防部和台湾国防部也发表声明。',
      ]),
      lexicon,
    );
    const names = zh.mentions.map((m) => `${m.name}:${m.kind}`);
    expect(names).toContain('PLA:gov');
    expect(names).toContain('US military:gov');
    expect(zh.mentions.find((m) => m.name === 'Chinese government')?.zones.lead).toBe(1);
    const en = diplomacyFeatures(
      article('Southern Theater Command shadows US destroyer', [
        'The Commerce Department and China’s defence ministry traded statements.',
      ]),
      lexicon,
    );
    expect(en.mentions.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'PLA',
        'US military',
        'US Commerce Department',
        'Chinese government',
      ]),
    );
  });

  it('counts one government’s turn after a headline that states the exchange', () => {
    const paragraphs = [
      'A US Navy patrol plane flew through the Taiwan Strait on Wednesday, the Seventh Fleet said.',
      'The flight showed a commitment to a free and open region, it said.',
      'Beijing said the flight was a deliberate provocation and that its fighters had monitored it.',
    ];
    const framed = detectDiplomacy(
      article('China protests after US patrol plane flies over strait', paragraphs),
      lexicon,
    );
    expect(framed.label).toBe('us-china-diplomacy');
    expect(codes(framed)).toContain('headline-exchange');
    // The same turns under a headline that states no exchange are not enough.
    expect(
      detectDiplomacy(article('A busy week in the Taiwan Strait', paragraphs), lexicon).label,
    ).not.toBe('us-china-diplomacy');
  });

  it('takes a headline naming both sides and one lead sentence of a government act between them', () => {
    const paragraphs = [
      'The Commerce Department on Monday put eight Chinese drone makers on its entity list, cutting off their supply of American parts.',
      'The companies make equipment used by police forces, officials said.',
      'Shares in the firms fell in Shenzhen trading.',
    ];
    const both = article('Washington blacklists Chinese drone makers', paragraphs);
    expect(diplomacyFeatures(both, lexicon).bilateral).toBe(1);
    expect(detectDiplomacy(both, lexicon).label).toBe('us-china-diplomacy');
    // The same lead under a headline that names one side only is not.
    const one = article('Drone makers’ shares fall in Shenzhen', paragraphs);
    expect(detectDiplomacy(one, lexicon).label).not.toBe('us-china-diplomacy');
  });

  it('reads a tariff between the two countries as their governments’ act', () => {
    const tariffs = [
      'China set tariffs of 15 per cent on coal and gas from the United States on Tuesday.',
      'China said the United States had broken trade rules with its tariffs.',
    ];
    const f = diplomacyFeatures(
      article('China answers United States levy with duties', tariffs),
      lexicon,
    );
    expect([f.bilateral, f.bilateralGov]).toEqual([2, 2]);
    // Named only as countries, with an act that is not only a government's, no government acts.
    const team = [
      'China praised its cooperation with the United States basketball team on Tuesday.',
      'China said the United States had sent its best players and praised the cooperation.',
    ];
    const g = diplomacyFeatures(article('Fans cheer at the final', team), lexicon);
    expect([g.bilateral, g.bilateralGov]).toEqual([2, 0]);
  });

  it('treats a working-level exchange as china-other', () => {
    const d = detectDiplomacy(
      article('US and China hold first working group meeting on drug trafficking', [
        'Officials from the United States and China held the first meeting of a new counternarcotics working group in Beijing on Tuesday.',
        'The two sides discussed cooperation on precursor chemicals, the State Department said, and agreed to meet again.',
        'Chinese officials described the talks as constructive.',
      ]),
      lexicon,
    );
    expect(d.label).toBe('china-other');
    expect(codes(d)).toContain('working-level');
  });

  it('splits English and Chinese sentences', () => {
    expect(sentences('Biden spoke. Xi replied! Done?')).toEqual([
      'Biden spoke.',
      'Xi replied!',
      'Done?',
    ]);
    expect(sentences('习近平通电话。拜登表示同意！')).toEqual(['习近平通电话。', '拜登表示同意！']);
    expect(sentences('The U.S. and China met.')).toEqual(['The U.S. and China met.']);
  });

  it('is pure: same input, same output', () => {
    const a = article('Blinken meets Wang Yi', ['Blinken met Wang Yi in Beijing for talks.']);
    expect(detectDiplomacy(a, lexicon)).toEqual(detectDiplomacy(structuredClone(a), lexicon));
  });
});

describe('reasons read as plain sentences', () => {
  it('say how many sentences about China state an act, never "0 of 0", and no score figure', () => {
    const none = detectDiplomacy(
      article('Budget talks resume', [
        'Lawmakers in Congress met again on Tuesday to discuss the spending bill.',
        'The White House said it hoped for a deal before the deadline.',
      ]),
      lexicon,
    );
    const text = none.reasons.map((r) => r.text).join('\n');
    expect(text).not.toMatch(/\b0 of 0\b|score \d|\d\.\d\d/);
    expect(
      paramsOf(none, 'act-sentences')?.about === 0 || codes(none).includes('china-not-subject'),
    ).toBe(true);
    const called = detectFixture('biden-xi-call.html');
    expect(paramsOf(called, 'overall')).toEqual({ level: 'strong' });
    const call = called.reasons.map((r) => r.text).join('\n');
    expect(call).toMatch(/\d+ of the \d+ sentences about China states? a diplomatic act/);
    expect(call).toMatch(/Overall: the signs of US–China diplomacy are strong/);
    expect(call).not.toMatch(/ 1 times/);
  });
});
