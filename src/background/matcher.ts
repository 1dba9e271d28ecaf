/** The claim matcher, unpacked from its build-time signatures on first use and kept for the worker's life. */
import signatures from 'virtual:claimlight/claim-signatures';
import { prepareMatcher, type Matcher } from '../shared/claimMatch/match.ts';
import type { SignatureModel } from '../shared/claimMatch/signatures.ts';

let matcher: Matcher | null = null;

export function theMatcher(): Matcher {
  return (matcher ??= prepareMatcher(signatures as SignatureModel));
}
