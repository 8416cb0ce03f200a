import { defineConfig } from 'vitest/config';
import { chinaAnywhereSource } from './src/core/china.ts';
import { readLexiconFile } from './src/core/lexicon.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          globals: true,
        },
        // The glance's pattern, put in as the build of the every-page script puts it in
        // (vite.config.ts): that script carries no lexicon.
        define: {
          __BACKSTORY_CHINA_ANYWHERE__: JSON.stringify(chinaAnywhereSource(readLexiconFile())),
        },
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globals: true,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
