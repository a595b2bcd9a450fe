import type { DispenseInput } from "../prescriptions/record-dispense";

/**
 * The pharmacist's dispensation form, read into the use case's input. Per line (by request
 * id): choix-<id> = aucun | tout | partie, quantite-<id> for a part, reste-<id> the quantity the
 * page showed as remaining (used for "tout"; the use case checks every quantity against the
 * lines as they are, under lock, and refuses a form drawn from another state).
 *
 * `unclear`: a line whose choice and typed quantity disagree (a quantity typed under « Rien
 * aujourd'hui », or one other than what remains under « Tout le reste »). Such a line was read
 * as its choice alone, the rest of the form recorded and « Délivrance enregistrée » shown: what
 * the pharmacist handed over went unrecorded, and another pharmacy could hand it over again.
 * The whole form is then sent back, nothing recorded (found by an exploratory test).
 */
const ID = /^[A-Za-z0-9-]{1,64}$/;
const MAX_LINES = 50;

function integer(value: FormDataEntryValue | null): number {
  if (typeof value !== "string" || !/^\d{1,6}$/.test(value.trim())) return Number.NaN;
  return Number(value.trim());
}

function typed(value: FormDataEntryValue | null): boolean {
  return typeof value === "string" && value.trim() !== "";
}

export function parseDispenseForm(form: FormData): DispenseInput & { unclear: boolean } {
  const quantities: Record<string, number> = {};
  let unclear = false;
  let seen = 0;
  for (const [name, value] of form.entries()) {
    if (!name.startsWith("choix-") || typeof value !== "string" || ++seen > MAX_LINES) continue;
    const id = name.slice("choix-".length);
    if (!ID.test(id) || Object.prototype.hasOwnProperty.call(quantities, id)) continue;
    const quantity = form.get(`quantite-${id}`);
    if (value === "tout") {
      quantities[id] = integer(form.get(`reste-${id}`));
      unclear ||= typed(quantity) && integer(quantity) !== quantities[id];
    } else if (value === "partie") quantities[id] = integer(quantity);
    else unclear ||= typed(quantity);
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, 100) : "";
  };
  return { formKey: text("cle-formulaire"), state: text("etat"), quantities, unclear };
}
