import { describe, expect, it } from 'vitest';
import { parseMessage, parseTabState, MAX_COUNT } from '../../src/shared/messages.ts';

const counts = { tiktok: 3, bytedance: 1, oracle: 0 };

describe('parseMessage', () => {
  it('accepts a well-formed mentions report and state request', () => {
    expect(parseMessage({ type: 'mentions/report', counts })).toEqual({ type: 'mentions/report', counts });
    expect(parseMessage({ type: 'tab/get-state', tabId: 7 })).toEqual({ type: 'tab/get-state', tabId: 7 });
    // Only the companies found are counted, a claim pack's among them.
    const packCounts = { tiktok: 1, larkspur: 4 };
    expect(parseMessage({ type: 'mentions/report', counts: packCounts })).toEqual({
      type: 'mentions/report',
      counts: packCounts,
    });
  });

  it.each([
    ['null', null],
    ['a string', 'mentions/report'],
    ['an array', [{ type: 'mentions/report', counts }]],
    ['an unknown type', { type: 'tab/delete', tabId: 1 }],
    ['a report without counts', { type: 'mentions/report' }],
    // A pack's company is any well-formed id; anything else is no company.
    ['a company id that is no id', { type: 'mentions/report', counts: { ...counts, 'Meta Inc': 1 } }],
    ['a company id with an underscore', { type: 'mentions/report', counts: { ...counts, __proto_x: 1 } }],
    [
      'more companies than any catalog holds',
      { type: 'mentions/report', counts: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`c${i}`, 1])) },
    ],
    ['a negative count', { type: 'mentions/report', counts: { ...counts, oracle: -1 } }],
    ['a fractional count', { type: 'mentions/report', counts: { ...counts, oracle: 1.5 } }],
    ['a string count', { type: 'mentions/report', counts: { ...counts, oracle: '2' } }],
    ['an absurd count', { type: 'mentions/report', counts: { ...counts, oracle: MAX_COUNT + 1 } }],
    ['extra fields', { type: 'mentions/report', counts, tabId: 4 }],
    ['a negative tab', { type: 'tab/get-state', tabId: -1 }],
    ['a tab id string', { type: 'tab/get-state', tabId: '4' }],
  ])('rejects %s', (_label, value) => {
    expect(parseMessage(value)).toBeNull();
  });
});

describe('parseTabState', () => {
  it('accepts what the background answers and rejects anything else', () => {
    expect(parseTabState({ tabId: 2, counts, site: 'example.com' })).toEqual({ tabId: 2, counts, site: 'example.com' });
    expect(parseTabState({ tabId: 2, counts, site: null })).toEqual({ tabId: 2, counts, site: null });
    expect(parseTabState({ tabId: 2, counts, site: 5 })).toBeNull();
    expect(parseTabState(undefined)).toBeNull();
    expect(parseTabState({ tabId: 2 })).toBeNull();
  });
});
