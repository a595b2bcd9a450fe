/**
 * `npm run --silent prevention -- --bundle <file> --date <YYYY-MM-DD>`: the prevention items of
 * the person in a FHIR R4 Bundle on that day, as a JSON array on standard output and nothing
 * else (a contract other tools read). Bad input: a message on standard error, exit code 1
 * (2 for a bad command line). Needs no database: the engine is pure.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { FR_2025 } from "../src/server/prevention/calendars/fr-2025";
import { isDay, todayInParis } from "../src/server/prevention/days";
import { extractFacts, FactsError } from "../src/server/prevention/extract-facts";
import { readBundle } from "../src/server/prevention/read-bundle";
import { recommend } from "../src/server/prevention/recommend";
import { toOutput } from "../src/server/prevention/to-output";

const USAGE = "usage : npm run --silent prevention -- --bundle <fichier.json> --date <AAAA-MM-JJ>";

function fail(message: string, code: number): never {
  process.stderr.write(`prevention : ${message}\n`);
  process.exit(code);
}

function main() {
  let values: { bundle?: string; date?: string };
  try {
    ({ values } = parseArgs({ options: { bundle: { type: "string" }, date: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (!values.bundle) fail(`l'option --bundle est obligatoire.\n${USAGE}`, 2);
  const date = values.date ?? todayInParis();
  if (!isDay(date)) fail(`date invalide « ${date} » : attendu une date du calendrier au format AAAA-MM-JJ.`, 2);

  let text: string;
  try {
    text = readFileSync(values.bundle, "utf8");
  } catch (error) {
    fail(`impossible de lire « ${values.bundle} » : ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, 1);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`« ${values.bundle} » n'est pas du JSON valide : ${(error as Error).message}.`, 1);
  }
  try {
    const { patient, resources } = readBundle(json);
    const facts = extractFacts(patient, resources);
    if (date < facts.birthDate) fail(`la date ${date} est antérieure à la naissance (${facts.birthDate}).`, 1);
    process.stdout.write(`${JSON.stringify(recommend(facts, FR_2025, date).map(toOutput), null, 2)}\n`);
  } catch (error) {
    if (error instanceof FactsError) fail(error.message, 1);
    throw error;
  }
}

main();
