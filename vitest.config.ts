import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __CLAIMLIGHT_BENCH__: 'false' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
