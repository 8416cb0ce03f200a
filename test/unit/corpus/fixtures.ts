/**
 * A tiny valid corpus written for the tests (our own words), as source files, plus helpers to
 * break it one way at a time.
 */
import type { SourceFile } from '../../../src/corpus/validate.ts';

export const GOOD_ARTICLE = [
  'id: a1',
  'title: Leaders talk by phone',
  'publishedAt: 2022-05-02',
  'outlet: null',
  'lang: en',
  'url: null',
  'inferred.publishedAt: the text says the call was last week',
  '---',
  'The two leaders spoke by phone last week.',
  '',
  'Both sides called the talk candid.',
  '',
].join('\n');

export interface EventLine {
  [key: string]: unknown;
}

export const GOOD_EVENTS: EventLine[] = [
  {
    id: 'e-call',
    date: '2022-04-25',
    end: null,
    kind: 'leader-call',
    participants: ['Ann Example', 'Bo Sample'],
    place: null,
    title: 'A test call',
    summary: 'Two test leaders talk.',
    duration: 'about an hour',
    figures: {},
    sources: [{ publisher: 'Test Wire', url: 'https://wire.example/fixture' }],
    format: 'phone call',
    zh: { title: '测试通话', summary: '两位测试领导人通电话。', duration: '约一小时' },
  },
  {
    id: 'e-flights',
    date: '2022-03-01',
    end: '2022-03-03',
    kind: 'taiwan-incursion',
    participants: ['PLA'],
    place: 'Taiwan ADIZ',
    title: 'Test flights',
    summary: 'Aircraft fly near the island.',
    duration: null,
    figures: { aircraft: 12, counted: 'ADIZ entries in the fixture' },
    sources: [{ publisher: 'Test Wire', url: 'https://wire.example/fixture' }],
    zh: {
      title: '测试飞行',
      summary: '飞机在岛屿附近飞行。',
      figures: { aircraft: '12架飞机', counted: '本测试中进入防空识别区的架次' },
    },
  },
];

/** The good events' Chinese text, to break one part at a time (`undefined` drops a key). */
const ZH_CALL = GOOD_EVENTS[0]?.zh as Record<string, unknown>;
const ZH_FLIGHTS = GOOD_EVENTS[1]?.zh as Record<string, unknown>;

export function eventsText(events: EventLine[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n') + '\n';
}

export function goodFiles(): SourceFile[] {
  return [
    { path: 'articles/a1.md', content: GOOD_ARTICLE },
    { path: 'events.jsonl', content: eventsText(GOOD_EVENTS) },
  ];
}

/** Replaces one file's content. */
export function withFile(files: SourceFile[], path: string, content: string): SourceFile[] {
  return [...files.filter((f) => f.path !== path), { path, content }];
}

/** The good events with a change to event `index` (a value of `undefined` deletes the field). */
export function eventsWith(index: number, change: Record<string, unknown>): string {
  const events = GOOD_EVENTS.map((e, i) => {
    if (i !== index) return e;
    const copy: EventLine = { ...e };
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete copy[k];
      else copy[k] = v;
    }
    return copy;
  });
  return eventsText(events);
}

/**
 * The kinds of bad input validation must catch: the file to break, its new content, and the
 * `file:line: field:` prefix the problem must start with plus a word of its message.
 */
export const BAD_INPUTS: {
  name: string;
  path: string;
  content: string;
  expect: string;
  says: RegExp;
}[] = [
  {
    name: 'broken JSON syntax',
    path: 'events.jsonl',
    content: eventsText(GOOD_EVENTS) + '{"id": "e-broken", "date": \n',
    expect: 'events.jsonl:3: json:',
    says: /not valid JSON/,
  },
  {
    name: 'missing field',
    path: 'events.jsonl',
    content: eventsWith(0, { title: undefined }),
    expect: 'events.jsonl:1: title:',
    says: /missing/,
  },
  {
    name: 'bad date',
    path: 'events.jsonl',
    content: eventsWith(1, { date: '2022-02-30' }),
    expect: 'events.jsonl:2: date:',
    says: /not a real calendar date/,
  },
  {
    name: 'end before start',
    path: 'events.jsonl',
    content: eventsWith(1, { end: '2022-02-27' }),
    expect: 'events.jsonl:2: end:',
    says: /before the start date 2022-03-01/,
  },
  {
    name: 'unknown kind',
    path: 'events.jsonl',
    content: eventsWith(0, { kind: 'phone-chat' }),
    expect: 'events.jsonl:1: kind:',
    says: /unknown kind "phone-chat"/,
  },
  {
    name: 'duplicate id',
    path: 'events.jsonl',
    content: eventsWith(1, { id: 'e-call' }),
    expect: 'events.jsonl:2: id:',
    says: /duplicate id "e-call" \(first at line 1\)/,
  },
  {
    name: 'event without sources',
    path: 'events.jsonl',
    content: eventsWith(0, { sources: undefined }),
    expect: 'events.jsonl:1: sources:',
    says: /every event needs at least one link or corpus id/,
  },
  {
    name: 'event with an empty source list',
    path: 'events.jsonl',
    content: eventsWith(0, { sources: [] }),
    expect: 'events.jsonl:1: sources:',
    says: /non-empty list/,
  },
  {
    name: 'event whose source has no usable URL',
    path: 'events.jsonl',
    content: eventsWith(0, { sources: [{ publisher: 'Wire', url: 'wire.example/story' }] }),
    expect: 'events.jsonl:1: sources[0]:',
    says: /well-formed http\(s\) URL/,
  },
  {
    name: 'event whose source is a javascript: URL',
    path: 'events.jsonl',
    content: eventsWith(0, { sources: [{ publisher: 'Wire', url: 'javascript:alert(1)' }] }),
    expect: 'events.jsonl:1: sources[0]:',
    says: /well-formed http\(s\) URL/,
  },
  {
    name: 'event citing an unknown corpus article',
    path: 'events.jsonl',
    content: eventsWith(0, { sources: [{ corpusId: 'no-such-article' }] }),
    expect: 'events.jsonl:1: sources[0]:',
    says: /no corpus article "no-such-article"/,
  },
  {
    name: 'event still using the old source string',
    path: 'events.jsonl',
    content: eventsWith(0, { source: 'seed 004' }),
    expect: 'events.jsonl:1: source:',
    says: /replaced by "sources"/,
  },
  {
    name: 'event whose summary names a seed',
    path: 'events.jsonl',
    content: eventsWith(0, { summary: 'Two leaders talk (seed 004).' }),
    expect: 'events.jsonl:1: summary:',
    says: /internal file, folder or id \("seed 004"\)/,
  },
  {
    name: 'event whose source publisher is a file name',
    path: 'events.jsonl',
    content: eventsWith(0, {
      sources: [{ publisher: 'leader_engagements.csv', url: 'https://wire.example/a' }],
    }),
    expect: 'events.jsonl:1: sources[0]:',
    says: /internal file, folder or id/,
  },
  {
    name: 'readout of an unknown side',
    path: 'events.jsonl',
    content: eventsWith(0, {
      readouts: { uk: { publisher: 'No. 10', url: 'https://gov.example/r' } },
    }),
    expect: 'events.jsonl:1: readouts:',
    says: /unknown side "uk"/,
  },
  {
    name: 'planned that is not a boolean',
    path: 'events.jsonl',
    content: eventsWith(0, { planned: 'yes' }),
    expect: 'events.jsonl:1: planned:',
    says: /true or false/,
  },
  {
    name: 'Chinese title that is empty',
    path: 'events.jsonl',
    content: eventsWith(0, { zh: { ...ZH_CALL, title: ' ' } }),
    expect: 'events.jsonl:1: zh.title:',
    says: /empty/,
  },
  {
    name: 'Chinese title left in English',
    path: 'events.jsonl',
    content: eventsWith(0, { zh: { ...ZH_CALL, title: 'A test call' } }),
    expect: 'events.jsonl:1: zh.title:',
    says: /not Chinese/,
  },
  {
    name: 'Chinese text without its summary',
    path: 'events.jsonl',
    content: eventsWith(0, { zh: { ...ZH_CALL, summary: undefined } }),
    expect: 'events.jsonl:1: zh.summary:',
    says: /missing/,
  },
  {
    name: 'Chinese text without the duration the event has',
    path: 'events.jsonl',
    content: eventsWith(0, { zh: { ...ZH_CALL, duration: undefined } }),
    expect: 'events.jsonl:1: zh.duration:',
    says: /missing/,
  },
  {
    name: 'Chinese figure without its number',
    path: 'events.jsonl',
    content: eventsWith(1, {
      zh: { ...ZH_FLIGHTS, figures: { aircraft: '一些飞机', counted: '测试架次' } },
    }),
    expect: 'events.jsonl:2: zh.figures["aircraft"]:',
    says: /does not give the number \(12\) in digits/,
  },
  {
    name: 'Chinese text missing a figure',
    path: 'events.jsonl',
    content: eventsWith(1, { zh: { ...ZH_FLIGHTS, figures: { aircraft: '12架飞机' } } }),
    expect: 'events.jsonl:2: zh.figures["counted"]:',
    says: /missing/,
  },
  {
    name: 'Chinese text that is not an object',
    path: 'events.jsonl',
    content: eventsWith(0, { zh: '测试通话' }),
    expect: 'events.jsonl:1: zh:',
    says: /expected \{ "title", "summary" \}/,
  },
  {
    name: 'empty article text',
    path: 'articles/a1.md',
    content: GOOD_ARTICLE.split('---')[0] + '---\n\n   \n',
    expect: 'articles/a1.md:9: text:',
    says: /empty/,
  },
  {
    name: 'article date that is not a date',
    path: 'articles/a1.md',
    content: GOOD_ARTICLE.replace('publishedAt: 2022-05-02', 'publishedAt: May 2022'),
    expect: 'articles/a1.md:3: publishedAt:',
    says: /expected YYYY-MM-DD/,
  },
  {
    name: 'article without a header separator',
    path: 'articles/a1.md',
    content: GOOD_ARTICLE.replace('---\n', ''),
    expect: 'articles/a1.md:1: header:',
    says: /no "---" line/,
  },
  {
    name: 'article naming an outlet without evidence',
    path: 'articles/a1.md',
    content: GOOD_ARTICLE.replace('outlet: null', 'outlet: Harbour Post'),
    expect: 'articles/a1.md:4: outletEvidence:',
    says: /where the text or its metadata names the outlet/,
  },
  {
    name: 'article missing a header field',
    path: 'articles/a1.md',
    content: GOOD_ARTICLE.replace('lang: en\n', ''),
    expect: 'articles/a1.md:7: lang:',
    says: /missing/,
  },
  {
    name: 'incursion count without what it counts',
    path: 'events.jsonl',
    content: eventsWith(1, {
      figures: { aircraft: 12 },
      zh: { ...ZH_FLIGHTS, figures: { aircraft: '12架飞机' } },
    }),
    expect: 'events.jsonl:2: figures:',
    says: /"counted"/,
  },
  {
    name: 'reference to an unknown event',
    path: 'events.jsonl',
    content: eventsWith(1, { partOf: 'e-nowhere' }),
    expect: 'events.jsonl:2: partOf:',
    says: /unknown event "e-nowhere"/,
  },
];
