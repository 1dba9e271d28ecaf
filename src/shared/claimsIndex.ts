/** The claims index the build verified and compiled (see scripts/claims/vitePlugin.ts). */
import compiled from 'virtual:claimlight/claims-index';
import type { ClaimsIndex } from './claims.ts';

// The build refuses to produce this module unless every claim passed verification.
export const CLAIMS_INDEX = compiled as ClaimsIndex;
