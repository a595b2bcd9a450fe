import { formatDateTime } from "@/lib/documents/format";

/**
 * What a "new sign-in" notice adds, in the portal and in its e-mail: when, and with which
 * browser and system, so the owner can tell their own new computer from a stranger, and where
 * to end the session. The browser and system come from describeDevice()'s closed list, never
 * from the User-Agent's own text (a header anyone writes must not reach an inbox). Pure.
 */
export type SignInDevice = { browser: string; system: string };

export function newSignInDetail(device: SignInDevice): string {
  return `Navigateur : ${device.browser}, système : ${device.system}.`;
}

/**
 * A sign-in made with a recovery code: when, from which browser, how many codes are left (the
 * owner who has none left must make new ones before her phone is lost for good), and what to do
 * if it was not her: someone then holds her password and one of her codes.
 */
export function recoverySignInEmailLines(device: SignInDevice, at: Date, codesLeft: number, accountPageUrl: string): string[] {
  return [
    `Un de vos codes de secours a servi à vous connecter le ${formatDateTime(at)} (heure de Paris). ${newSignInDetail(device)}`,
    codesLeft === 0
      ? "Chaque code ne sert qu'une fois, et il ne vous en reste aucun : créez-en de nouveaux dans « Mon compte »."
      : `Chaque code ne sert qu'une fois : il vous en reste ${codesLeft}.`,
    `Si ce n'était pas vous, quelqu'un connaît votre mot de passe et l'un de vos codes de secours : fermez cette session, changez votre mot de passe et créez de nouveaux codes de secours depuis « Mon compte » : ${accountPageUrl}`,
  ];
}

export function newSignInEmailLines(device: SignInDevice, at: Date, accountPageUrl: string): string[] {
  return [
    `Connexion du ${formatDateTime(at)} (heure de Paris). ${newSignInDetail(device)}`,
    `Si ce n'était pas vous, fermez cette session et changez votre mot de passe depuis « Mon compte » : ${accountPageUrl}`,
  ];
}
