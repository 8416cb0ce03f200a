/**
 * The Markdown front-matter reader: the values the White House texts write (plain, single- and
 * double-quoted with escapes and continued lines, dates), and a refusal naming line, key and
 * problem for each thing it does not read.
 */
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, type FrontMatter } from '../../../src/core/front-matter.ts';

const parse = (text: string): FrontMatter => parseFrontMatter(text.split('\n'), 2);

function values(text: string): Record<string, string | null> {
  const fm = parse(text);
  if (!fm.ok) throw new Error(`${fm.line}: ${fm.field}: ${fm.problem}`);
  return Object.fromEntries(fm.values);
}

describe('front matter: what it reads', () => {
  it('a White House text: plain, quoted and continued values', () => {
    const fm = parse(
      [
        "date: '2022-05-23'",
        'modified_time: 2022-05-24 02:58:32-04:00',
        'source_url: https://bidenwhitehouse.archives.gov/briefing-room/x/',
        'tags: speeches-remarks',
        'title: "Remarks by President\\_Biden on the People\\u2019s\\',
        '  \\ Republic of China in Joint\\_\\',
        '  Press Conference"',
      ].join('\n'),
    );
    expect(fm.ok).toBe(true);
    if (!fm.ok) return;
    expect(Object.fromEntries(fm.values)).toEqual({
      date: '2022-05-23',
      modified_time: '2022-05-24 02:58:32-04:00',
      source_url: 'https://bidenwhitehouse.archives.gov/briefing-room/x/',
      tags: 'speeches-remarks',
      title:
        'Remarks by President\u00a0Biden on the People\u2019s Republic of China in Joint\u00a0Press Conference',
    });
    expect(Object.fromEntries(fm.lines)).toEqual({
      date: 2,
      modified_time: 3,
      source_url: 4,
      tags: 5,
      title: 6,
    });
  });

  it('dates, quoted or not, are the text as written', () => {
    expect(values('date: 2024-11-16\npublished: \'2024-11-16\'\nalso: "2024-11-16"')).toEqual({
      date: '2024-11-16',
      published: '2024-11-16',
      also: '2024-11-16',
    });
  });

  it("single quotes: '' is a quote, no escapes; line breaks fold to a space", () => {
    expect(values("title: 'China''s \\n view\n  of trade'")).toEqual({
      title: "China's \\n view of trade",
    });
  });

  it('double quotes: every YAML escape, and a blank continued line is a newline', () => {
    expect(values('a: "q\\" b\\\\ t\\t s\\  x\\x41 U\\U0001F600 slash\\/"')).toEqual({
      a: 'q" b\\ t\t s  xA U\u{1F600} slash/',
    });
    expect(values('a: "one\n\n  two  \n  three"')).toEqual({ a: 'one\ntwo three' });
  });

  it('plain values: trimmed, a comment dropped, continued lines folded; empty, ~ and null are none', () => {
    expect(
      values(
        '# a comment line\nsite: The Courier   # the outlet\ntitle: Envoys meet\n  in Lima\nkind:\ngov: ~\nlang: null\n\n',
      ),
    ).toEqual({
      site: 'The Courier',
      title: 'Envoys meet in Lima',
      kind: null,
      gov: null,
      lang: null,
    });
  });

  it('a quoted value may be followed by a comment; # inside quotes is text', () => {
    expect(values('title: "Issue #5" # why\nurl: https://x.example/#top')).toEqual({
      title: 'Issue #5',
      url: 'https://x.example/#top',
    });
  });
});

describe('front matter: what it refuses, with line, key and problem', () => {
  const cases: [string, string, { line: number; field: string; problem: string }][] = [
    [
      'a line that is not key: value',
      'title: A readout\njust some words',
      { line: 3, field: 'front matter', problem: 'expected key: value' },
    ],
    [
      'an indented line before any key',
      '  title: A readout',
      {
        line: 2,
        field: 'front matter',
        problem: 'indented line outside a quoted value (nested values are not supported)',
      },
    ],
    [
      'a key given twice',
      'title: One\ndate: 2024-01-02\ntitle: Two',
      { line: 4, field: 'title', problem: 'given twice (first on line 2)' },
    ],
    [
      'a nested list',
      'title: A readout\ntags:\n  - one\n  - two',
      {
        line: 4,
        field: 'tags',
        problem: 'nested values are not supported; write the value after the colon',
      },
    ],
    [
      'a flow list',
      'tags: [one, two]',
      { line: 2, field: 'tags', problem: 'a value starting with [ is not supported; quote it' },
    ],
    [
      'a block scalar',
      'title: |\n  A readout',
      { line: 2, field: 'title', problem: 'a value starting with | is not supported; quote it' },
    ],
    [
      'a colon and space in a plain value',
      'title: FACT SHEET: Trade',
      { line: 2, field: 'title', problem: 'a colon followed by a space needs the value quoted' },
    ],
    [
      'a plain value continued after a comment',
      'title: Envoys # meet\n  in Lima',
      { line: 3, field: 'title', problem: 'value continues after a comment' },
    ],
    [
      'text after the closing quote',
      'title: "A readout" of a call',
      { line: 2, field: 'title', problem: 'text after the closing quote' },
    ],
    [
      'a line after the closing quote',
      "date: '2024-11-16'\n  extra",
      { line: 3, field: 'date', problem: 'text after the closing quote' },
    ],
    [
      'an unknown escape',
      'title: "Biden\\_and\\q Xi"',
      { line: 2, field: 'title', problem: 'unknown escape \\q' },
    ],
    [
      'a short \\u escape, on a continued line',
      'title: "The People\\\n  \\u201s Republic"',
      { line: 3, field: 'title', problem: 'unknown escape \\u201s' },
    ],
    [
      'an escape past Unicode',
      'title: "\\U00110000"',
      { line: 2, field: 'title', problem: 'escape \\U00110000 is past Unicode' },
    ],
    [
      'a double quote never closed (the next key is not part of it)',
      'date: 2024-11-16\ntitle: "Readout of a call\nsource_url: https://w.example/x',
      { line: 3, field: 'title', problem: 'double quote never closed' },
    ],
    [
      'a single quote never closed',
      "title: 'Readout of a call\n  goes on",
      { line: 2, field: 'title', problem: 'single quote never closed' },
    ],
    [
      'a backslash ending the front matter inside double quotes',
      'title: "Readout\\',
      { line: 2, field: 'title', problem: 'double quote never closed' },
    ],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => {
      expect(parse(text)).toEqual({ ok: false, ...expected });
    });
  }
});
