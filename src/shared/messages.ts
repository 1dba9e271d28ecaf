/**
 * Every message between the extension's contexts, in one table: its type, the
 * fields of its request with their parser, and the parser of its reply.
 * Receivers parse with `parseMessage` / `parseContentCommand`, senders go
 * through `send` / `sendToTab` (send.ts), which parse the reply by the same
 * table, so a malformed or foreign message is dropped, never half-handled.
 */
import { isSourceFile } from './claims.ts';
import { isEntityId, parseCounts, type MentionCounts } from './entities.ts';
import { isSentenceId, parseBlocks, parsePageClaims, parseSentenceHits } from './pageClaims.ts';
import { parseCardSummary } from './summary.ts';
import { hasExactly, isHostName, isRecord, isTabId } from './validate.ts';

export { MAX_COUNT } from './validate.ts';

/** The most text around a hovered mention that the card sends to be ranked by (its paragraph, cut around it). */
export const MAX_CARD_CONTEXT = 2000;

type Fields = Record<string, unknown>;

interface Route<Body, Reply> {
  /** The request's fields besides `type`: exactly these, no more. */
  fields: readonly string[];
  body: (value: Fields) => Body | null;
  reply: (value: unknown) => Reply;
}

function route<Body, Reply>(
  fields: readonly string[],
  body: (value: Fields) => Body | null,
  reply: (value: unknown) => Reply,
): Route<Body, Reply> {
  return { fields, body, reply };
}

/** For messages nobody answers. */
const noReply = (): undefined => undefined;

export interface TabState {
  tabId: number;
  counts: MentionCounts;
  /** Host name of the tab's page, when its content script has reported from it. */
  site: string | null;
}

export function parseTabState(value: unknown): TabState | null {
  if (!isRecord(value)) return null;
  const counts = parseCounts(value['counts']);
  const tabId = value['tabId'];
  const site = value['site'];
  if (site !== null && !isHostName(site)) return null;
  return counts && typeof tabId === 'number' && Number.isSafeInteger(tabId) ? { tabId, counts, site } : null;
}

const entityBody = (value: Fields) => (isEntityId(value['entity']) ? { entity: value['entity'] } : null);
const tabBody = (value: Fields) => (isTabId(value['tabId']) ? { tabId: value['tabId'] } : null);

/** Messages to the background. */
export const MESSAGES = {
  /** A content script's count of the mentions in its frame. */
  'mentions/report': route(
    ['counts'],
    (value) => {
      const counts = parseCounts(value['counts']);
      return counts && { counts };
    },
    noReply,
  ),
  /** The popup asks what the background knows about a tab. */
  'tab/get-state': route(['tabId'], tabBody, parseTabState),
  /** A top frame's readable text, one string per block: the background answers with its sentences that repeat claims. */
  'page/match': route(
    ['blocks'],
    (value) => {
      const blocks = parseBlocks(value['blocks']);
      return blocks && { blocks };
    },
    parseSentenceHits,
  ),
  /** A top frame stopped highlighting (switched off): what it repeated is no longer shown. */
  'page/clear': route([], () => ({}), noReply),
  /** The popup asks what a tab's page repeats from the reports. */
  'page/get-claims': route(['tabId'], tabBody, parsePageClaims),
  /**
   * The hover card asks for a company's claim summary: `first`, a claim to lead with (a page sentence repeats
   * it); `context`, the text around the hovered mention, which ranks the rest.
   */
  'claims/card': route(
    ['entity', 'first', 'context'],
    (value) => {
      const entity = entityBody(value);
      const { first, context } = value;
      const firstOk = first === null || (typeof first === 'string' && first.length <= 100);
      const contextOk = typeof context === 'string' && context.length <= MAX_CARD_CONTEXT;
      return entity && firstOk && contextOk ? { ...entity, first, context } : null;
    },
    parseCardSummary,
  ),
  /** The hover card's "all claims" link: open the claims library filtered to a company. */
  'library/open': route(['entity'], entityBody, noReply),
  /** A quote in the hover card: open the source viewer at that passage. */
  'viewer/open': route(
    ['source', 'quote'],
    ({ source, quote }) =>
      isSourceFile(source) && typeof quote === 'string' && quote.length > 0 && quote.length <= 2000
        ? { source, quote }
        : null,
    noReply,
  ),
};

export type StepDirection = 'next' | 'previous';

const isStepDirection = (value: unknown): value is StepDirection => value === 'next' || value === 'previous';

/** Where a step landed: the `at`-th (from 1) of `of` highlights. */
export interface StepPosition {
  at: number;
  of: number;
}

function parseStepPosition(value: unknown): StepPosition | null {
  if (!isRecord(value)) return null;
  const { at, of } = value;
  return typeof at === 'number' &&
    typeof of === 'number' &&
    Number.isSafeInteger(of) &&
    Number.isSafeInteger(at) &&
    at >= 1 &&
    at <= of
    ? { at, of }
    : null;
}

/** The engine's answer to `page/ping`: it runs in the page, whose host name it tells. */
export interface PingReply {
  site: string | null;
}

export function parsePingReply(value: unknown): PingReply | null {
  if (!isRecord(value) || !hasExactly(value, ['site'])) return null;
  const site = value['site'];
  return site === null || (isHostName(site) && site !== '') ? { site } : null;
}

/** Messages from the background, the popup or the side panel to a tab's content script (its top frame). */
export const CONTENT_COMMANDS = {
  /**
   * Whether Claimlight's engine runs in the tab, and on which site: what the side panel asks of a page that
   * reported no mention and whose address it may not read (Chrome, without `tabs`). Only a page that may
   * mention a company answers: a dormant page touches no extension API.
   */
  'page/ping': route([], () => ({}), parsePingReply),
  /** Go to the next mention (of one company, or of any); the reply says whether there was one. */
  'mention/next': route(
    ['entity'],
    ({ entity }) => (entity === null || isEntityId(entity) ? { entity } : null),
    (moved) => moved === true,
  ),
  /**
   * The side panel's previous / next: scroll to a company's previous or next highlight and flash it, without
   * opening its card; the reply says which one it is (1-based) of how many, or null when there is none.
   */
  'mention/step': route(
    ['entity', 'direction'],
    ({ entity, direction }) => (isEntityId(entity) && isStepDirection(direction) ? { entity, direction } : null),
    parseStepPosition,
  ),
  /**
   * Scroll to the page's sentence with this id (as page/get-claims lists it) and flash it; the reply says
   * whether it is still on the page as it was matched.
   */
  'page/reveal': route(
    ['id'],
    ({ id }) => (isSentenceId(id) ? { id } : null),
    (shown) => shown === true,
  ),
};

type Table = Record<string, Route<unknown, unknown>>;
type BodyOf<R> = R extends Route<infer Body, unknown> ? Body : never;
type ReplyOf<R> = R extends Route<unknown, infer Reply> ? Reply : never;
/** The union of `{ type, ...body }` over a table. */
type MessageOf<M extends Table> = { [T in keyof M]: { type: T } & BodyOf<M[T]> }[keyof M];

export type MessageType = keyof typeof MESSAGES;
export type RequestBody<T extends MessageType> = BodyOf<(typeof MESSAGES)[T]>;
export type Reply<T extends MessageType> = ReplyOf<(typeof MESSAGES)[T]>;
export type Message = MessageOf<typeof MESSAGES>;

export type ContentCommandType = keyof typeof CONTENT_COMMANDS;
export type CommandBody<T extends ContentCommandType> = BodyOf<(typeof CONTENT_COMMANDS)[T]>;
export type CommandReply<T extends ContentCommandType> = ReplyOf<(typeof CONTENT_COMMANDS)[T]>;
export type ContentCommand = MessageOf<typeof CONTENT_COMMANDS>;

export type MentionsReport = Extract<Message, { type: 'mentions/report' }>;
export type NextMentionCommand = Extract<ContentCommand, { type: 'mention/next' }>;

/**
 * A receiver's handlers: one for every message of its table, so a message without a handler does not type
 * check. A handler returns its reply (or a promise of it), or undefined when it does not answer this sender.
 */
export type Handlers<M extends Table, Context> = {
  [T in keyof M]: (
    message: { type: T } & BodyOf<M[T]>,
    context: Context,
  ) => ReplyOf<M[T]> | Promise<ReplyOf<M[T]>> | undefined;
};

/** Parses `raw` by `table` and hands it to its handler; undefined (no answer) for anything that does not parse. */
function dispatchBy<M extends Table, Context>(
  table: M,
  handlers: Handlers<M, Context>,
  raw: unknown,
  context: Context,
): unknown {
  const message = parseBy(table, raw);
  if (!message) return undefined;
  const handler = handlers[message.type] as (m: MessageOf<M>, c: Context) => unknown;
  return handler(message, context);
}

/** The background's receiver: a message to the background, handled by its handler. */
export function dispatchMessage<Context>(handlers: Handlers<typeof MESSAGES, Context>, raw: unknown, context: Context) {
  return dispatchBy(MESSAGES, handlers, raw, context);
}

/** A content script's receiver: a command to its tab, handled by its handler. */
export function dispatchCommand<Context>(
  handlers: Handlers<typeof CONTENT_COMMANDS, Context>,
  raw: unknown,
  context: Context,
) {
  return dispatchBy(CONTENT_COMMANDS, handlers, raw, context);
}

function parseBy<M extends Table>(table: M, value: unknown): MessageOf<M> | null {
  if (!isRecord(value)) return null;
  const type = value['type'];
  if (typeof type !== 'string' || !Object.hasOwn(table, type)) return null;
  const entry = table[type];
  if (!entry || !hasExactly(value, ['type', ...entry.fields])) return null;
  const body = entry.body(value);
  return body === null ? null : ({ type, ...body } as MessageOf<M>);
}

export function parseMessage(value: unknown): Message | null {
  return parseBy(MESSAGES, value);
}

export function parseContentCommand(value: unknown): ContentCommand | null {
  return parseBy(CONTENT_COMMANDS, value);
}
