// @vitest-environment happy-dom
/** The pre-test on text read across nodes: textContent glues neighbouring text nodes together. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentionMatcher } from '../../src/content/highlight/matchers.ts';
import { BUILT_IN_COMPANIES } from '../../src/shared/lexicon.ts';
import { findMentions } from '../../src/shared/mentions.ts';

describe('the pre-test on text read across nodes', () => {
  it('finds a mention in one node even when textContent glues it to its neighbours', async () => {
    const { subtreeMayMention } = await import('../../src/content/detect/pretest.ts');
    const pieces = [
      ...BUILT_IN_COMPANIES.flatMap((c) => c.mentions.spellings),
      ...BUILT_IN_COMPANIES.flatMap((c) => c.mentions.notFollowedBy.map((w) => ` ${w}`)),
      'er',
      'TheMoon',
      'x',
      ' ',
      '.',
      'oracle',
      "'s",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), (parts) => {
        const root = document.createElement('div');
        // Each piece its own text node, half of them in elements: textContent glues them all.
        parts.forEach((part, i) => {
          const node = document.createTextNode(part);
          if (i % 2) root.appendChild(document.createElement('b')).appendChild(node);
          else root.appendChild(node);
        });
        const anyNode = parts.some((part) => findMentions(mentionMatcher(), part).length > 0);
        if (anyNode) expect(subtreeMayMention(root), parts.join('|')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('settles text whose only candidates are inside words by asking each text node', async () => {
    const { subtreeMayMention } = await import('../../src/content/detect/pretest.ts');
    const root = document.createElement('div');
    root.innerHTML = '<p>Kudos from TheMoonOracle and a tiktoker</p><p>the oracle of the allotment</p>';
    expect(subtreeMayMention(root)).toBe(false);
    root.innerHTML = '<p>TheMoon<b>Oracle</b></p>';
    expect(subtreeMayMention(root)).toBe(true);
  });
});
