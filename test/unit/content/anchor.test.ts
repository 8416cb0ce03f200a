import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote, buildTextMap, fold, paragraphHint } from '../../../content/anchor.ts';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function anchored(html: string, text: string, extra: { prefix?: string; suffix?: string } = {}) {
  const root = page(html);
  const map = buildTextMap(root);
  return anchorQuote(map, { text, ...extra });
}

describe('fold', () => {
  it('keeps letters and digits, one space for everything else, drops soft hyphens', () => {
    expect(fold('  \u201CThe only  correct\u00A0choice\u201D \u2014 2021!')).toBe(
      'the only correct choice 2021',
    );
    expect(fold('his\u00ADtorical ju\u200Bncture')).toBe('historical juncture');
    expect(fold('\uFB01nal')).toBe('final');
  });
});

describe('anchorQuote', () => {
  it('finds an exact quote inside one text node', () => {
    const a = anchored(
      '<p>Xi said: “We are at a vital historical juncture,” adding more.</p>',
      'We are at a vital historical juncture',
    );
    expect(a?.exact).toBe(true);
    expect(a?.range.toString()).toBe('We are at a vital historical juncture');
  });

  it('spans elements: emphasis inside the quote and a quote split across paragraphs', () => {
    const a = anchored(
      '<p>He said “cooperation will <em>benefit</em> both</p><p>countries, and confrontation hurts both.”</p>',
      'cooperation will benefit both countries, and confrontation hurts both.',
    );
    expect(a).not.toBeNull();
    const range = a?.range;
    expect(range?.startContainer.textContent).toContain('cooperation will');
    expect(range?.endContainer.textContent).toContain('confrontation hurts both');
    expect(range?.toString().replace(/\s+/g, ' ')).toBe(
      'cooperation will benefit bothcountries, and confrontation hurts both',
    );
  });

  it('ignores differences in whitespace, quote marks, dashes, entities and soft hyphens', () => {
    const a = anchored(
      '<p>The talks were &ldquo;fa&shy;miliar   and\n frank&rdquo; &mdash; an official said it&#8217;s progress.</p>',
      '"familiar and frank" - an official said it\'s progress',
    );
    expect(a?.exact).toBe(true);
    expect(a?.range.toString()).toBe(
      'fa\u00ADmiliar   and\n frank” — an official said it’s progress',
    );
  });

  it('falls back to an approximate match near the hint when the wording differs slightly', () => {
    const root = page(
      '<p>Intro words here.</p><p>He called cooperation “the only correct choice for the two great powers” today.</p>',
    );
    const map = buildTextMap(root);
    const a = anchorQuote(map, {
      text: 'the only correct choice for two great powers',
      hint: paragraphHint(map, 'He called cooperation “the only correct choice'),
    });
    expect(a?.exact).toBe(false);
    expect(a?.range.toString()).toBe('the only correct choice for the two great powers');
  });

  it('reports a quote that is not on the page as not found instead of guessing', () => {
    expect(
      anchored(
        '<p>Nothing about that remark appears in this paragraph at all.</p>',
        'the wheel of history rolls on',
      ),
    ).toBeNull();
    expect(anchored('<p>ok ok ok</p>', 'ok')).toBeNull();
  });

  it('leaves a quote unplaced when nothing tells its occurrences apart', () => {
    expect(
      anchored('<p>“Bartleby,” I said.</p><p>“Bartleby,” I said.</p>', 'Bartleby,', {
        prefix: '“',
      }),
    ).toBeNull();
  });

  it('uses prefix and suffix to pick between repeated occurrences', () => {
    const a = anchored(
      '<p>First, Biden said “we will compete” in March.</p><p>Later, Xi replied “we will compete” in April.</p>',
      'we will compete',
      { prefix: 'Later, Xi replied ', suffix: ' in April' },
    );
    expect(a?.range.startContainer.textContent).toContain('Later, Xi replied');
  });

  it('prefers whole words over a match inside a word', () => {
    const a = anchored('<p>Bathe only once.</p><p>The only once rule holds.</p>', 'the only once');
    expect(a?.range.toString()).toBe('The only once');
  });

  it('skips scripts, styles, hidden subtrees and candidates the caller rejects', () => {
    const root = page(
      '<script>var s = "a vital historical juncture";</script><div hidden>a vital historical juncture</div>' +
        '<p id="one">a vital historical juncture</p><p id="two">a vital historical juncture</p>',
    );
    const map = buildTextMap(root);
    expect(map.text).toBe('a vital historical juncture a vital historical juncture');
    const a = anchorQuote(
      map,
      { text: 'a vital historical juncture' },
      { accept: (r) => (r.startContainer.parentElement?.id ?? '') !== 'one' },
    );
    expect(a?.range.startContainer.parentElement?.id).toBe('two');
  });

  it('separates block elements and line breaks so words do not run together', () => {
    const root = page('<div>end of one</div><div>start of two<br>after break</div>');
    expect(buildTextMap(root).text).toBe('end of one start of two after break');
  });

  it('leaves the DOM as it was', () => {
    const root = page('<p>Xi said “<b>we</b> are at a vital juncture”.</p>');
    const before = root.innerHTML;
    anchorQuote(buildTextMap(root), { text: 'we are at a vital juncture' });
    expect(root.innerHTML).toBe(before);
  });
});

describe('anchorQuote with a position hint', () => {
  it('picks the occurrence in the quote’s own paragraph when the contexts look alike', () => {
    const filler = '<p>' + 'Other words fill this paragraph of the page. '.repeat(80) + '</p>';
    const root = page(
      `<p id="a">She said "New Zealand" twice.</p>${filler}<p id="b">She said "New Zealand" twice.</p>`,
    );
    const map = buildTextMap(root);
    const second = map.text.lastIndexOf('she said');
    const a = anchorQuote(map, { text: 'New Zealand', prefix: 'She said "', hint: second });
    expect(a?.range.startContainer.parentElement?.id).toBe('b');
  });

  it('finds the right place even when the words occur hundreds of times', () => {
    const many = '<p>Bartleby said nothing.</p>'.repeat(120);
    const root = page(`${many}<p id="late">“Bartleby,” said I, gently calling to him.</p>`);
    const map = buildTextMap(root);
    const hint = map.text.lastIndexOf('bartleby said i');
    const a = anchorQuote(map, { text: 'Bartleby,', suffix: '” said I, gently calling', hint });
    expect(a?.range.startContainer.parentElement?.id).toBe('late');
  });

  it('places short quotes in scripts without spaces', () => {
    const a = anchored('<p>他说“一带一路”倡议很重要。</p>', '一带一路');
    expect(a?.range.toString()).toBe('一带一路');
  });
});

describe('anchorQuote over generated pages', () => {
  it('lands on exactly the quoted words whatever the markup, spacing and marks', () => {
    const word = fc.constantFrom(
      'cooperation',
      'vital',
      'historical',
      'juncture',
      'frank',
      'choice',
      'Beijing',
      'Washington',
      'U.S.',
      'well-known',
      'leaders',
    );
    const space = fc.constantFrom(' ', '  ', '\n      ', '&nbsp;', ' \t');
    const wrap = fc.constantFrom('', 'em', 'span', 'a', 'strong');
    const marks = fc.constantFrom<[string, string]>(
      ['“', '”'],
      ['"', '"'],
      ['&ldquo;', '&rdquo;'],
      ['«', '»'],
    );
    const page = fc.record({
      words: fc.array(fc.tuple(word, space, wrap, fc.boolean()), { minLength: 6, maxLength: 30 }),
      from: fc.nat(),
      length: fc.integer({ min: 3, max: 8 }),
      marks,
      split: fc.boolean(),
    });
    fc.assert(
      fc.property(page, ({ words, from, length, marks: [open, close], split }) => {
        const start = from % (words.length - 2);
        const end = Math.min(words.length, start + length);
        const html: string[] = ['<p>'];
        words.forEach(([w, sp, tag, shy], i) => {
          if (i === start) html.push(open ?? '');
          // A soft hyphen in the middle of long words, as some sites insert.
          const text = shy && w.length > 6 ? `${w.slice(0, 3)}&shy;${w.slice(3)}` : w;
          html.push(tag ? `<${tag}>${text}</${tag}>` : text);
          if (i === end - 1) html.push(close ?? '');
          // A quote that runs on into the next paragraph.
          html.push(split && i === start + 1 && i < end - 1 ? '</p><p>' : sp);
        });
        html.push('</p>');
        document.body.innerHTML = html.join('');
        const quote = words
          .slice(start, end)
          .map(([w]) => w)
          .join(' ');
        const map = buildTextMap(document.body);
        // As the pipeline gives it: where the quote's words start, give or take.
        const before = fold(
          words
            .slice(0, start)
            .map(([w]) => w)
            .join(' '),
        );
        const a = anchorQuote(map, { text: quote, hint: before.length });
        expect(a).not.toBeNull();
        expect(map.text.slice(a?.start, a?.end)).toBe(fold(quote));
        // The range holds exactly the quote's letters (paragraph breaks have no text of their own).
        const letters = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');
        expect(letters(a?.range.toString() ?? '')).toBe(letters(quote));
      }),
      { numRuns: 150 },
    );
  });
});
