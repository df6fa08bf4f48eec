/**
 * Longest filter or order_by clause accepted. Parsing is linear, so this bounds memory and the
 * size of the SQL parameters rather than time; a `run_id IN (...)` of a few thousand ids fits.
 */
export const MAX_SEARCH_TEXT_LENGTH = 200_000;
