import { detectDiplomacy, diplomacyFeatures, sentences } from '../../../src/core/detect.ts';
import { extractArticle } from '../../../src/core/extract.ts';
import { FIXTURE_LABELS, article, fixture } from './fixture-pages.ts';

function detectFixture(file: string): ReturnType<typeof detectDiplomacy> {
  const { doc, url } = fixture(file);
  return detectDiplomacy(extractArticle(doc, url));
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
    const text = d.reasons.join('\n');
    expect(text).toMatch(/US actors: Joe Biden \(headline, lead/);
    expect(text).toMatch(/Chinese actors: Xi Jinping \(headline, lead/);
    expect(text).toMatch(/Diplomatic acts: .*call/);
  });

  it('a Xi–Putin summit is not US–China diplomacy', () => {
    const d = detectFixture('xi-putin-summit.html');
    expect(d.label).toBe('china-other');
  });

  it('a US–Japan summit that names China once is unrelated, whatever the trending box says', () => {
    const d = detectFixture('us-japan-summit.html');
    expect(d.label).toBe('unrelated');
    expect(d.reasons.join('\n')).not.toMatch(/Xi Jinping/);
  });

  it('China’s EV exports with no US officials are china-other', () => {
    const d = detectFixture('china-ev-exports.html');
    expect(d.label).toBe('china-other');
    // "high American tariffs" is a US government measure, named once; Europe is the counterpart.
    expect(d.reasons.join('\n')).toMatch(
      /No US government actor|US named only as a country|main counterpart is Europe/,
    );
  });

  it('a US budget fight mentioning China in passing is unrelated; related stories do not count', () => {
    const d = detectFixture('us-budget-fight.html');
    expect(d.label).toBe('unrelated');
    expect(d.reasons.join('\n')).toMatch(/China is not a subject/);
  });

  it('sport between Chinese and American players is not diplomacy', () => {
    expect(detectFixture('tennis-us-china.html').label).toBe('china-other');
  });

  it('PLA pressure on Taiwan with a US response is diplomacy; without a US angle it is china-other', () => {
    const withUs = detectFixture('taiwan-drills-us-response.html');
    expect(withUs.label).toBe('us-china-diplomacy');
    expect(withUs.reasons.join('\n')).toMatch(/Taiwan named/);
    expect(detectFixture('taiwan-drills-no-us.html').label).toBe('china-other');
  });

  it('a Simplified Chinese report of a 习近平–拜登 call is diplomacy', () => {
    const d = detectFixture('zh-xi-biden-call.html');
    expect(d.label).toBe('us-china-diplomacy');
    const text = d.reasons.join('\n');
    expect(text).toMatch(/Joe Biden/);
    expect(text).toMatch(/Xi Jinping/);
  });

  it('a home page of Biden–Xi teasers is not-article', () => {
    const d = detectFixture('front-page-biden-xi.html');
    expect(d.label).toBe('not-article');
    expect(d.reasons[0]).toMatch(/^Not an article: home page/);
  });
});

describe('detection rules', () => {
  it('passes not-article through with its reason', () => {
    const a = { ...article('x', []), notArticleReason: 'section front' };
    expect(detectDiplomacy(a)).toEqual({
      label: 'not-article',
      score: 1,
      reasons: ['Not an article: section front'],
    });
  });

  it('counts a bare surname only when the full name appears', () => {
    const f1 = diplomacyFeatures(
      article('Sullivan wins the race', ['Sullivan crossed the line first in Boston.']),
    );
    expect(f1.mentions.find((m) => m.name === 'Jake Sullivan')).toBeUndefined();
    const f2 = diplomacyFeatures(
      article('Jake Sullivan meets Wang Yi', ['Sullivan and Wang Yi met in Vienna for talks.']),
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
    );
    const names = zh.mentions.map((m) => `${m.name}:${m.kind}`);
    expect(names).toContain('PLA:gov');
    expect(names).toContain('US military:gov');
    expect(zh.mentions.find((m) => m.name === 'Chinese government')?.zones.lead).toBe(1);
    const en = diplomacyFeatures(
      article('Southern Theater Command shadows US destroyer', [
        'The Commerce Department and China’s defence ministry traded statements.',
      ]),
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
    );
    expect(framed.label).toBe('us-china-diplomacy');
    expect(framed.reasons.join('\n')).toMatch(/headline states the exchange/);
    // The same turns under a headline that states no exchange are not enough.
    expect(detectDiplomacy(article('A busy week in the Taiwan Strait', paragraphs)).label).not.toBe(
      'us-china-diplomacy',
    );
  });

  it('treats a working-level exchange as china-other', () => {
    const d = detectDiplomacy(
      article('US and China hold first working group meeting on drug trafficking', [
        'Officials from the United States and China held the first meeting of a new counternarcotics working group in Beijing on Tuesday.',
        'The two sides discussed cooperation on precursor chemicals, the State Department said, and agreed to meet again.',
        'Chinese officials described the talks as constructive.',
      ]),
    );
    expect(d.label).toBe('china-other');
    expect(d.reasons.join('\n')).toMatch(/working-level/);
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
    expect(detectDiplomacy(a)).toEqual(detectDiplomacy(structuredClone(a)));
  });
});

describe('reasons read as plain sentences', () => {
  it('say how many sentences about China state an act, never "0 of 0", and no score figure', () => {
    const none = detectDiplomacy(
      article('Budget talks resume', [
        'Lawmakers in Congress met again on Tuesday to discuss the spending bill.',
        'The White House said it hoped for a deal before the deadline.',
      ]),
    );
    const text = none.reasons.join('\n');
    expect(text).not.toMatch(/\b0 of 0\b|score \d|\d\.\d\d/);
    expect(text).toMatch(/No sentence is about China|China is not a subject/);
    const call = detectFixture('biden-xi-call.html').reasons.join('\n');
    expect(call).toMatch(/\d+ of the \d+ sentences about China states? a diplomatic act/);
    expect(call).toMatch(/Overall: the signs of US–China diplomacy are strong/);
    expect(call).not.toMatch(/ 1 times/);
  });
});
