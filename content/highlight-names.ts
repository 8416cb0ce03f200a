/** The names Backstory's highlights are registered under (CSS.highlights) and styled by. */
export const HIGHLIGHT_NAME = 'backstory-quote';
/** The quote whose card is open. */
export const ACTIVE_NAME = 'backstory-quote-active';
/** A short-lived flash after "show me this quote" from the popup. */
export const FLASH_NAME = 'backstory-quote-flash';
