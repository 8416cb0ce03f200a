/**
 * The article's paragraphs out of Readability's content element: block texts in reading order
 * (or lines rebuilt from <br> and block ends where the text sits loose in divs), without the
 * headline, byline and dateline Readability sometimes keeps at the top.
 */
import type { PageMeta } from './metadata.ts';

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, dd, figcaption, td';

/** Paragraph texts of Readability's content element, in reading order, whitespace collapsed. */
export function paragraphsOf(content: Element): string[] {
  const out: string[] = [];
  const blocks = Array.from(content.querySelectorAll(BLOCKS));
  // In document order a block's descendants follow it at once: a leaf is a block whose
  // next block is not inside it.
  const leaves = blocks.filter((b, i) => {
    const next = blocks[i + 1];
    return !next || !b.contains(next);
  });
  const all = collapse(content.textContent ?? '');
  if (leaves.length === 0) return all ? [all] : [];
  let covered = 0;
  for (const el of leaves) {
    if (el.tagName === 'FIGCAPTION') continue;
    const t = collapse(el.textContent ?? '');
    if (t.length >= 2) {
      out.push(t);
      covered += t.length + 1;
    }
  }
  // Text sitting directly in divs (e.g. "<div>text<br>text</div>") that no block covered.
  if (covered < 0.5 * all.length) return splitLoose(content);
  return out;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function splitLoose(content: Element): string[] {
  // innerText is not available everywhere; rebuild line breaks from <br> and block ends.
  const parts: string[] = [];
  let current = '';
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) current += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (tag === 'BR' || /^(P|DIV|H\d|LI|BLOCKQUOTE|PRE|SECTION|ARTICLE|TR)$/.test(tag)) {
          parts.push(current);
          current = '';
          if (tag !== 'BR') {
            walk(child);
            parts.push(current);
            current = '';
          }
        } else walk(child);
      }
    }
  };
  walk(content);
  parts.push(current);
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length >= 2);
}

const BYLINE_LINE =
  /^(?:by|von|par|por|di|door|av)\s+\S|^(?:published|updated|posted)\b|来源|作者|编辑|记者/i;
const DATE_LINE =
  /\b(?:19|20)\d{2}\b.*\b\d{1,2}\b|\b\d{1,2}\b.*\b(?:19|20)\d{2}\b|(?:19|20)\d{2}年/;

/**
 * Readability keeps the headline, byline and dateline inside the content at times; they are
 * not body text. Drops them from the first few paragraphs only.
 */
export function dropHeadAndByline(paragraphs: string[], meta: PageMeta): void {
  for (let i = 0; i < 3 && i < paragraphs.length && paragraphs.length > 1;) {
    const p = paragraphs[i]!;
    const short = p.length <= 120;
    const isHead = p === meta.title;
    const isByline =
      short &&
      (BYLINE_LINE.test(p) ||
        (!!meta.byline && p.includes(meta.byline) && p.length < meta.byline.length + 60));
    const isDate = short && p.length <= 60 && DATE_LINE.test(p) && !/[.!?。]$/.test(p);
    if (isHead || isByline || isDate) paragraphs.splice(i, 1);
    else i++;
  }
}
