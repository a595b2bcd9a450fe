import "@/server/server-only";
import { cookies } from "next/headers";
import { rememberDevice } from "../db/known-device-store";
import { secrets } from "../secrets";
import { currentAuthCookies } from "./session-token";
import { deviceHashOf, deviceIdFromCookie, newDeviceCookie } from "./device-cookie";

/**
 * After a complete sign-in: this browser becomes one the account knows. It keeps its device
 * cookie if it has a genuine one (one browser can be known to several accounts, a family's
 * computer), or gets a new one.
 */
export async function keepDeviceCookie(accountId: string, now: Date): Promise<void> {
  const jar = await cookies();
  const spec = currentAuthCookies().device;
  const secret = secrets().authSecret;
  let id = deviceIdFromCookie(jar.get(spec.name)?.value, secret);
  if (!id) {
    const fresh = newDeviceCookie(secret);
    id = fresh.id;
    jar.set(spec.name, fresh.value, spec.options);
  }
  await rememberDevice(accountId, deviceHashOf(id), now);
}

/** The genuine device id this browser shows, for the password step. */
export async function deviceIdOfRequest(): Promise<string | undefined> {
  return deviceIdFromCookie((await cookies()).get(currentAuthCookies().device.name)?.value, secrets().authSecret);
}
