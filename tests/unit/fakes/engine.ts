/**
 * Stands in for the content script's engine module in the dormant entry's unit test: records each start
 * and what the entry hands over (the nodes to highlight first, or null for the whole page).
 */
export interface EngineStart {
  /** What the entry's settings read returned: the test's fake API puts a token there to tell its page's entry. */
  settings: unknown;
  pending: Node[] | null;
}

/** Kept on the global object: the entry imports this module afresh for each page (the test resets modules). */
const records = globalThis as { engineStarts?: EngineStart[] };
export function engineStarts(): EngineStart[] {
  return (records.engineStarts ??= []);
}

export function startEngine(
  _document: Document,
  stored: Promise<unknown>,
  _active: Promise<unknown>,
  takePending: () => Node[] | null,
): void {
  const pending = takePending();
  void stored.then((settings) => engineStarts().push({ settings, pending }));
}
