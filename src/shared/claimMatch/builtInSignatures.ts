/** The built-in claims' signatures, computed by the build (scripts/claims/vitePlugin.ts). */
import signatures from 'virtual:claimlight/claim-signatures';
import type { SignatureModel } from './signatures.ts';

export const BUILT_IN_SIGNATURES = signatures as SignatureModel;
