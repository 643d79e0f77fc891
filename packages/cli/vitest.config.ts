import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'cli',
    include: ['src/**/*.test.ts'],
    // builds the bundle first, so the tests that spawn `backarch` run the code under test
    globalSetup: ['./test-setup.ts'],
  },
});
