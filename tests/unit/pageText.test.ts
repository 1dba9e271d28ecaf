// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rangeOf, readBlocks, textAround, worthMatching } from '../../src/content/page/pageText.ts';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('the page text in blocks', () => {
  it('reads each block once, inline elements inside it, and leaves out scripts, editors and our own UI', async () => {
    const body = page(
      `<main><h1>Leaked <b>audio</b></h1><p>Staff in <a href="#">China</a>
      had access.</p><script>var tiktok = 1;</script><div contenteditable>draft text</div>
      <div data-claimlight-ui>card</div><ul><li>one</li><li>two</li></ul></main>`,
    );
    const blocks = await readBlocks(body);
    const texts = blocks.map((b) => b.text.trim()).filter(Boolean);
    expect(texts).toEqual(['Leaked audio', 'Staff in China       had access.', 'one', 'two']);
    // Line breaks in the source are spaces, one for one: offsets still point into the page's nodes.
    const p = blocks.find((b) => b.text.startsWith('Staff'));
    expect(p?.text).not.toMatch(/\n/);
  });

  it("reads the text of Claimlight's own name highlights as the page's", async () => {
    const body = page(
      '<p>Staff at <claimlight-mention data-claimlight-entity="bytedance">ByteDance</claimlight-mention> in China.</p>',
    );
    const [block] = await readBlocks(body);
    expect(block?.text).toBe('Staff at ByteDance in China.');
  });

  it('turns a sentence found in a block back into a Range over the page, across inline elements', async () => {
    const body = page('<p id="x">Before. Staff in <a href="#">China</a> had access. After.</p>');
    const [block] = await readBlocks(body);
    if (!block) throw new Error('no block');
    const start = block.text.indexOf('Staff');
    const end = block.text.indexOf('access.') + 'access.'.length;
    const range = rangeOf(document, block, start, end);
    expect(range?.toString()).toBe('Staff in China had access.');
    // The page removed the node: no range rather than a wrong one.
    document.getElementById('x')?.firstChild?.remove();
    expect(rangeOf(document, block, start, end)).toBeNull();
  });

  it('only blocks with enough letters to state a claim are worth matching', () => {
    const block = (text: string) => ({ text, nodes: [], starts: [] });
    expect(worthMatching(block('Home'))).toBe(false);
    expect(worthMatching(block('12 345 678 901 234 567 890 123'))).toBe(false);
    expect(worthMatching(block('Everything is seen in China, one employee said.'))).toBe(true);
  });
});

describe('the text around a mention (what the card ranks claims by)', () => {
  it('is the paragraph that holds it, inline elements and all', () => {
    page('<h1>Other news</h1><p id="p">Traffic moved to <b><span id="m">Oracle</span></b>\nservers.</p><p>Next.</p>');
    const mention = document.getElementById('m');
    if (!mention) throw new Error('fixture');
    expect(textAround(mention, 2000)).toBe('Traffic moved to Oracle servers.');
    expect(textAround(mention.firstChild as Text, 2000)).toBe('Traffic moved to Oracle servers.');
  });

  it('is cut around the mention when the block is longer than allowed', () => {
    const before = 'a'.repeat(500);
    const after = 'b'.repeat(500);
    page(`<div>${before} <span id="m">TikTok</span> ${after}</div>`);
    const text = textAround(document.getElementById('m') as HTMLElement, 100);
    expect(text).toHaveLength(100);
    expect(text).toContain('TikTok');
  });
});
