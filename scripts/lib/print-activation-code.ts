import { env } from "@/server/env";

/**
 * An activation code as account:invite and account:recover print it, once: only its hash is
 * stored, so losing this output means running the command again (which replaces the code).
 */
export function printActivationCode(result: { code: string; expiresAt: Date }, label: string): void {
  console.log(`${label} : ${result.code}`);
  console.log(`Adresse d'activation : ${env().APP_URL.replace(/\/$/, "")}/activer`);
  console.log(`Valable jusqu'au : ${result.expiresAt.toISOString()}`);
}
