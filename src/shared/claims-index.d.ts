/**
 * The verified claims, compiled at build time by scripts/claims/vitePlugin.ts.
 * Typed through src/shared/claimsIndex.ts; an ambient module cannot import types.
 */
declare module 'virtual:claimlight/claims-index' {
  const index: unknown;
  export default index;
}

declare module 'virtual:claimlight/source-texts' {
  const texts: unknown;
  export default texts;
}

declare module 'virtual:claimlight/claim-signatures' {
  const signatures: unknown;
  export default signatures;
}
