/**
 * The glance's pattern is written smaller than the plain alternation of every Chinese actor's
 * names, and must pass exactly the texts the plain one passes.
 */
import fc from 'fast-check';
import { atoms, compactAlternation, topLevelAlternatives } from '../../../src/core/alternation.ts';
import { chinaAnywhereSource, chinaNamesSource } from '../../../src/core/china.ts';
import { FIXTURE_LABELS, fixture } from './fixture-pages.ts';
import { bundledLexicon } from '../../../src/corpus/node.ts';

const lexicon = bundledLexicon();

describe('compactAlternation', () => {
  it('reads atoms and top-level alternatives', () => {
    expect(topLevelAlternatives('a(?:b|c)|[|]d|e\\|f')).toEqual(['a(?:b|c)', '[|]d', 'e\\|f']);
    expect(atoms('Chin(?:a|ese)?\\s+[Mm]inist(?:ry|er)s{1,2}x+?')).toEqual([
      'C',
      'h',
      'i',
      'n',
      '(?:a|ese)?',
      '\\s+',
      '[Mm]',
      'i',
      'n',
      'i',
      's',
      't',
      '(?:ry|er)',
      's{1,2}',
      'x+?',
    ]);
  });

  it('drops what a plain word covers, optional ends, and factors common starts', () => {
    expect(compactAlternation('Xi\\s+Jinping|Xi|Ambassador\\s+Xie|Wang\\s+Yi|Wang\\s+Wenbin')).toBe(
      'Xi|Wang\\s+(?:Yi|Wenbin)',
    );
    expect(compactAlternation("China(?:['’]s)?|Chinese\\s+(?:navy|troops)|Chinese")).toBe(
      'Chin(?:a|ese)',
    );
    expect(compactAlternation('(?:中国)?驻美(?:国)?(?:大使馆|大使)|(?:国防部|商务部)')).toBe(
      '驻美(?:国)?(?:大使馆|大使)|国防部|商务部',
    );
    // A group whose every alternative holds a word is covered by it.
    expect(compactAlternation("(?:Chinese|China['’]s)\\s+tariffs|China|Chinese")).toBe(
      'Chin(?:a|ese)',
    );
  });

  const plain = new RegExp(chinaNamesSource(lexicon));
  const compact = new RegExp(chinaAnywhereSource(lexicon));

  it('makes the glance pattern much smaller', () => {
    expect(chinaAnywhereSource(lexicon).length).toBeLessThan(
      chinaNamesSource(lexicon).length * 0.5,
    );
  });

  it('passes exactly the texts the plain alternation passes: every fixture page', () => {
    expect(FIXTURE_LABELS.length).toBeGreaterThan(5);
    for (const { name } of FIXTURE_LABELS) {
      const text = fixture(`${name}.html`).doc.body.textContent ?? '';
      expect(compact.test(text), name).toBe(plain.test(text));
      // And every cut of it, so that a match is found (or not) wherever it sits.
      for (let at = 0; at < text.length; at += 97) {
        const part = text.slice(at, at + 160);
        expect(compact.test(part), `${name} @${at}`).toBe(plain.test(part));
      }
    }
  });

  it('passes exactly the texts the plain alternation passes: texts made of its own pieces', () => {
    // The names' words and characters, spaces and the apostrophes they use, and near misses.
    const pieces = [
      ...new Set(chinaNamesSource(lexicon).match(/[A-Za-z]+|[\u4e00-\u9fff]/g) ?? []),
      ' ',
      '\u00a0',
      '\n',
      "'",
      '’',
      's',
      '-',
      'Xie',
      'Chines',
      'Chin',
      'Sino-',
      'Sino-Us',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(compact.test(text)).toBe(plain.test(text));
      }),
      { numRuns: 5000 },
    );
    // Each name of the plain alternation on its own, as it is written.
    for (const alt of topLevelAlternatives(chinaNamesSource(lexicon))) {
      const sample = alt.replace(/\\s\+/g, ' ').replace(/\(\?:([^|()]*)[^()]*\)\??/g, '$1');
      if (/[\\[\]()?*+]/.test(sample)) continue;
      expect(plain.test(sample), sample).toBe(true);
      expect(compact.test(sample), sample).toBe(true);
    }
  });
});
