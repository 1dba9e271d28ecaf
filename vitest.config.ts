import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __CLAIMLIGHT_BENCH__: 'false' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // The claims index is a build-time virtual module; unit tests that need it mock it.
    alias: { 'virtual:claimlight/claims-index': new URL('./tests/unit/virtual-stub.ts', import.meta.url).pathname },
    environment: 'node',
  },
});
