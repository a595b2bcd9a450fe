/**
 * The longest search for a patient the professional's home keeps from its query string, and its
 * field takes: a name and a birth date fit well within it. Here, not in src/server, because the
 * page's component (sent to the browser) reads it too.
 */
export const MAX_PATIENT_SEARCH_LENGTH = 100;
