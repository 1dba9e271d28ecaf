/**
 * Real framework apps (React 19 and Preact) re-render highlighted text,
 * reorder keyed lists, replace text and unmount components while Claimlight
 * is on. The app must raise no error, every line must show exactly what the
 * app rendered, and the final text must be highlighted.
 */
import { appPage, type AppName } from '../support/apps.ts';
import { expect, test } from '../support/fixtures.ts';
import type { TestPage } from '../../scripts/harness/harness.ts';
import type { ActionName } from '../fixtures/apps/scenario.ts';

const MENTION = /TikTok|ByteDance|Oracle/g;

interface Shown {
  lines: string[];
  expected: string[];
  highlightsPerLine: string[][];
  errors: string[];
}

function shown(tab: TestPage): Promise<Shown> {
  return tab.evaluate(() => {
    const w = window as unknown as { __app: { expected(): string[]; errors: string[] }; __pageErrors: string[] };
    const lines = [...document.querySelectorAll('[data-line]')];
    return {
      lines: lines.map((l) => l.textContent),
      expected: w.__app.expected(),
      highlightsPerLine: lines.map((l) =>
        [...l.querySelectorAll('[data-claimlight-entity]')].map((m) => m.textContent),
      ),
      errors: [...w.__app.errors, ...w.__pageErrors],
    };
  });
}

/** Waits until every mention in the app's expected text is highlighted, then returns what the page shows. */
async function settled(tab: TestPage): Promise<Shown> {
  await tab.waitFor(() => {
    const w = window as unknown as { __app: { expected(): string[] } };
    const want =
      w.__app
        .expected()
        .join('\n')
        .match(/TikTok|ByteDance|Oracle/g)?.length ?? 0;
    return document.querySelectorAll('[data-claimlight-entity]').length === want;
  });
  return shown(tab);
}

function expectFaithful(result: Shown): void {
  expect(result.errors).toEqual([]);
  expect(result.lines).toEqual(result.expected);
  expect(result.highlightsPerLine).toEqual(result.expected.map((line) => line.match(MENTION) ?? []));
}

const run = (tab: TestPage, actions: ActionName[]) =>
  tab.evaluate((names) => {
    const app = (window as unknown as { __app: { run(a: string): void } }).__app;
    for (const name of names) app.run(name);
  }, actions);

/** A page's worth of user activity: each step in its own task, so the highlighter reacts between them. */
const STEPS: ActionName[][] = [
  ['rerender'],
  ['reorder'],
  ['editItems'],
  ['togglePanel'],
  ['rerender', 'addItem'],
  ['togglePanel'],
  ['reorder', 'editItems', 'rerender'],
  ['removeFirst'],
  ['rerender'],
];

for (const app of ['react', 'preact'] as AppName[]) {
  test.describe(`${app} app`, () => {
    test.beforeEach(async ({ tab, server }) => {
      await tab.goto(server.page(`/apps/${app}.html`, appPage(app)));
      expectFaithful(await settled(tab));
    });

    test('re-renders, reorders, edits and unmounts: app text exact, no error, final text highlighted', async ({
      tab,
    }) => {
      for (const step of STEPS) {
        await run(tab, step);
        expectFaithful(await settled(tab));
      }
      expect(tab.pageErrors).toEqual([]);
    });

    test('many updates in one task, before the highlighter can react, still end exact and highlighted', async ({
      tab,
    }) => {
      await run(tab, STEPS.flat());
      await run(tab, ['reorder', 'rerender', 'editItems', 'togglePanel', 'togglePanel']);
      expectFaithful(await settled(tab));
      expect(tab.pageErrors).toEqual([]);
    });

    test('a highlighted headline cycles through texts with and without mentions', async ({ tab }) => {
      for (let i = 0; i < 8; i++) {
        await run(tab, ['rerender']);
        expectFaithful(await settled(tab));
      }
    });
  });
}
