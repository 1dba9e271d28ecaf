/**
 * Privacy in both browsers: reading pages, hovering cards and following
 * page changes makes no request that leaves this machine, and the extension
 * adds nothing to the page's own list of resources it loaded.
 */
import { waitForCard } from '../support/card.ts';
import { expect, test } from '../support/fixtures.ts';
import { waitForHighlights } from '../support/page.ts';

test('a session of reading, hovering and page changes requests nothing', async ({ tab, server, harness }) => {
  // The browser is shared by the worker's tests (corpus pages ask for much): only this session's requests count.
  const refusedBefore = harness.blockedRequests.length;
  const resourcesBefore = await (async () => {
    await tab.goto(server.url('/article.html'));
    await waitForHighlights(tab, 5);
    return tab.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((name) => !name.endsWith('/favicon.ico')),
    );
  })();
  await tab.hover('#p1 claimlight-mention');
  await waitForCard(tab, 'ByteDance');
  await tab.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Later: Oracle audits TikTok.';
    document.body.append(p);
  });
  await waitForHighlights(tab, 7);
  await tab.goto(server.url('/demo.html'));
  await waitForHighlights(tab, 3);
  await tab.hover('claimlight-mention');
  // The card on the demo page's first name, rendered with its claims and sources: all it shows has been asked for.
  await waitForCard(tab, 'TikTok');
  await tab.waitFor(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim') != null);
  // Nothing was refused, because nothing but the test pages was asked for…
  expect(harness.blockedRequests.slice(refusedBefore)).toEqual([]);
  // …and the page's resource timeline (no resources of its own; the browser's favicon aside) stays empty.
  expect(resourcesBefore).toEqual([]);
  const resourcesAfter = await tab.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => !name.endsWith('/favicon.ico')),
  );
  expect(resourcesAfter).toEqual([]);
});
