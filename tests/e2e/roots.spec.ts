import { expect, test } from '../support/fixtures.ts';

test('open shadow roots, nested ones and same-origin iframes are covered; closed roots are not reachable', async ({
  tab,
  server,
}) => {
  await tab.goto(server.url('/components.html'));
  const inRoots = () => {
    const open = document.getElementById('open-card')?.shadowRoot;
    const nested = open?.querySelector('nested-note')?.shadowRoot;
    const pick = (root: ParentNode | null | undefined) =>
      [...(root?.querySelectorAll('[data-claimlight-entity]') ?? [])].map(
        (m) => `${m.getAttribute('data-claimlight-entity') ?? ''}:${m.textContent}`,
      );
    return { open: pick(open), nested: pick(nested), light: pick(document) };
  };
  await tab.waitFor(() => {
    const open = document.getElementById('open-card')?.shadowRoot;
    return (open?.querySelectorAll('[data-claimlight-entity]').length ?? 0) > 0;
  });
  await tab.waitFor(() => {
    const nested = document.getElementById('open-card')?.shadowRoot?.querySelector('nested-note')?.shadowRoot;
    return (nested?.querySelectorAll('[data-claimlight-entity]').length ?? 0) > 0;
  });
  expect(await tab.evaluate(inRoots)).toEqual({ open: ['oracle:Oracle'], nested: ['tiktok:TikTok'], light: [] });

  const frames = () =>
    ['same-origin', 'srcdoc'].map((id) => {
      const doc = (document.getElementById(id) as HTMLIFrameElement | null)?.contentDocument;
      return [...(doc?.querySelectorAll('[data-claimlight-entity]') ?? [])]
        .map((m) => `${m.getAttribute('data-claimlight-entity') ?? ''}:${m.textContent}`)
        .join(',');
    });
  await tab.waitFor(() =>
    ['same-origin', 'srcdoc'].every(
      (id) =>
        ((document.getElementById(id) as HTMLIFrameElement | null)?.contentDocument?.querySelectorAll(
          '[data-claimlight-entity]',
        ).length ?? 0) > 0,
    ),
  );
  expect(await tab.evaluate(frames)).toEqual(['tiktok:TikTok', 'bytedance:ByteDance']);
});

test('a web component added later is covered too', async ({ tab, server }) => {
  await tab.goto(server.url('/components.html'));
  await tab.evaluate(() => {
    const card = document.createElement('news-card');
    card.id = 'late-card';
    document.body.append(card);
  });
  await tab.waitFor(
    () =>
      (document.getElementById('late-card')?.shadowRoot?.querySelectorAll('[data-claimlight-entity]').length ?? 0) > 0,
  );
});
