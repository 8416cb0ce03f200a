import { describe, expect, it } from 'vitest';
import { splitFrontMatter, textToHtml } from '../../../src/core/text-doc.ts';

describe('textToHtml', () => {
  it('turns plain text into paragraphs with the first line as title, escaping markup', () => {
    const { html, title } = textToHtml('Talks resume\n\nThey met <b>today</b> & agreed.\n', 'txt');
    expect(title).toBe('Talks resume');
    expect(html).toContain('<p>They met &lt;b&gt;today&lt;/b&gt; &amp; agreed.</p>');
    expect(html).not.toContain('<b>');
  });

  it('reads Markdown front matter and headings', () => {
    const md =
      '---\ntitle: "Readout of a call"\ndate: 2021-09-09\nsource_url: https://w.example/r\n---\n\n## Section\n\nThe **two** leaders [spoke](https://x.example).\n';
    const { html, title } = textToHtml(md, 'md');
    expect(title).toBe('Readout of a call');
    expect(html).toContain('content="2021-09-09"');
    expect(html).toContain('<link rel="canonical" href="https://w.example/r">');
    expect(html).toContain('<h2>Section</h2>');
    expect(html).toContain('<p>The two leaders spoke.</p>');
  });

  it('marks Chinese text as zh', () => {
    expect(textToHtml('习近平同拜登通电话\n\n双方进行了坦诚深入的沟通。', 'txt').html).toContain(
      'lang="zh"',
    );
  });

  it('leaves text without front matter alone', () => {
    expect(splitFrontMatter('no header')).toEqual({ meta: {}, body: 'no header' });
  });
});
