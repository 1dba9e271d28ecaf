import { expect, test } from '../support/fixtures.ts';
import { highlights, settle, waitForHighlights } from '../support/page.ts';

test.beforeEach(async ({ tab, server }) => {
  await tab.goto(server.url('/article.html'));
  await waitForHighlights(tab, 5);
});

test('content appended later is highlighted within about a frame', async ({ tab }) => {
  await tab.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const p = document.createElement('p');
        p.textContent = 'Breaking: ByteDance responds.';
        new MutationObserver((_, observer) => {
          if (p.querySelector('[data-claimlight-entity]')) {
            observer.disconnect();
            resolve();
          }
        }).observe(p, { childList: true, subtree: true });
        document.body.append(p);
      }),
  );
  // Correctness, not speed, is asserted here; `npm run bench` measures the latency.
  expect((await highlights(tab)).at(-1)).toBe('bytedance:ByteDance');
});

test('infinite scroll and single-page navigation are followed', async ({ tab }) => {
  await tab.evaluate(() => {
    for (let i = 0; i < 30; i++) {
      const item = document.createElement('li');
      item.innerHTML = `<span>Post ${i}</span> about <em>Oracle</em>`;
      document.getElementById('list')?.append(item);
    }
  });
  await waitForHighlights(tab, 35);
  await tab.evaluate(() => {
    history.pushState({}, '', '/next-page');
    const main = document.getElementById('main');
    if (main) main.innerHTML = '<h1>Next page</h1><p>Now about Tik Tok and 字节跳动.</p>';
  });
  await tab.waitFor(() => document.querySelectorAll('[data-claimlight-entity]').length === 2);
  expect(await highlights(tab)).toEqual(['tiktok:Tik Tok', 'bytedance:字节跳动']);
});

test('text a page rewrites in place shows exactly what the page wrote, highlighted anew', async ({ tab }) => {
  // A framework keeps a reference to its text node and updates nodeValue (React does this).
  await tab.evaluate(() => {
    const p = document.getElementById('p2');
    const node = p?.firstChild;
    if (node instanceof Text) node.nodeValue = 'Oracle now hosts the data, says ByteDance.';
  });
  await tab.waitFor(() => document.getElementById('p2')?.querySelectorAll('[data-claimlight-entity]').length === 2);
  expect(await tab.evaluate(() => document.getElementById('p2')?.textContent)).toBe(
    'Oracle now hosts the data, says ByteDance.',
  );
  const inP2 = await tab.evaluate(() =>
    [...(document.getElementById('p2')?.querySelectorAll('[data-claimlight-entity]') ?? [])].map((m) => m.textContent),
  );
  expect(inP2).toEqual(['Oracle', 'ByteDance']);
  // A rewrite with no mention leaves plain text behind.
  await tab.evaluate(() => {
    const node = document.getElementById('p2')?.firstChild;
    if (node instanceof Text) node.nodeValue = 'Nothing to see.';
  });
  await tab.waitFor(() => document.getElementById('p2')?.textContent === 'Nothing to see.');
  await settle(tab);
  expect(await tab.evaluate(() => document.getElementById('p2')?.childNodes.length)).toBe(1);
});

test('a page that removes its own text node by reference leaves no highlight behind', async ({ tab }) => {
  const left = await tab.evaluate(async () => {
    const li = document.querySelector('#list li');
    const node = li?.firstChild;
    if (!li || !(node instanceof Text)) return 'no text node';
    li.removeChild(node);
    await new Promise((done) => setTimeout(done, 50));
    // The page's node is whole again, ready to be put back.
    return `${li.childNodes.length}|${node.data}`;
  });
  expect(left).toBe('0|first item mentions TikTok');
});

test('a page that inserts before its own nodes by reference keeps working', async ({ tab }) => {
  const text = await tab.evaluate(async () => {
    const p = document.getElementById('p2');
    const node = p?.firstChild;
    if (!p || !node) return '';
    p.insertBefore(document.createTextNode('Update: '), node);
    await new Promise((done) => setTimeout(done, 50));
    return p.textContent;
  });
  expect(text).toBe('Update: TikTok moved US traffic to Oracle, and TikTok says that is enough.');
});

test('a page script that keeps undoing highlights does not cause a loop', async ({ tab }) => {
  const rounds = await tab.evaluate(async () => {
    let undone = 0;
    // Unwraps every highlight as soon as it appears, putting the text back as a new node.
    new MutationObserver(() => {
      for (const mark of document.querySelectorAll('claimlight-mention')) {
        mark.replaceWith(document.createTextNode(mark.textContent));
        undone++;
      }
    }).observe(document.body, { childList: true, subtree: true });
    for (const mark of document.querySelectorAll('claimlight-mention')) {
      mark.replaceWith(document.createTextNode(mark.textContent));
      undone++;
    }
    await new Promise((done) => setTimeout(done, 1000));
    const atOneSecond = undone;
    await new Promise((done) => setTimeout(done, 1000));
    return { atOneSecond, atTwoSeconds: undone };
  });
  // It settles: after the cap, nothing more is re-highlighted.
  expect(rounds.atTwoSeconds).toBe(rounds.atOneSecond);
  expect(rounds.atOneSecond).toBeLessThan(50);
  expect(await tab.evaluate(() => document.getElementById('p2')?.textContent)).toBe(
    'TikTok moved US traffic to Oracle, and TikTok says that is enough.',
  );
});

test('a page that removes its node and writes to it in the same task keeps what it wrote, even the text the split left', async ({
  tab,
}) => {
  const text = await tab.evaluate(async () => {
    const li = document.querySelector('#list li');
    const node = li?.firstChild;
    if (!li || !(node instanceof Text)) return 'no text node';
    li.removeChild(node);
    // Exactly what the highlight left in the page's node: only the change record tells that the page wrote it.
    node.nodeValue = 'first item mentions ';
    await new Promise((done) => setTimeout(done, 50));
    li.appendChild(node);
    await new Promise((done) => setTimeout(done, 50));
    return li.textContent;
  });
  expect(text).toBe('first item mentions ');
});
