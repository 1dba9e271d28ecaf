// @vitest-environment happy-dom
/**
 * The dormant entry (src/content/index.iife.ts) decides, on every page, whether the engine loads. It must
 * not wait for the read of the reader's pack companies (a round trip) before probing the page for the
 * built-in ones, and it must still wake for a pack's company: in the page's own text, or in text the page
 * added before the read came back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVE_COMPANIES_KEY } from '../../src/shared/catalog/activeCompanies.ts';
import type { ActiveCompanies } from '../../src/shared/catalog/state.ts';
import { BUILT_IN_COMPANIES } from '../../src/shared/lexicon.ts';
import { SETTINGS_KEY } from '../../src/shared/settingsKey.ts';
import { preTestSources } from '../../src/shared/mentions.ts';
import type { Company } from '../../src/shared/entities.ts';
import { engineStarts } from './fakes/engine.ts';

const LARKSPUR: Company = {
  id: 'larkspur',
  name: 'Larkspur Robotics',
  description: 'A fictional maker of port robots.',
  mentions: { spellings: ['Larkspur Robotics', 'Larkspur'], ignoreCase: false, notFollowedBy: ['Landing'] },
};
const companies = [...BUILT_IN_COMPANIES, LARKSPUR];
const WITH_PACK: ActiveCompanies = { companies, pretest: preTestSources(companies) };

const ENGINE = new URL('./fakes/engine.ts', import.meta.url).pathname;

/** The extension API the entry sees, with the pack read answered only when the test says so. */
function fakeApi() {
  let answer: (items: Record<string, unknown>) => void = () => undefined;
  const local = vi.fn(
    () =>
      new Promise<Record<string, unknown>>((resolve) => {
        answer = resolve;
      }),
  );
  // Each test's page gets its own settings token, so an entry left dormant by an earlier test is told apart.
  const token = Symbol('settings');
  const sync = vi.fn(() => Promise.resolve({ [SETTINGS_KEY]: token }));
  (globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: { getURL: () => ENGINE },
    storage: { local: { get: local }, sync: { get: sync } },
  };
  return {
    local,
    /** The engine starts of this page's entry. */
    starts: () => engineStarts().filter((start) => start.settings === token),
    /** Whether the engine was asked for (its settings read starts with its import). */
    woke: () => sync.mock.calls.length > 0,
    answerPacks: (value: ActiveCompanies | null) => {
      answer(value ? { [ACTIVE_COMPANIES_KEY]: value } : {});
    },
  };
}

/** Opens a page holding `html`: the entry runs on it as on a new page (a fresh module instance). */
async function openPage(html: string): Promise<ReturnType<typeof fakeApi>> {
  document.body.innerHTML = html;
  const api = fakeApi();
  vi.resetModules();
  await import('../../src/content/index.iife.ts');
  return api;
}

/** The page adds a paragraph holding `text`. */
function addParagraph(text: string): HTMLElement {
  const added = document.createElement('p');
  added.textContent = text;
  document.body.append(added);
  return added;
}

/**
 * Everything queued so far has reached the entry: the page's changes (an observer registered after the
 * entry's gets its record after the entry's does) and the answers to its reads (promise callbacks, which all
 * run before the next task).
 */
async function settled(): Promise<void> {
  await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve(undefined);
    });
    observer.observe(document.body, { childList: true });
    document.body.append(document.createComment('settled'));
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits for this page's entry to start the engine (a promise chain and a module import), and what it handed over. */
async function engineStart(api: ReturnType<typeof fakeApi>): Promise<Node[] | null> {
  return vi.waitFor(() => {
    const [start] = api.starts();
    expect(start).toBeDefined();
    return start?.pending ?? null;
  });
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the dormant entry', () => {
  it('probes for the built-in companies before the pack read returns, and wakes on one', async () => {
    const api = await openPage('<p>A note about ByteDance and its apps.</p>');
    // The read was asked for and has not returned: the probe did not wait for it.
    expect(api.local).toHaveBeenCalledTimes(1);
    expect(api.woke()).toBe(true);
    expect(await engineStart(api)).toBeNull();
  });

  it('stays dormant on a page without a mention, with or without packs', async () => {
    const api = await openPage('<p>A recipe for bread, with an oracle bone and a lark.</p>');
    expect(api.woke()).toBe(false);
    api.answerPacks(WITH_PACK);
    await settled();
    expect(api.woke()).toBe(false);
    // Something the page adds later that names a company still wakes it: the watcher was running all along.
    const added = addParagraph('Oracle Cloud');
    expect(await engineStart(api)).toEqual([added]);
  });

  it('wakes for a pack company in the page’s own text once the read returns it, and reads the whole page', async () => {
    const api = await openPage('<main><p>Larkspur moved its fleet software.</p></main>');
    expect(api.woke()).toBe(false);
    api.answerPacks(WITH_PACK);
    expect(await engineStart(api)).toBeNull();
  });

  it('keeps to the built-in companies when the read returns none', async () => {
    const api = await openPage('<main><p>Larkspur moved its fleet software.</p></main>');
    api.answerPacks(null);
    await settled();
    expect(api.woke()).toBe(false);
    // The first wake comes from the built-in company added later, not from "Larkspur": only that node is read.
    const added = addParagraph('TikTok');
    expect(await engineStart(api)).toEqual([added]);
  });

  it('wakes for a pack company the page added before the read returned', async () => {
    const api = await openPage('<main><p>Port news.</p></main>');
    const added = addParagraph('Larkspur Robotics opened a depot.');
    // The watcher has the change before the read returns: the built-in pre-test passes over this text.
    await settled();
    expect(api.woke()).toBe(false);
    api.answerPacks(WITH_PACK);
    expect(await engineStart(api)).toEqual([added]);
  });
});
