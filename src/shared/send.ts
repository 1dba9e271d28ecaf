/** Sending a message of the table in messages.ts and parsing its reply by the same table. */
import browser from './browser.ts';
import {
  CONTENT_COMMANDS,
  MESSAGES,
  type CommandBody,
  type CommandReply,
  type ContentCommandType,
  type MessageType,
  type Reply,
  type RequestBody,
} from './messages.ts';

/** To the background. Null when it is unreachable or its reply does not parse. */
export async function send<T extends MessageType>(type: T, body: RequestBody<T>): Promise<Reply<T> | null> {
  try {
    const reply: unknown = await browser.runtime.sendMessage({ type, ...body });
    return MESSAGES[type].reply(reply) as Reply<T>;
  } catch {
    return null;
  }
}

/** To a tab's top frame only, so one command acts once. Null when no content script answers. */
export async function sendToTab<T extends ContentCommandType>(
  tabId: number,
  type: T,
  body: CommandBody<T>,
): Promise<CommandReply<T> | null> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, { type, ...body }, { frameId: 0 });
    return CONTENT_COMMANDS[type].reply(reply) as CommandReply<T>;
  } catch {
    return null;
  }
}
