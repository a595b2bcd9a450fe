/**
 * Where an account chooses which notifications also come by e-mail. Each kind of account has its
 * own area and is sent back to it from the other one's: a professional opening the patients'
 * page lands on their home page, not on their settings.
 */
export function preferencesPath(accountKind: "patient" | "practitioner"): `/${string}` {
  return accountKind === "practitioner" ? "/pro/notifications/preferences" : "/espace/notifications/preferences";
}
