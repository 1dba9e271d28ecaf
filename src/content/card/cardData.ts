/** Fetches a company's card data from the background once per page, on first hover. */
import browser from 'webextension-polyfill';
import type { EntityId } from '../../shared/entities.ts';
import {
  parseCardData,
  type CardData,
  type CardRequest,
  type OpenLibraryRequest,
  type OpenViewerRequest,
} from '../../shared/messages.ts';

const cache = new Map<EntityId, Promise<CardData | null>>();

export function loadCardData(entity: EntityId): Promise<CardData | null> {
  let pending = cache.get(entity);
  if (!pending) {
    const request: CardRequest = { type: 'claims/card', entity };
    pending = browser.runtime
      .sendMessage(request)
      .then(parseCardData)
      .catch(() => null);
    // A failure is not cached: the next hover asks again.
    void pending.then((data) => data ?? cache.delete(entity));
    cache.set(entity, pending);
  }
  return pending;
}

export function openLibrary(entity: EntityId): void {
  const request: OpenLibraryRequest = { type: 'library/open', entity };
  browser.runtime.sendMessage(request).catch(() => undefined);
}

export function openViewer(source: string, quote: string): void {
  const request: OpenViewerRequest = { type: 'viewer/open', source, quote };
  browser.runtime.sendMessage(request).catch(() => undefined);
}
