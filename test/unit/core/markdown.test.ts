/**
 * The one Markdown reader (src/core/markdown.ts), shared by the library's import, the CLI's
 * `.md` pages and the evaluations: what it keeps of the marks the White House texts and other
 * saved Markdown use, and how it splits blocks.
 */
import { describe, expect, it } from 'vitest';
import { markdownBlocks, markdownInline, readMarkdown } from '../../../src/core/markdown.ts';
import { textToHtml } from '../../../src/core/text-doc.ts';
import { parseMarkdown } from '../../../src/library/import.ts';

const blocks = (text: string) => markdownBlocks(text.split('\n'));

describe('markdownInline: the words kept, the marks dropped', () => {
  it.each([
    [
      'a link keeps its text',
      'the [dramatic supply shocks](https://x.example/a_(b)) hit',
      'the dramatic supply shocks hit',
    ],
    ['an image goes', 'before ![chart](https://x.example/c.png) after', 'before after'],
    [
      'strong and emphasis',
      '**Enhance** the *Geneva Joint Statement* and _ad valorem_ rates',
      'Enhance the Geneva Joint Statement and ad valorem rates',
    ],
    ['inline code', 'run `corpus import` now', 'run corpus import now'],
    [
      'short inline tags and comments',
      'Illinois—*Intent to Nominate*</u>** <!-- --> <sup>1</sup>',
      'Illinois—Intent to Nominate 1',
    ],
    [
      'escapes give their character',
      '\\[unemployment\\] is \\*down\\* \\#1',
      '[unemployment] is *down* #1',
    ],
    ['underscores inside words stay', 'snake_case_name and 2_000', 'snake_case_name and 2_000'],
    ['a lone asterisk stays', 'rates fell 5 * 2 points', 'rates fell 5 * 2 points'],
    [
      'Chinese text passes through',
      '**外交部**发言人说：“*中方*坚决反对。”',
      '外交部发言人说：“中方坚决反对。”',
    ],
  ])('%s', (_what, input, expected) => {
    expect(markdownInline(input)).toBe(expected);
  });
});

describe('markdownBlocks', () => {
  it('joins wrapped lines and splits on blank lines', () => {
    expect(blocks('The two leaders\nspoke by phone.\n\n  \nThey agreed.')).toEqual([
      { level: 0, text: 'The two leaders spoke by phone.' },
      { level: 0, text: 'They agreed.' },
    ]);
  });

  it('gives headings their level and starts a block at a heading or list item', () => {
    expect(
      blocks(
        '# Readout\nIntro line\n## Commitments:\n-   Halt the flow\n    of precursors.\n-   **Issue** licenses.',
      ),
    ).toEqual([
      { level: 1, text: 'Readout' },
      { level: 0, text: 'Intro line' },
      { level: 2, text: 'Commitments:' },
      { level: 0, text: 'Halt the flow of precursors.' },
      { level: 0, text: 'Issue licenses.' },
    ]);
  });

  it('leaves out rules and blocks of marks only', () => {
    expect(blocks('One.\n\n* * *\n\n---\n\n###\n\n> Two.')).toEqual([
      { level: 0, text: 'One.' },
      { level: 0, text: 'Two.' },
    ]);
  });
});

describe('readMarkdown', () => {
  it('numbers the body from the line after the closing marker', () => {
    const doc = readMarkdown('\uFEFF---\r\ntitle: Call\r\n---\r\nBody.');
    expect(doc.bodyLine).toBe(4);
    expect(doc.body).toEqual(['Body.']);
    expect(doc.frontMatter !== null && doc.frontMatter !== 'unclosed' && doc.frontMatter.ok).toBe(
      true,
    );
  });

  it('tells a file without front matter from one whose front matter is not closed', () => {
    expect(readMarkdown('Body only.').frontMatter).toBeNull();
    expect(readMarkdown('---\ntitle: x\nBody.').frontMatter).toBe('unclosed');
  });
});

describe('the same reading for the library and the CLI', () => {
  const md = [
    '---',
    'title: "Readout of a call"',
    'date: 2025-06-05',
    'source_url: https://w.example/r',
    '---',
    '',
    'The President [spoke](https://w.example/x) with *President Xi*.',
    '',
    'They agreed:',
    '-   to keep talking;',
    '-   to meet.',
  ].join('\n');

  it('imports and converts to the same paragraphs', () => {
    const imported = parseMarkdown('readout.md', md);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const paragraphs = imported.articles[0]!.paragraphs;
    expect(paragraphs).toEqual([
      'The President spoke with President Xi.',
      'They agreed:',
      'to keep talking;',
      'to meet.',
    ]);
    const { html, title } = textToHtml(md, 'md');
    expect(title).toBe('Readout of a call');
    for (const p of paragraphs) expect(html).toContain(`<p>${p}</p>`);
  });

  it('the CLI refuses broken front matter, naming the line and key', () => {
    expect(() => textToHtml('---\ntitle: "never closed\n---\nBody.', 'md')).toThrow(
      /^line 2: title: /,
    );
  });
});
