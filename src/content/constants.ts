/** The element that wraps each highlighted mention. A custom name keeps page CSS for mark/span off it. */
export const MENTION_TAG = 'claimlight-mention';
/** The stable contract for tests and styles: which company a highlight names. */
export const ENTITY_ATTRIBUTE = 'data-claimlight-entity';
/** Marks every node of Claimlight's own UI, so the highlighter never enters it. */
export const UI_ATTRIBUTE = 'data-claimlight-ui';
