/** The error codes the Credentials provider throws; next-auth passes them to /connexion/erreur. */
export const SIGN_IN_ERRORS = { code: "CodeRejected", challenge: "ChallengeExpired", paused: "SecondFactorPaused" } as const;
