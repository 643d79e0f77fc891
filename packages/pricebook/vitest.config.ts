import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'pricebook',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  },
});
