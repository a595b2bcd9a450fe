import { z } from "zod";

/**
 * The environment, parsed once at start-up. `APP_ENV=production` is what makes this a real
 * deployment: secrets are then required, the demo seed refuses to run, and cookies take the
 * `__Host-` prefix. (NODE_ENV cannot tell: `next start` always sets it to production.)
 */
const base64Key32 = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "doit être 32 octets encodés en base64");

const variables = z.object({
  APP_ENV: z.enum(["demo", "test", "production"]).default("demo"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "au moins 32 caractères").optional(),
  STORAGE_KEY: base64Key32.optional(),
  /**
   * The portal's public address (links, the FHIR API's URLs, sign-in redirects). Required in
   * production; elsewhere it defaults to http://localhost:<PORT>, and pages reached on a
   * loopback address follow that address (src/server/http/public-url.ts).
   */
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The port the portal's server listens on (scripts/start.mjs, src/server/portal-server.ts). */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("FranceConnect"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Connections per process on which plain reads are pipelined, beside the pool (src/server/db/pipelined-reads.ts); 0: none, every read on the pool. */
  DB_READ_CONNECTIONS: z.coerce.number().int().min(0).max(32).default(2),
  /**
   * Processes of the portal's server on this machine, sharing its port. Unset: one per core on a
   * PostgreSQL server, one on PGlite (src/server/portal-processes.ts).
   */
  PORTAL_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
  /** Page renders (GET, HEAD) at once per process, the rest wait in turn (src/server/http/render-gate.ts); 0: no limit. */
  RENDER_CONCURRENCY: z.coerce.number().int().min(0).max(1000).default(12),
  /** Uploads (a document, a message's file) checked and stored at once per process, the rest wait in turn (src/server/http/upload-turns.ts). */
  UPLOADS_AT_ONCE: z.coerce.number().int().min(1).max(64).default(2),
  /** How long an upload waits for its turn before it is told to come back (503, Retry-After). */
  UPLOAD_TURN_WAIT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** Reads and searches of patient data per account and minute (src/server/fhir/read-limit.ts). */
  READS_PER_MINUTE: z.coerce.number().int().min(10).max(100_000_000).default(300),
  /**
   * Reverse proxies in front of the portal that append the client's address to
   * X-Forwarded-For. 0: the header is ignored and the socket's peer is the client.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** The mail server the outbox worker sends through; without it, e-mails are .eml files under DATA_DIR/outbox. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("Espace santé <ne-pas-repondre@espace-sante.example>"),
  /**
   * How to reach the service's assistance, as the sign-in's help and the recovery e-mail print it
   * (a telephone number with its hours, or an address): the one way back for a person who lost
   * both her second factor and her recovery codes (accounts/recover-account.ts).
   */
  ASSISTANCE_CONTACT: z.string().trim().min(3).max(200).default("assistance@espace-sante.example"),
  /** "off": this process does not drain the outbox (another one, `npm run mail:worker`, does). */
  MAIL_WORKER: z.enum(["on", "off"]).default("on"),
  /** "off" leaves the daily jobs (prevention reminders, majority handovers) to their commands. */
  DAILY_JOBS: z.enum(["on", "off"]).default("on"),
  /** "off": page views go through Next's router instead of straight to their entry points (src/server/http/direct-pages.ts). */
  DIRECT_PAGES: z.enum(["on", "off"]).default("on"),
  /** How long a worker's claim on an e-mail lasts: after a crash, its e-mails wait this long to be taken again. */
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
});

const schema = variables
  .superRefine((env, ctx) => {
    if (env.APP_ENV === "production") {
      // A production address cannot be guessed: links and redirects must name the real one.
      for (const key of ["DATABASE_URL", "AUTH_SECRET", "STORAGE_KEY", "APP_URL"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "obligatoire en production" });
      }
    }
    if ((env.PORTAL_PROCESSES ?? 1) > 1 && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["PORTAL_PROCESSES"], message: "plusieurs processus demandent DATABASE_URL (PGlite : un seul processus par dossier)" });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET vont ensemble",
      });
    }
  })
  .transform((env) => ({
    ...env,
    // Outside production, the address follows the port: `PORT=4000 npm start` signs in on :4000.
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    /** Whether APP_URL was given; when not, a loopback address the page was reached on wins. */
    APP_URL_SET: env.APP_URL !== undefined,
  }));

export type Env = z.output<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings (as docker compose passes unset variables) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The variables the app reads; docker-compose.yml is checked against this list in tests. */
export const ENV_KEYS = Object.keys(variables.shape);
