/**
 * Finds open shadow roots. Nearly every shadow host is a custom element, so
 * in a document one native XPath query for hyphenated tag names finds the
 * candidates without touching every element from script. XPath cannot start
 * from a shadow root, so inside one (they are small) every element is checked.
 */
const CUSTOM_ELEMENTS = ".//*[contains(local-name(), '-')]";

function candidateHosts(root: Document | Element | ShadowRoot): Iterable<Element> {
  if (root instanceof ShadowRoot) return root.querySelectorAll('*');
  const doc = root instanceof Document ? root : root.ownerDocument;
  const result = doc.evaluate(CUSTOM_ELEMENTS, root, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
  const hosts: Element[] = root instanceof Element ? [root] : [];
  for (let i = 0; i < result.snapshotLength; i++) {
    const item = result.snapshotItem(i);
    if (item instanceof Element) hosts.push(item);
  }
  return hosts;
}

export function openShadowRootsUnder(root: Document | Element | ShadowRoot, found: ShadowRoot[] = []): ShadowRoot[] {
  let hosts: Iterable<Element>;
  try {
    hosts = candidateHosts(root);
  } catch {
    // A document without XPath (or a page that broke it) loses shadow-root coverage, nothing else.
    return found;
  }
  for (const host of hosts) {
    const shadow = host.shadowRoot;
    if (shadow && !found.includes(shadow)) {
      found.push(shadow);
      openShadowRootsUnder(shadow, found);
    }
  }
  return found;
}
