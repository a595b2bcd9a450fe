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

export function newSignInEmailLines(device: SignInDevice, at: Date, accountPageUrl: string): string[] {
  return [
    `Connexion du ${formatDateTime(at)} (heure de Paris). ${newSignInDetail(device)}`,
    `Si ce n'était pas vous, fermez cette session et changez votre mot de passe depuis « Mon compte » : ${accountPageUrl}`,
  ];
}
