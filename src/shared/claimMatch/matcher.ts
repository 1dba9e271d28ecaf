/**
 * The claim matcher, unpacked from its build-time signatures on first use and kept for the context's life
 * (the background, the library). Never imported by the content script: the data stays out of pages.
 */
import signatures from 'virtual:claimlight/claim-signatures';
import { prepareMatcher, type Matcher } from './match.ts';
import type { SignatureModel } from './signatures.ts';

let matcher: Matcher | null = null;

export function theMatcher(): Matcher {
  return (matcher ??= prepareMatcher(signatures as SignatureModel));
}
