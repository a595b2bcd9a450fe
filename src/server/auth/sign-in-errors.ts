/** The error codes the Credentials provider throws; next-auth passes them to /connexion/erreur. */
export const SIGN_IN_ERRORS = { code: "CodeRejected", recovery: "RecoveryCodeRejected", challenge: "ChallengeExpired", paused: "SecondFactorPaused" } as const;
