/**
 * Where an account reads its notifications, in its own area: a professional's under /pro, a
 * patient's (and a guardian's or caregiver's, whose list also points to the spaces they act in)
 * under /espace.
 */
export function notificationsPath(accountKind: "patient" | "practitioner"): `/${string}` {
  return accountKind === "practitioner" ? "/pro/notifications" : "/espace/notifications";
}

/**
 * Where an account chooses which notifications also come by e-mail. Each kind of account has its
 * own area and is sent back to it from the other one's: a professional opening the patients'
 * page lands on their home page, not on their settings.
 */
export function preferencesPath(accountKind: "patient" | "practitioner"): `/${string}` {
  return `${notificationsPath(accountKind)}/preferences`;
}
