import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __CLAIMLIGHT_BENCH__: 'false' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // The claims index and the matcher's signatures are build-time virtual modules; unit tests that need them mock them.
    alias: {
      'virtual:claimlight/claims-index': new URL('./tests/unit/virtual-stub.ts', import.meta.url).pathname,
      'virtual:claimlight/claim-signatures': new URL('./tests/unit/virtual-signatures-stub.ts', import.meta.url)
        .pathname,
      'virtual:claimlight/source-texts': new URL('./tests/unit/virtual-texts-stub.ts', import.meta.url).pathname,
    },
    environment: 'node',
  },
});
