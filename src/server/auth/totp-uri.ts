import { Secret, TOTP } from "otpauth";
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from "./totp";

/** The otpauth:// URI an authenticator app reads from the QR code (issuer and account label shown in the app). */
export function otpauthUri(secretBase32: string, label: string): string {
  return new TOTP({
    issuer: "Mon espace santé",
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  }).toString();
}
