import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { SERVER_NODE_FLAGS } from "../../../scripts/bench/app-server";
import { ENV_KEYS, parseEnv } from "../../../src/server/env";

/**
 * No container engine runs on these machines, so docker-compose.yml and the Dockerfile are kept
 * right by construction and checked here against what the app really reads.
 */
const healthcheck = z.object({ test: z.array(z.string()).min(2), interval: z.string(), timeout: z.string(), retries: z.number() });
const compose = z.object({
  services: z.object({
    db: z.object({
      image: z.string().regex(/^postgres:\d+/),
      environment: z.record(z.string(), z.string()),
      volumes: z.array(z.string()),
      healthcheck,
    }),
    app: z.object({
      build: z.string(),
      depends_on: z.object({
        db: z.object({ condition: z.literal("service_healthy") }),
        mailpit: z.object({ condition: z.literal("service_healthy") }),
      }),
      ports: z.array(z.string()),
      environment: z.record(z.string(), z.string()),
      healthcheck,
    }),
    mailpit: z.object({ image: z.string().regex(/^axllent\/mailpit:/), ports: z.array(z.string()), healthcheck }),
  }),
  volumes: z.record(z.string(), z.unknown()),
});

const file = compose.parse(parse(readFileSync("docker-compose.yml", "utf8")));
const { app, db } = file.services;

/** What docker compose does with ${VAR:-default} and ${VAR:?message}, given a .env file. */
function interpolate(value: string, dotenv: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
    const set = dotenv[name];
    if (set) return set;
    if (op === "?") throw new Error(`${name} is required: ${arg}`);
    return op === "-" ? (arg ?? "") : "";
  });
}

const dotenv = {
  POSTGRES_PASSWORD: "pw",
  AUTH_SECRET: "x".repeat(43),
  STORAGE_KEY: Buffer.alloc(32, 7).toString("base64"),
  APP_URL: "https://sante.example.fr",
};
const appEnv = Object.fromEntries(Object.entries(app.environment).map(([k, v]) => [k, interpolate(v, dotenv)]));

describe("docker-compose.yml", () => {
  it("passes the app only variables it reads, and the app accepts them as a production configuration", () => {
    for (const key of Object.keys(app.environment)) expect(ENV_KEYS).toContain(key);
    const parsed = parseEnv(appEnv);
    expect(parsed.APP_ENV).toBe("production");
    expect(parsed.DATABASE_URL).toBeDefined();
    expect(parsed.APP_URL).toBe(dotenv.APP_URL);
  });

  it("refuses to start without the production secrets and the public address instead of running with empty ones", () => {
    for (const secret of ["POSTGRES_PASSWORD", "AUTH_SECRET", "STORAGE_KEY", "APP_URL"]) {
      const missing = Object.fromEntries(Object.entries(dotenv).filter(([k]) => k !== secret));
      const everyValue = [...Object.values(app.environment), ...Object.values(db.environment)];
      expect(() => everyValue.map((v) => interpolate(v, missing))).toThrow(secret);
    }
  });

  it("points the app at the db service with the credentials the db service creates", () => {
    const url = new URL(appEnv.DATABASE_URL!);
    expect(url.hostname).toBe("db");
    expect(url.port).toBe("5432");
    expect(decodeURIComponent(url.username)).toBe(db.environment.POSTGRES_USER);
    expect(url.pathname).toBe(`/${db.environment.POSTGRES_DB}`);
    expect(interpolate(db.environment.POSTGRES_PASSWORD!, dotenv)).toBe(decodeURIComponent(url.password));
  });

  it("sends the app's e-mails to the Mailpit service, whose web page is published", () => {
    const smtp = new URL(appEnv.SMTP_URL!);
    expect(smtp.protocol).toBe("smtp:");
    expect(smtp.hostname).toBe("mailpit");
    expect(smtp.port).toBe("1025");
    expect(file.services.mailpit.ports).toContain("8025:8025");
    expect(parseEnv(appEnv).SMTP_URL).toBe(appEnv.SMTP_URL);
  });

  it("starts the app once the database is healthy, checks both, and keeps the data in a volume", () => {
    expect(db.healthcheck.test.join(" ")).toContain("pg_isready");
    expect(app.healthcheck.test.join(" ")).toContain("/api/health");
    expect(app.ports).toContain("3000:3000");
    const volume = db.volumes[0]!.split(":")[0]!;
    expect(Object.keys(file.volumes)).toContain(volume);
  });
});

describe("Dockerfile", () => {
  const dockerfile = readFileSync("Dockerfile", "utf8");

  it("runs the portal's server with the migrations beside it, as an unprivileged user", () => {
    expect(dockerfile).toMatch(/^RUN npm run build/m);
    expect(dockerfile).toMatch(/COPY --from=build .*\/app\/\.next \.\/\.next/);
    expect(dockerfile).toMatch(/COPY --from=build .*\/app\/prisma\/migrations \.\/prisma\/migrations/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "--max-semi-space-size=16", "--max-old-space-size=256", "\.next\/portal-server\.mjs"\]$/m);
    expect(dockerfile).toContain(`CMD ${JSON.stringify(["node", ...SERVER_NODE_FLAGS, ".next/portal-server.mjs"]).replaceAll(",", ", ")}`);
    expect(dockerfile).toMatch(/APP_ENV=production/);
    // Read by glibc when the process starts: the image's environment, as scripts/start.mjs's.
    expect(dockerfile).toMatch(/^ENV .*\bMALLOC_ARENA_MAX=2\b/m);
    expect(readFileSync("scripts/start.mjs", "utf8")).toMatch(/MALLOC_ARENA_MAX: "2"/);
  });

  it("is started with the heap flags npm start, the bench and the end-to-end tests use (portal-server.ts says why these)", () => {
    // The bench measures the server as it runs: its flags must be those of every other start.
    expect(readFileSync("scripts/start.mjs", "utf8")).toContain(`[${SERVER_NODE_FLAGS.map((flag) => JSON.stringify(flag)).join(", ")}, ".next/portal-server.mjs"]`);
    // Both of Playwright's servers (the PGlite one, the cluster on PostgreSQL) run this command, and no other.
    const playwright = readFileSync("playwright.config.ts", "utf8");
    expect(playwright).toContain(`const SERVER_COMMAND = "node ${SERVER_NODE_FLAGS.join(" ")} .next/portal-server.mjs";`);
    expect(playwright.match(/command: \w+/g)).toEqual(["command: SERVER_COMMAND", "command: SERVER_COMMAND"]);
  });

  it("builds the server bundle it runs, and carries every file next.config.ts imports", () => {
    expect(JSON.parse(readFileSync("package.json", "utf8")).scripts.build).toContain("scripts/build-server.mjs");
    const config = readFileSync("next.config.ts", "utf8");
    for (const [, local] of config.matchAll(/from "\.\/(src\/[^"]+)"/g)) {
      expect(dockerfile).toContain(`/app/${local}.ts ./${local}.ts`);
    }
  });
});
