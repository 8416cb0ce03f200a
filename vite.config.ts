import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build as esbuild } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { chinaAnywhereSource } from './src/core/china.ts';
import { readLexiconFile } from './src/core/lexicon.ts';
import pkg from './package.json' with { type: 'json' };

type ContentScript = (typeof manifest.content_scripts)[number];

/** The rest of the content script, loaded by the every-page script on pages that name China. */
const FULL_ENTRY = 'content/full.ts';

/**
 * The content script that runs on every page, as ONE classic script (content/index.js, an
 * IIFE built with esbuild): no module loader, no module graph to fetch, compile and link on
 * pages that name no Chinese actor. It `import()`s the rest (full.ts, a module entry of the
 * Vite build, and the chunks it imports) only when the glance finds a Chinese actor named; those
 * files are made web-accessible to http(s) pages, which a content script's dynamic import
 * needs in both browsers. crxjs sees no content script (it would build one as modules behind
 * its loader); this plugin writes the entry in the built manifest instead.
 */
function everyPageScript(scripts: ContentScript[]): Plugin {
  let lazyFiles: string[] = [];
  return {
    name: 'backstory:every-page-script',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const full = Object.values(bundle).find(
        (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(`/${FULL_ENTRY}`),
      );
      if (!full || full.type !== 'chunk') throw new Error(`${FULL_ENTRY} was not built`);
      // full.ts and every chunk it imports, at once or later.
      const lazy = new Set<string>();
      const visit = (name: string): void => {
        const chunk = bundle[name];
        if (lazy.has(name) || chunk?.type !== 'chunk') return;
        lazy.add(name);
        // Data files the chunk fetches from the package (the lexicon) are web-accessible too.
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) lazy.add(asset);
        for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
      };
      visit(full.fileName);
      const built = await esbuild({
        entryPoints: ['content/index.ts'],
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'es2022',
        write: false,
        legalComments: 'none',
        // Content scripts are read as UTF-8: the pattern's Chinese names need no escapes.
        charset: 'utf8',
        define: {
          __BACKSTORY_FULL__: JSON.stringify(full.fileName),
          // The glance's pattern, computed now: the script then carries no lexicon.
          __BACKSTORY_CHINA_ANYWHERE__: JSON.stringify(chinaAnywhereSource(readLexiconFile())),
        },
      });
      this.emitFile({
        type: 'asset',
        fileName: 'content/index.js',
        source: built.outputFiles[0]!.text,
      });
      lazyFiles = [...lazy].sort();
    },
    // crxjs writes the manifest last of all: amend the file it wrote.
    writeBundle(options) {
      const file = join(options.dir ?? '.', 'manifest.json');
      const built = JSON.parse(readFileSync(file, 'utf8')) as {
        content_scripts?: ContentScript[];
        web_accessible_resources?: unknown[];
      };
      built.content_scripts = scripts.map((c) => ({ ...c, js: ['content/index.js'] }));
      built.web_accessible_resources = [
        ...(built.web_accessible_resources ?? []),
        { matches: [...new Set(scripts.flatMap((c) => c.matches))], resources: lazyFiles },
      ];
      writeFileSync(file, JSON.stringify(built, null, 2));
    },
  };
}

/**
 * `vite build` makes the Chrome build in dist/; `vite build --mode firefox` makes the Firefox
 * build in dist-firefox/ (background scripts instead of a service worker, a gecko id, no data
 * collection).
 */
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  // Both builds carry package.json's version (the store packages are named after it).
  const { content_scripts: contentScripts, ...rest } = manifest;
  const versioned = { ...rest, version: pkg.version };
  const { minimum_chrome_version: _minChrome, background, ...common } = versioned;
  // Firefox for Android reads data_collection_permissions from 142 on. (Declared apart: the
  // plugin's manifest type does not know gecko_android yet.)
  const geckoSettings = {
    gecko: {
      id: 'backstory@backstory.invalid',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none' as const] },
    },
    gecko_android: { strict_min_version: '142.0' },
  };
  const target: ManifestV3Export = firefox
    ? {
        ...common,
        background: { scripts: [background.service_worker], type: 'module' },
        browser_specific_settings: geckoSettings,
      }
    : (versioned as ManifestV3Export);
  return {
    plugins: [
      preact(),
      crx({
        manifest: target,
        browser: firefox ? 'firefox' : 'chrome',
      }),
      everyPageScript(contentScripts),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      // Vite's preload helper touches `document`, which a service worker does not have; an
      // extension loads its chunks from disk, so preload hints gain nothing.
      modulePreload: false,
      rolldownOptions: {
        input: { options: 'options/index.html', 'content-full': FULL_ENTRY },
      },
    },
  };
});
