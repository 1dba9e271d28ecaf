/** The type of the side panel's "is Claimlight running here?" message: a module of its own, so the content
 * script's small entry can import it without the message table. */
export const PING_TYPE = 'page/ping';
