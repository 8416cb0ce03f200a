/**
 * The lexicon is a data file (src/core/data/lexicon.json): a missing or malformed table throws
 * with a message that names the problem, never an empty list. It is a value that is passed:
 * what the code builds from it (the names module, detection's patterns, the glance) is built
 * from the table it is given, once per table, and a different table gives different answers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLexicon, fetchLexicon, readLexiconFile } from '../../../src/core/lexicon.ts';
import {
  chineseFormsOf,
  englishNameIn,
  isChineseFamilyName,
} from '../../../src/core/chinese-names.ts';
import { chinaNamesOf, detectDiplomacy, diplomacyFeatures } from '../../../src/core/detect.ts';
import { detectPatterns } from '../../../src/core/detect-patterns.ts';
import { analyzeExtracted } from '../../../src/core/analyze.ts';
import { loadCorpus } from '../../../src/corpus/load.ts';
import {
  bundledLexicon,
  readBundledTables,
  readGeneratedIndexText,
} from '../../../src/corpus/node.ts';
import type { CorpusIndex } from '../../../src/corpus/types.ts';

// (Not `new URL('<literal>', import.meta.url)`: Vite would rewrite that to a served path.)
const TABLE = '../../../src/core/data/lexicon.json';
const FILE = new URL(TABLE, import.meta.url);
const shipped = (): Record<string, unknown> =>
  JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;

const article = {
  meta: {
    url: 'https://news.example/a',
    title: 'Blinken meets Wang Yi in Beijing',
    site: 'news.example',
    publishedAt: '2024-04-26',
    lang: 'en',
    wordCount: 40,
    canonicalUrl: null,
    byline: null,
  },
  paragraphs: [
    'Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Friday.',
    'The two sides held talks on trade and Taiwan, officials said.',
  ],
};

const lexicon = bundledLexicon();

describe('the lexicon table', () => {
  it('the shipped table is read from disk in Node and is well formed', () => {
    expect(() => checkLexicon(shipped())).not.toThrow();
    expect(readLexiconFile().cn.some((e) => e.name === 'Xi Jinping')).toBe(true);
  });

  it('a missing file throws, naming the file', () => {
    const gone = pathToFileURL(join(tmpdir(), 'backstory-no-such-dir', 'lexicon.json'));
    expect(() => readLexiconFile(gone)).toThrow(
      /the lexicon table is missing \(.*backstory-no-such-dir\/lexicon\.json\)/,
    );
  });

  it('a file that is not JSON throws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-lexicon-'));
    writeFileSync(join(dir, 'lexicon.json'), '{ "us": [');
    expect(() => readLexiconFile(pathToFileURL(join(dir, 'lexicon.json')))).toThrow(
      /the lexicon table is not JSON/,
    );
  });

  const broken: [string, (t: Record<string, unknown>) => unknown, RegExp][] = [
    ['not an object', () => [], /lexicon table: not a JSON object/],
    ['a side missing', (t) => ({ ...t, cn: undefined }), /lexicon table: cn: expected a list/],
    ['an empty side', (t) => ({ ...t, us: [] }), /lexicon table: us: expected a list of actors/],
    [
      'an actor without a name',
      (t) => ({ ...t, cn: [{ side: 'cn', kind: 'official', full: ['X'] }] }),
      /lexicon table: cn\[0\]: expected an actor with a name/,
    ],
    [
      'an actor on the wrong side',
      (t) => ({ ...t, us: [{ name: 'Xi', side: 'cn', kind: 'official', full: ['Xi'] }] }),
      /lexicon table: us\[0\] \(Xi\): side must be "us"/,
    ],
    [
      'an unknown kind',
      (t) => ({ ...t, us: [{ name: 'X', side: 'us', kind: 'person', full: ['X'] }] }),
      /kind must be official, gov or country/,
    ],
    [
      'a pattern that does not compile',
      (t) => ({ ...t, taiwan: ['Taiwan(?:ese'] }),
      /lexicon table: taiwan: "Taiwan\(\?:ese" is not a valid pattern/,
    ],
    [
      'an empty term',
      (t) => ({ ...t, familyNames: ['Xi', ''] }),
      /lexicon table: familyNames: expected a list of non-empty texts/,
    ],
    [
      'acts without patterns',
      (t) => ({ ...t, acts: [{ name: 'call' }] }),
      /lexicon table: acts\[0\]\.patterns: expected a list/,
    ],
    [
      'a contact word of an unknown kind',
      (t) => ({ ...t, contactWords: [{ type: 'lunch', en: ['lunch'], zh: ['午餐'] }] }),
      /lexicon table: contactWords\[0\]: type must be one of call, meeting/,
    ],
    [
      'an actor whose Chinese name is in Latin letters',
      (t) => ({
        ...t,
        us: [{ name: 'Joe Biden', zh: 'Biden', side: 'us', kind: 'official', full: ['Biden'] }],
      }),
      /lexicon table: us\[0\] \(Joe Biden\): zh must be the name in Chinese characters/,
    ],
    [
      'an act without a Chinese name',
      (t) => ({ ...t, acts: [{ name: 'call', patterns: ['call'] }] }),
      /lexicon table: acts\[0\] \(call\): zh must be the name in Chinese characters/,
    ],
    [
      'Chinese forms not a map',
      (t) => ({ ...t, moreChineseForms: ['蔡英文'] }),
      /lexicon table: moreChineseForms: expected name → forms/,
    ],
  ];
  for (const [what, edit, message] of broken) {
    it(`a malformed table throws (${what})`, () => {
      expect(() => checkLexicon(edit(shipped()))).toThrow(message);
    });
  }

  it('fetched from the package: a missing file or a body that is not JSON throws', async () => {
    const answer = (body: string, status = 200) =>
      (async () => new Response(body, { status })) as unknown as typeof fetch;
    await expect(fetchLexicon(answer('', 404))).rejects.toThrow(
      /the lexicon table is missing from the package \(404\)/,
    );
    await expect(fetchLexicon(answer('<html>'))).rejects.toThrow(/the lexicon table is not JSON/);
    await expect(fetchLexicon(answer('{"us": []}'))).rejects.toThrow(/us: expected a list/);
    const ok = await fetchLexicon(answer(readFileSync(FILE, 'utf8')));
    expect(ok.us.length).toBeGreaterThan(10);
  });
});

describe('the names module, built from the table', () => {
  it('family names, Chinese forms and English names', () => {
    expect(isChineseFamilyName(lexicon, 'xi')).toBe(true);
    expect(isChineseFamilyName(lexicon, 'Tsai')).toBe(true); // from a Taiwanese leader in the table
    expect(isChineseFamilyName(lexicon, 'Biden')).toBe(false);
    expect(chineseFormsOf(lexicon, 'Joe Biden')).toContain('拜登');
    expect(chineseFormsOf(lexicon, 'Tsai Ing-wen')).toEqual(['蔡英文']);
    expect(englishNameIn(lexicon, '外交部发言人毛宁表示')).toBe('Mao Ning');
    expect(englishNameIn(lexicon, '沙利文说')).toBe('Jake Sullivan');
  });

  it('reads the table it is given, each its own, side by side', () => {
    const t = shipped();
    const more = checkLexicon({
      ...t,
      familyNames: [...(t['familyNames'] as string[]), 'Zzyzx'],
    });
    expect(isChineseFamilyName(lexicon, 'Zzyzx')).toBe(false);
    expect(isChineseFamilyName(more, 'Zzyzx')).toBe(true);
    expect(isChineseFamilyName(lexicon, 'Zzyzx')).toBe(false);
  });
});

describe('detection reads the lexicon it is given', () => {
  // The shipped table with one Chinese actor only, a made-up one.
  const noChina = checkLexicon({
    ...shipped(),
    cn: [{ name: 'Zzyzx Qor', zh: '兹兹', side: 'cn', kind: 'official', full: ['Zzyzx Qor'] }],
  });
  const wang = (lex: typeof lexicon) =>
    diplomacyFeatures(article, lex).mentions.some((m) => m.name === 'Wang Yi');

  it('a detector given a different lexicon finds different actors and gives another label', () => {
    expect(detectDiplomacy(article, lexicon).label).toBe('us-china-diplomacy');
    expect(wang(lexicon)).toBe(true);
    expect(detectDiplomacy(article, noChina).label).toBe('unrelated');
    expect(wang(noChina)).toBe(false);
    // The shipped one still answers as before: nothing was replaced.
    expect(wang(lexicon)).toBe(true);
    expect(chinaNamesOf(lexicon).test('Wang Yi said')).toBe(true);
    expect(chinaNamesOf(noChina).test('Wang Yi said')).toBe(false);
    expect(chinaNamesOf(noChina).test('Zzyzx Qor said')).toBe(true);
  });

  it('compiles each table once, not per call', () => {
    expect(detectPatterns(lexicon)).toBe(detectPatterns(lexicon));
    expect(chinaNamesOf(lexicon)).toBe(chinaNamesOf(lexicon));
    expect(detectPatterns(noChina)).not.toBe(detectPatterns(lexicon));
  });

  it('the corpus carries the lexicon the analysis reads', () => {
    const index = JSON.parse(readGeneratedIndexText()) as CorpusIndex;
    const shippedCorpus = loadCorpus(index, readBundledTables());
    const other = loadCorpus(index, { ...readBundledTables(), lexicon: noChina });
    expect(shippedCorpus.tables.lexicon).toBe(lexicon);
    expect(other.tables.lexicon).toBe(noChina);
    const detection = detectDiplomacy(article, other.tables.lexicon);
    expect(detection.label).toBe('unrelated');
    // Names in the analysis are read with the corpus' own lexicon too.
    const names = (c: typeof other) =>
      analyzeExtracted(article, detectDiplomacy(article, lexicon), c).names ?? {};
    expect(names(shippedCorpus)['Wang Yi']).toBe('王毅');
    expect(names(other)['Wang Yi']).toBeUndefined();
  });
});

describe('Chinese in traditional characters', () => {
  // The same report, in simplified and in traditional characters (Hong Kong and Taiwan outlets).
  const simplified = [
    '美国国务卿布林肯26日在纽约与中国外长王毅会面，双方就中美关系交换意见。',
    '据美国国务院发布的新闻稿，布林肯表示，美方对中国支持俄罗斯战争机器深感关切。',
  ];
  const traditional = [
    '美國國務卿布林肯26日在紐約與中國外長王毅會面，雙方就中美關係交換意見。',
    '據美國國務院發布的新聞稿，布林肯表示，美方對中國支持俄羅斯戰爭機器深感關切。',
  ];
  const page = (title: string, paragraphs: string[]) => ({
    meta: {
      url: 'https://x.example/a',
      title,
      site: null,
      publishedAt: null,
      lang: 'zh',
      wordCount: 300,
    },
    paragraphs,
  });

  it('names the same actors and gives the same label as the simplified text', () => {
    const s = detectDiplomacy(page('美国国务卿布林肯与中国外长王毅会面', simplified), lexicon);
    const t = detectDiplomacy(page('美國國務卿布林肯與中國外長王毅會面', traditional), lexicon);
    expect(s.label).toBe('us-china-diplomacy');
    expect(t.label).toBe(s.label);
    const actors = (d: typeof s) =>
      d.reasons.filter((r) => r.code === 'us-actors').map((r) => r.text);
    expect(actors(t)).toEqual(actors(s));
  });

  it('knows the Taiwan and Hong Kong renderings of US names', () => {
    const names = (text: string) =>
      diplomacyFeatures(page(text, [text]), lexicon).mentions.map((m) => m.name);
    expect(names('蘇利文與王毅在曼谷會談')).toContain('Jake Sullivan');
    expect(names('葉倫訪問北京')).toContain('Janet Yellen');
  });
});
