/** The keyboard commands the manifest declares (manifest.json `commands`). */
export const NEXT_MENTION_COMMAND = 'next-mention';
/** Opens the side panel in Chrome; Firefox's build runs its own `_execute_sidebar_action` in its place. */
export const OPEN_PANEL_COMMAND = 'open-side-panel';
