/**
 * Markdown as Backstory reads it — the one reader for the library's import, the CLI's `.md`
 * pages and the evaluations: the front matter between `---` lines (parsed by front-matter.ts),
 * then blocks separated by blank lines, each a heading (`#` to `######`) or a paragraph of
 * plain text. The marks are dropped and the words kept: links keep their text, images go,
 * emphasis, inline code and short inline HTML tags lose their marks, list and quote markers
 * go, backslash escapes give their character. Wrapped lines are joined with a space; a heading
 * line or a list item starts a block of its own.
 */
import { parseFrontMatter, type FrontMatter } from './front-matter.ts';

export interface MarkdownBlock {
  /** 0 for a paragraph, 1–6 for a heading. */
  level: number;
  text: string;
}

export interface MarkdownDocument {
  /**
   * The front matter: null when the file does not open with `---`, `'unclosed'` when no
   * second `---` line follows.
   */
  frontMatter: FrontMatter | null | 'unclosed';
  /** The body's lines, and the file's number of the first of them. */
  body: string[];
  bodyLine: number;
}

/** The file split into front matter (parsed) and body lines; a BOM and CRLF are read as text. */
export function readMarkdown(text: string): MarkdownDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { frontMatter: null, body: lines, bodyLine: 1 };
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) return { frontMatter: 'unclosed', body: [], bodyLine: lines.length + 1 };
  return {
    frontMatter: parseFrontMatter(lines.slice(1, close), 2),
    body: lines.slice(close + 1),
    bodyLine: close + 2,
  };
}

/** A character escaped with a backslash stands in for itself in this private-use range. */
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!&<>|~ ])/g;
const SHELTER = 0xe000;
const SHELTERED = /[\ue000-\ue07f]/g;

const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const INLINE_TAG = /<\/?[A-Za-z][^<>]{0,40}>/g;
const IMAGE = /!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)/g;
const LINK = /\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g;
const CODE = /`([^`]*)`/g;
const STRONG = /\*\*|__/g;
/** `*words*`, inside a word too (as CommonMark reads it, and as Chinese text needs); `_words_` only
 * at word edges, so that snake_case and 2_000 keep theirs. */
const EMPHASIS_STAR = /\*(?=\S)([^*]*?\S)\*/g;
const EMPHASIS_UNDERSCORE = /(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?=[^\p{L}\p{N}_]|$)/gu;
const BLOCK_MARKER = /^(?:>\s+|[*+-]\s+)/;
const HEADING = /^(#{1,6})\s+(.*)$/;
/** A line that starts a block of its own even without a blank line before it. */
const BLOCK_START = /^(?:#{1,6}\s|[*+-]\s)/;
/** A block of marks only: a thematic break (`***`, `---`, `___`) or an empty heading. */
const MARKS_ONLY = /^[#*\-_\s]+$/;

/** One block's text, marks dropped, whitespace collapsed. */
export function markdownInline(text: string): string {
  return text
    .replace(ESCAPED, (_m, c: string) => String.fromCharCode(SHELTER + c.charCodeAt(0)))
    .replace(HTML_COMMENT, '')
    .replace(INLINE_TAG, '')
    .replace(IMAGE, '')
    .replace(LINK, '$1')
    .replace(CODE, '$1')
    .replace(STRONG, '')
    .replace(EMPHASIS_STAR, '$1')
    .replace(EMPHASIS_UNDERSCORE, '$1$2')
    .replace(SHELTERED, (c) => String.fromCharCode(c.charCodeAt(0) - SHELTER))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The body's blocks, in order; blocks with no words (rules, empty headings) are left out. */
export function markdownBlocks(lines: readonly string[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const raw = current.join(' ').replace(BLOCK_MARKER, '');
    current = [];
    if (MARKS_ONLY.test(raw)) return;
    const heading = HEADING.exec(raw);
    const text = markdownInline(heading ? (heading[2] ?? '') : raw);
    if (text && !MARKS_ONLY.test(text)) blocks.push({ level: heading?.[1]?.length ?? 0, text });
  };
  for (const line of lines) {
    const text = line.trim();
    if (text === '' || BLOCK_START.test(text)) flush();
    if (text === '') continue;
    current.push(text);
    // A heading is one line: what follows it is another block.
    if (text.startsWith('#') && HEADING.test(text)) flush();
  }
  flush();
  return blocks;
}
