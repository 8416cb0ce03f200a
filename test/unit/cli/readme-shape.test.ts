/**
 * The README's analysis shape names every top-level field of the `Analysis` type (read from
 * src/core/types.ts with the TypeScript compiler), plus the CLI's `pageUrl`, and no field the
 * type lacks.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function interfaceFields(file: string, name: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
  if (!found) throw new Error(`${file} declares no interface ${name}`);
  return found.members.flatMap((m) => (m.name && ts.isIdentifier(m.name) ? [m.name.text] : []));
}

/** Top-level keys of the README's shape block: quoted names at nesting depth 1. */
function readmeTopLevel(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('The analysis has this shape');
  expect(at, 'README.md has an analysis shape').toBeGreaterThan(-1);
  const block = /```\n([\s\S]*?)```/.exec(readme.slice(at))?.[1] ?? '';
  const keys: string[] = [];
  let depth = 0;
  for (const m of block.matchAll(/[{}[\]]|"(\w+)"/g)) {
    if (m[0] === '{' || m[0] === '[') depth++;
    else if (m[0] === '}' || m[0] === ']') depth--;
    else if (depth === 1 && m[1]) keys.push(m[1]);
  }
  return keys;
}

describe('README analysis shape', () => {
  it('names every top-level field of Analysis, and nothing else', () => {
    const fields = [...interfaceFields(join(ROOT, 'src/core/types.ts'), 'Analysis'), 'pageUrl'];
    expect(fields.length).toBeGreaterThan(5);
    expect(readmeTopLevel().sort()).toEqual(fields.sort());
  });
});
