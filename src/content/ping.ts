/**
 * Answers the side panel's "is Claimlight running here?" (`page/ping`) from the
 * top frame, on every page, dormant or not: without it a page with no mention
 * looks the same as a page no extension may touch (Chrome hides both pages'
 * addresses from an extension without the `tabs` permission). It uses the
 * browser's own messaging, not the polyfill, so a dormant page loads nothing
 * more than this listener.
 */
import { PING_TYPE } from '../shared/ping.ts';

interface RuntimeOnMessage {
  addListener(listener: (message: unknown, sender: unknown, reply: (answer: unknown) => void) => boolean): void;
}

/** The host name of the page, as the ping's answer gives it. */
export function pingAnswer(): { site: string | null } {
  return { site: location.hostname || null };
}

export function answerPings(): void {
  if (window.top !== window.self) return;
  // Both browsers expose the callback-style `chrome` namespace to content scripts.
  const onMessage = (globalThis as { chrome?: { runtime?: { onMessage?: RuntimeOnMessage } } }).chrome?.runtime
    ?.onMessage;
  onMessage?.addListener((message, _sender, reply) => {
    // Exactly `{ type: 'page/ping' }`; anything else is left to the engine's listener, unanswered here.
    if (typeof message !== 'object' || message === null) return false;
    const keys = Object.keys(message);
    if (keys.length !== 1 || (message as { type?: unknown }).type !== PING_TYPE) return false;
    reply(pingAnswer());
    return false;
  });
}
