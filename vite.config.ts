import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/**
 * `vite build` makes the Chrome build in dist/; `vite build --mode firefox` makes the Firefox
 * build in dist-firefox/ (background scripts instead of a service worker, a gecko id, no data
 * collection).
 */
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  // Both builds carry package.json's version (the store packages are named after it).
  const versioned = { ...manifest, version: pkg.version };
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
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      // Vite's preload helper touches `document`, which a service worker does not have; an
      // extension loads its chunks from disk, so preload hints gain nothing.
      modulePreload: false,
      rolldownOptions: {
        input: { options: 'options/index.html' },
      },
    },
  };
});
