// After `next build`: fails if the browser's code holds a server module. Every module of
// src/server imports src/server/server-only.ts, whose error message is the mark looked for here;
// the `server-only` package made this a build error, but Next refuses it in the Pages Router
// (see that file). Reads every file Next serves to browsers (.next/static).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const MARK = "espace-sante:server-module";
const root = process.argv[2] ?? ".next/static";

const offenders = readdirSync(root, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".js"))
  .filter((file) => readFileSync(path.join(root, file), "utf8").includes(MARK));

if (offenders.length > 0) {
  console.error(`Server code in the browser's bundle (${MARK}), in:\n${offenders.map((f) => `  ${path.join(root, f)}`).join("\n")}`);
  console.error("A client component, or a Pages Router page's component, imports a module of src/server.");
  process.exit(1);
}
console.log(`check-client-bundle: no server module in ${root}`);
