/**
 * Turns a plain-text or Markdown article into a minimal HTML document, so that `.txt` and `.md`
 * files go through exactly the same extraction as web pages.
 */

export interface TextDocument {
  html: string;
  title: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Split `key: value` front matter (between `---` lines) from the body. */
export function splitFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of (m[1] ?? '').split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w.-]*):\s*(.*)$/.exec(line);
    if (kv?.[1]) meta[kv[1]] = (kv[2] ?? '').replace(/^["']|["']$/g, '').trim();
  }
  return { meta, body: text.slice(m[0].length) };
}

/** Markdown inline syntax removed, keeping the words. */
function stripInlineMarkdown(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S[^*_]*?)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1');
}

export function textToHtml(
  text: string,
  kind: 'txt' | 'md',
  opts: { url?: string; fallbackTitle?: string } = {},
): TextDocument {
  const { meta, body } = kind === 'md' ? splitFrontMatter(text) : { meta: {}, body: text };
  const blocks = body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
    .filter((b) => b.length > 0);

  let title = meta['title'] ?? '';
  const parts: string[] = [];
  for (const block of blocks) {
    const heading = kind === 'md' ? /^(#{1,6})\s+(.*)$/.exec(block) : null;
    if (heading) {
      const words = stripInlineMarkdown(heading[2] ?? '');
      if (!title && heading[1] === '#') {
        title = words;
        continue;
      }
      parts.push(`<h2>${escapeHtml(words)}</h2>`);
      continue;
    }
    const words = kind === 'md' ? stripInlineMarkdown(block) : block;
    parts.push(`<p>${escapeHtml(words)}</p>`);
  }
  if (!title) {
    const first = blocks[0] ?? opts.fallbackTitle ?? '';
    title = first.length <= 200 ? first : `${first.slice(0, 197)}…`;
  }
  const head = [
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    meta['date']
      ? `<meta property="article:published_time" content="${escapeHtml(meta['date'])}">`
      : '',
    meta['source_url'] ? `<link rel="canonical" href="${escapeHtml(meta['source_url'])}">` : '',
    meta['lang'] ? '' : '',
  ]
    .filter(Boolean)
    .join('\n');
  const lang = meta['lang'] ?? (/[\u4e00-\u9fff]/.test(body.slice(0, 2000)) ? 'zh' : 'en');
  const html = `<!doctype html>\n<html lang="${escapeHtml(lang)}"><head>\n${head}\n</head><body><main><article>\n<h1>${escapeHtml(title)}</h1>\n${parts.join('\n')}\n</article></main></body></html>\n`;
  return { html, title };
}
