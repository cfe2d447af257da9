import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.ts',
      'core/**/*.test.ts',
      'server/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/fixtures/**/*.test.ts',
    ],
    exclude: ['test/e2e/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 20_000,
  },
});
