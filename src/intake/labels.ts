// Swedish texts of intake that the server sends and the web shows on its own (e.g. before it has asked the server).
// Plain constants, importable by the web like rules.ts and schema.ts.

/** A case outside the reader's scope "does not exist" (404), and the page says the same for 400 and 403. */
export const CASE_NOT_FOUND_MESSAGE = 'Du har inte behörighet till ärendet, eller så finns det inte.';
