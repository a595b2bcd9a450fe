/**
 * A new password's length bounds: the server refuses outside them (password-strength.ts) and the
 * forms say the minimum beside the field and hold it as minlength/maxlength. One place, so what
 * the page says is what the server enforces.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** argon2 takes any length; a cap keeps a megabyte "password" from costing more than a normal one. */
export const PASSWORD_MAX_LENGTH = 256;
