/** Member ids are token subjects: not necessarily UUIDs, but never free text. Tenant ids have the same shape. */
export const MEMBER_ID_PATTERN = /^[\w.:@-]{1,128}$/;
export const MEMBER_ID_MESSAGE = 'must be 1 to 128 letters, digits or . _ : @ -';
