import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    // Setup hooks synthesize speech; on a loaded 2-core CI machine that can take a while.
    hookTimeout: 120_000,
  },
});
