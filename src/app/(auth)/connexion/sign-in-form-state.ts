/** What the password form shows after a submission that did not move on to the code step. */
export type SignInFormState = { status: "idle" } | { status: "error"; message: string; email: string };

export const INITIAL_SIGN_IN_STATE: SignInFormState = { status: "idle" };
