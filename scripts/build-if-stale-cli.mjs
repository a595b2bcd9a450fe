// The production build, unless it is current (scripts/lib/build-if-stale.mjs): `npm test` runs it
// beside vitest so that the end-to-end step finds it ready.
import { buildIfStale } from "./lib/build-if-stale.mjs";

try {
  buildIfStale();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
