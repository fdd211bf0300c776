/** Pastes above this size are refused with a message instead of freezing a tab. */
export const MAX_PASTE_BYTES = 64 * 1024 * 1024;
