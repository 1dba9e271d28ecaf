import { expect, test } from '../support/fixtures.ts';
import { addHighlighted, firstAfterQuiet, highlights, waitForHighlights } from '../support/page.ts';

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
  // The positive control: a mention the page adds after the rewrite is highlighted, so Claimlight has handled
  // the rewrite before it (a page's changes reach it in order).
  await addHighlighted(tab, 'beforeend', '<p id="control">Later: Oracle.</p>', '#control');
  expect(await tab.evaluate(() => document.getElementById('p2')?.childNodes.length)).toBe(1);
});

test('a page that removes its own text node by reference leaves no highlight behind', async ({ tab }) => {
  expect(
    await tab.evaluate(() => {
      const li = document.querySelector('#list li');
      const node = li?.firstChild;
      if (!li || !(node instanceof Text)) return false;
      li.removeChild(node);
      (window as unknown as { __removed: Text }).__removed = node;
      return true;
    }),
  ).toBe(true);
  // The positive control: a later mention is highlighted, so the removal before it has been handled.
  await addHighlighted(tab, 'beforeend', '<p id="control">Later: Oracle.</p>', '#control');
  const left = await tab.evaluate(() => {
    const li = document.querySelector('#list li');
    const node = (window as unknown as { __removed: Text }).__removed;
    // The page's node is whole again, ready to be put back.
    return `${li?.childNodes.length ?? -1}|${node.data}`;
  });
  expect(left).toBe('0|first item mentions TikTok');
});

test('a page that inserts before its own nodes by reference keeps working', async ({ tab }) => {
  expect(
    await tab.evaluate(() => {
      const p = document.getElementById('p2');
      const node = p?.firstChild;
      if (!p || !node) return false;
      p.insertBefore(document.createTextNode('Update: '), node);
      return true;
    }),
  ).toBe(true);
  // The positive control: a later mention is highlighted, so the insertion before it has been handled.
  await addHighlighted(tab, 'beforeend', '<p id="control">Later: Oracle.</p>', '#control');
  const text = await tab.evaluate(() => document.getElementById('p2')?.textContent);
  expect(text).toBe('Update: TikTok moved US traffic to Oracle, and TikTok says that is enough.');
});

test('a page script that keeps undoing highlights does not cause a loop', async ({ tab }) => {
  await tab.evaluate(() => {
    // When each highlight was undone (performance.now()).
    const undone: number[] = [];
    (window as unknown as { __undone: number[] }).__undone = undone;
    const unwrap = (mark: Element) => {
      mark.replaceWith(document.createTextNode(mark.textContent));
      undone.push(performance.now());
    };
    // Unwraps every highlight as soon as it appears, putting the text back as a new node (all but the
    // positive control's, below).
    new MutationObserver(() => {
      for (const mark of document.querySelectorAll('claimlight-mention')) if (!mark.closest('#control')) unwrap(mark);
    }).observe(document.body, { childList: true, subtree: true });
    for (const mark of document.querySelectorAll('claimlight-mention')) unwrap(mark);
  });
  // The positive control: Claimlight still reads this page; what the page adds later, outside the places it
  // fights over, is highlighted.
  await addHighlighted(tab, 'beforeend', '<p id="control">Later: Oracle.</p>', '#control');
  // Claimlight comes back to the places it left alone once they have been quiet (its back-off). The test waits
  // for the first highlight undone after a quiet second; or for 50 undone, which only a loop reaches.
  const undone = () => tab.evaluate(() => (window as unknown as { __undone: number[] }).__undone);
  await expect
    .poll(
      async () => {
        const times = await undone();
        return firstAfterQuiet(times, 1000) > 0 || times.length >= 50;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  // It settles: after the cap, nothing more is re-highlighted for a second (until Claimlight comes back).
  const settledAt = firstAfterQuiet(await undone(), 1000);
  expect(settledAt, 'nothing re-highlighted for a second').toBeGreaterThan(0);
  expect(settledAt).toBeLessThan(50);
  expect(await tab.evaluate(() => document.getElementById('p2')?.textContent)).toBe(
    'TikTok moved US traffic to Oracle, and TikTok says that is enough.',
  );
});

test('a page that removes its node and writes to it in the same task keeps what it wrote, even the text the split left', async ({
  tab,
}) => {
  expect(
    await tab.evaluate(() => {
      const li = document.querySelector('#list li');
      const node = li?.firstChild;
      if (!li || !(node instanceof Text)) return false;
      li.removeChild(node);
      // Exactly what the highlight left in the page's node: only the change record tells that the page wrote it.
      node.nodeValue = 'first item mentions ';
      (window as unknown as { __removed: Text }).__removed = node;
      return true;
    }),
  ).toBe(true);
  // Positive controls: a later mention is highlighted, so the changes before it have been handled.
  await addHighlighted(tab, 'beforeend', '<p id="control-1">Later: Oracle.</p>', '#control-1');
  await tab.evaluate(() => {
    document.querySelector('#list li')?.appendChild((window as unknown as { __removed: Text }).__removed);
  });
  await addHighlighted(tab, 'beforeend', '<p id="control-2">Later still: Oracle.</p>', '#control-2');
  const text = await tab.evaluate(() => document.querySelector('#list li')?.textContent);
  expect(text).toBe('first item mentions ');
});
