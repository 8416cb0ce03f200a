/**
 * Turns a plain-text or Markdown article into a minimal HTML document, so that `.txt` and `.md`
 * files go through exactly the same extraction as web pages. Markdown is read by markdown.ts,
 * as the library's import reads it.
 */
import { clip } from './text.ts';
import { markdownBlocks, readMarkdown, type MarkdownBlock } from './markdown.ts';

export interface TextDocument {
  html: string;
  title: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The front matter (between `---` lines, read by front-matter.ts) and the body; throws naming
 * the line, key and problem when the front matter is malformed.
 */
export function splitFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const doc = readMarkdown(text);
  const fm = doc.frontMatter;
  if (fm === null) return { meta: {}, body: text };
  if (fm === 'unclosed') throw new Error('line 1: front matter: not closed with ---');
  if (!fm.ok) throw new Error(`line ${fm.line}: ${fm.field}: ${fm.problem}`);
  const meta: Record<string, string> = {};
  for (const [key, value] of fm.values) if (value !== null) meta[key] = value.trim();
  return { meta, body: doc.body.join('\n') };
}

/** Plain text's blocks: blank-line separated, wrapped lines joined. */
function textBlocks(body: string): MarkdownBlock[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
    .filter((b) => b.length > 0)
    .map((text) => ({ level: 0, text }));
}

export function textToHtml(
  text: string,
  kind: 'txt' | 'md',
  opts: { url?: string; fallbackTitle?: string } = {},
): TextDocument {
  const { meta, body } = kind === 'md' ? splitFrontMatter(text) : { meta: {}, body: text };
  const blocks = kind === 'md' ? markdownBlocks(body.split(/\r?\n/)) : textBlocks(body);

  let title = meta['title'] ?? '';
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.level === 1 && !title) {
      title = block.text;
      continue;
    }
    parts.push(
      block.level > 0 ? `<h2>${escapeHtml(block.text)}</h2>` : `<p>${escapeHtml(block.text)}</p>`,
    );
  }
  if (!title) {
    const first = blocks[0]?.text ?? opts.fallbackTitle ?? '';
    title = clip(first, 200);
  }
  const head = [
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    meta['date']
      ? `<meta property="article:published_time" content="${escapeHtml(meta['date'])}">`
      : '',
    meta['source_url'] ? `<link rel="canonical" href="${escapeHtml(meta['source_url'])}">` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const lang = meta['lang'] ?? (/[\u4e00-\u9fff]/.test(body.slice(0, 2000)) ? 'zh' : 'en');
  const html = `<!doctype html>\n<html lang="${escapeHtml(lang)}"><head>\n${head}\n</head><body><main><article>\n<h1>${escapeHtml(title)}</h1>\n${parts.join('\n')}\n</article></main></body></html>\n`;
  return { html, title };
}
