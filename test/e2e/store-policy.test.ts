/**
 * The store packages against store policy. Packs the built extension (dist/, dist-firefox/) as
 * `npm run package` does, into a temporary folder, and checks both manifests: version from
 * package.json, permissions exactly as the README lists them, no remote code, a CSP without
 * `unsafe-eval`, icons present at their sizes, Firefox's data collection declared as none; and
 * the AMO package through `web-ext lint`: no error, no warning we could remove.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeMessage, lintAmo, type AmoLint } from '../../scripts/amo-lint.ts';
import { packageAll, packageFileNames, type Packages } from '../../scripts/package.ts';
import { ROOT } from './harness.ts';

interface Manifest {
  manifest_version: number;
  version: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string>; default_popup?: string };
  options_ui?: { page: string };
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ matches: string[]; js?: string[]; css?: string[] }>;
  browser_specific_settings?: {
    gecko?: { id?: string; data_collection_permissions?: { required?: string[] } };
  };
}

const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** What the README's Permissions section says the extension asks for, and does not. */
function readmePermissions(): { permissions: string[]; matches: string[]; notAsked: string[] } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Permissions\n'));
  if (!section) throw new Error('README.md has no "## Permissions" section');
  const rows = section.split('\n').filter((l) => l.startsWith('| '));
  const permissions = rows
    .map((r) => /^\| `([a-zA-Z.]+)` \|/.exec(r)?.[1])
    .filter((p): p is string => p !== undefined);
  const scriptRow = rows.find((r) => r.startsWith('| content script on '));
  const ticked = (s: string) => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  const notAskedLine = section.split('\n\n').find((p) => p.startsWith('Not asked for:')) ?? '';
  return {
    permissions,
    matches: ticked(scriptRow?.split('|')[1] ?? ''),
    notAsked: ticked(notAskedLine),
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } | null {
  const bytes = readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** One file of a zip archive (stored or deflated), or null when it is not in it. */
function fileInZip(zipPath: string, name: string): Buffer | null {
  const zip = readFileSync(zipPath);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${zipPath} is not a zip archive`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + nameLength + extra + comment;
  }
  return null;
}

const BUILDS = [
  { browser: 'Chrome', dir: join(ROOT, 'dist'), pkg: (p: Packages) => p.chrome },
  { browser: 'Firefox', dir: join(ROOT, 'dist-firefox'), pkg: (p: Packages) => p.firefox },
] as const;

let outDir: string;
let packages: Packages;
let lint: AmoLint;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'backstory-package-'));
  packages = packageAll(outDir);
  lint = lintAmo(packages.firefox, join(ROOT, 'dist-firefox'));
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe.each(BUILDS)('the $browser package', ({ browser, dir, pkg }) => {
  const manifest = () => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

  it("is a zip named after package.json's version, with the built manifest at its root", () => {
    const file = pkg(packages);
    const names = packageFileNames(VERSION);
    expect(basename(file)).toBe(browser === 'Chrome' ? names.chrome : names.firefox);
    const packed = fileInZip(file, 'manifest.json');
    expect(packed).not.toBeNull();
    expect(JSON.parse(String(packed))).toEqual(manifest());
    expect(manifest().manifest_version).toBe(3);
    expect(manifest().version).toBe(VERSION);
  });

  it('asks for exactly the permissions the README lists', () => {
    const m = manifest();
    const readme = readmePermissions();
    expect(readme.permissions.length).toBeGreaterThan(0);
    expect([...(m.permissions ?? [])].sort()).toEqual([...readme.permissions].sort());
    const matches = new Set((m.content_scripts ?? []).flatMap((c) => c.matches));
    expect([...matches].sort()).toEqual([...readme.matches].sort());
    for (const name of readme.notAsked) {
      expect(m.permissions ?? []).not.toContain(name);
      expect(m.optional_permissions ?? []).not.toContain(name);
      expect(m).not.toHaveProperty(name);
    }
    expect(m.optional_host_permissions).toBeUndefined();
  });

  it('has a CSP that allows only its own scripts (no unsafe-eval)', () => {
    const csp = manifest().content_security_policy?.extension_pages ?? '';
    const scriptSrc = /(?:^|;)\s*script-src\s+([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/);
    expect(scriptSrc).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(manifest().content_security_policy?.sandbox).toBeUndefined();
  });

  it('runs no remote code: every script is a file in the package, none is evaluated from text', () => {
    const m = manifest();
    const declared = [
      ...(m.background?.scripts ?? []),
      ...(m.background?.service_worker ? [m.background.service_worker] : []),
      ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
      ...(m.action?.default_popup ? [m.action.default_popup] : []),
      ...(m.options_ui ? [m.options_ui.page] : []),
    ];
    expect(declared.length).toBeGreaterThan(2);
    const files = new Set(filesUnder(dir).map((f) => relative(dir, f)));
    for (const file of declared) expect(files, file).toContain(file);

    for (const file of filesUnder(dir)) {
      const name = relative(dir, file);
      if (name.endsWith('.html')) {
        const html = readFileSync(file, 'utf8');
        for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
          const src = /\ssrc="([^"]*)"/.exec(tag)?.[1];
          expect(src, `${name}: an inline script`).toBeDefined();
          expect(src, `${name}: ${tag}`).not.toMatch(/^(?:[a-z]+:|\/\/)/i);
        }
      }
      if (name.endsWith('.js')) {
        const js = readFileSync(file, 'utf8');
        expect(js, name).not.toMatch(/(?<![.\w$])eval\s*\(|new\s+Function\s*\(/);
        expect(js, name).not.toMatch(/importScripts\s*\(/);
        expect(js, name).not.toMatch(/(?:import\s*\(|from)\s*["'`](?:https?:)?\/\//);
        expect(js, name).not.toMatch(/https?:\/\/[^\s"'`]+\.m?js\b/);
      }
    }
  });

  it('has every icon it names, as a PNG of the size it is declared at', () => {
    const m = manifest();
    const icons = { ...m.icons };
    expect(Object.keys(icons)).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
    for (const [size, path] of [
      ...Object.entries(icons),
      ...Object.entries(m.action?.default_icon ?? {}),
    ]) {
      const png = pngSize(join(dir, path));
      expect(png, path).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  if (browser === 'Firefox') {
    it('declares that it collects no data, under its own add-on id', () => {
      const gecko = manifest().browser_specific_settings?.gecko;
      expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
      expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    });
  } else {
    it('carries no Firefox-only keys', () => {
      expect(manifest().browser_specific_settings).toBeUndefined();
      expect(manifest().background?.service_worker).toBeDefined();
    });
  }
});

describe('the AMO package through web-ext lint', () => {
  it('has no error and no warning we could remove', () => {
    expect(lint.errors.map(describeMessage)).toEqual([]);
    expect(lint.removable.map(describeMessage)).toEqual([]);
    expect(lint.notices.map(describeMessage)).toEqual([]);
  });

  it('leaves only innerHTML in library code, which our own code never uses', () => {
    for (const w of lint.warnings) expect(w.code).toBe('UNSAFE_VAR_ASSIGNMENT');
    const ours = ['src', 'content', 'popup', 'options']
      .flatMap((d) => filesUnder(join(ROOT, d)))
      .filter((f) => /\.tsx?$/.test(f) && !f.includes('/generated/'));
    expect(ours.length).toBeGreaterThan(10);
    for (const file of ours) {
      const code = readFileSync(file, 'utf8');
      expect(code, relative(ROOT, file)).not.toMatch(
        /dangerouslySetInnerHTML|\.(?:inner|outer)HTML\s*=[^=]|insertAdjacentHTML/,
      );
    }
  });
});
