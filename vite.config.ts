import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/**
 * `vite build` makes the Chrome build in dist/; `vite build --mode firefox` makes the Firefox
 * build in dist-firefox/ (background scripts instead of a service worker, a gecko id, no data
 * collection).
 */
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const { minimum_chrome_version: _minChrome, background, ...common } = manifest;
  const target: ManifestV3Export = firefox
    ? {
        ...common,
        background: { scripts: [background.service_worker], type: 'module' },
        browser_specific_settings: {
          gecko: {
            id: 'backstory@backstory.invalid',
            strict_min_version: '140.0',
            data_collection_permissions: { required: ['none'] },
          },
        },
      }
    : (manifest as ManifestV3Export);
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
