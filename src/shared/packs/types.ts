/** A verified claim pack, as it is stored, and what verifying one needs and returns. */
import type { ClaimsIndex } from '../claims.ts';
import type { SignatureModel } from '../claimMatch/signatures.ts';
import type { Company } from '../entities.ts';
import type { VerifyProblem } from '../verify/problems.ts';

/** What is stored of a pack that verified: JSON-serialisable, read back with `parseStoredPack`. */
export interface VerifiedPack {
  id: string;
  name: string;
  description: string;
  /** SHA-256 of the pack file's UTF-8 bytes, in lowercase hex. */
  sha256: string;
  /** The companies the pack adds (not the built-in ones its claims may also name). */
  companies: Company[];
  /** The pack's claims and sources, namespaced ("harbor--claim-id", "harbor--001_3fa2.txt"). */
  index: ClaimsIndex;
  /** The claim matcher's data for the pack's claims, by their namespaced ids. */
  signatures: SignatureModel;
  /** Namespaced source file -> the document's text, for the source viewer. */
  documents: Record<string, string>;
}

/** A pack already installed, as far as verifying another needs to know it. */
export interface InstalledPack {
  id: string;
  name: string;
  companies: readonly Company[];
}

export interface PackContext {
  /** The built-in companies: a pack's claims may name them; a pack may not redefine them. */
  builtIn: readonly Company[];
  /** The packs already installed: a new pack may not take one's id, or a company id with other mention rules. */
  installed: readonly InstalledPack[];
}

export type PackResult = { ok: true; pack: VerifiedPack } | { ok: false; problems: VerifyProblem[] };
