// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ShadowRootSweep } from '../../src/content/dom/shadowRoots.ts';

afterEach(() => document.body.replaceChildren());

function host(tag: string, mode: ShadowRootMode, text: string, parent: Node = document.body): ShadowRoot {
  const element = document.createElement(tag);
  parent.appendChild(element);
  const root = element.attachShadow({ mode });
  root.appendChild(document.createTextNode(text));
  return root;
}

const never = { expired: () => false };

describe('the shadow-root sweep', () => {
  it('finds open roots on any element that can host one, nested ones too, each once; never closed ones', () => {
    const wrapper = document.createElement('section');
    document.body.appendChild(wrapper);
    const onDiv = host('div', 'open', 'TikTok in a div', wrapper);
    const onSpan = host('span', 'open', 'Oracle in a span');
    const onCustom = host('x-widget', 'open', 'ByteDance in a widget');
    const nested = host('p', 'open', 'TikTok inside a root', onDiv);
    host('article', 'closed', 'TikTok behind a closed root');
    const found: ShadowRoot[] = [];
    const sweep = new ShadowRootSweep((root) => found.push(root));
    sweep.add(document.documentElement);
    sweep.add(document.documentElement);
    expect(sweep.run(never)).toBe(false);
    expect(found).toHaveLength(4);
    expect(new Set(found)).toEqual(new Set([onDiv, onSpan, onCustom, nested]));
  });

  it('works in slices: it stops at the deadline and resumes where it was', () => {
    for (let i = 0; i < 2000; i++) document.body.appendChild(document.createElement('div'));
    const last = host('div', 'open', 'TikTok at the end');
    const found: ShadowRoot[] = [];
    const sweep = new ShadowRootSweep((root) => found.push(root));
    sweep.add(document.body);
    let slices = 0;
    // A deadline that expires at its first look at the clock: each slice checks a few hundred elements.
    while (sweep.run({ expired: () => true })) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(found).toEqual([last]);
  });

  it('checks the element it is given, as well as those under it', () => {
    const root = host('div', 'open', 'TikTok');
    const found: ShadowRoot[] = [];
    const sweep = new ShadowRootSweep((r) => found.push(r));
    sweep.add(root.host);
    sweep.run(never);
    expect(found).toEqual([root]);
  });
});
