/**
 * After extraction: does the content look like a list of teasers (many short linked
 * headlines) rather than running text?
 */
export function teaserListReason(content: Element, paragraphs: string[]): string | null {
  const text = paragraphs.join(' ');
  const textLen = text.length;
  if (textLen === 0) return 'no article text';
  let linkLen = 0;
  for (const a of Array.from(content.querySelectorAll('a')))
    linkLen += (a.textContent ?? '').trim().length;
  const linkRatio = linkLen / Math.max(1, (content.textContent ?? '').replace(/\s+/g, ' ').length);
  if (linkRatio > 0.45)
    return `list of links (${Math.round(linkRatio * 100)}% of the text is links)`;
  const headings = content.querySelectorAll('h2, h3, h4').length;
  const long = paragraphs.filter(
    (p) => p.length >= 160 || (/[\u4e00-\u9fff]/.test(p) && p.length >= 60),
  ).length;
  if (headings >= 6 && long < headings)
    return `list of teasers (${headings} headlines, ${long} paragraphs)`;
  return null;
}
