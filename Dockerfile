# The portal as a container: the portal's server (src/server/portal-server.ts: Next, with the
# FHIR API answered directly) on Node 20, run as an unprivileged user. Migrations are applied by
# the app when it opens the database (src/server/db/migrate.ts), so the image carries
# prisma/migrations beside the server. Next's standalone output is not used: it brings its own
# server.js, which would serve the API through Next's router at a third of the speed (issue 3).
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/prisma-generate.mjs
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS run
WORKDIR /app
# MALLOC_ARENA_MAX=2: glibc's malloc arenas, 2 rather than 8 per core (src/server/portal-server.ts).
ENV NODE_ENV=production APP_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 MALLOC_ARENA_MAX=2
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
# Next runs on the configuration its build wrote (src/server/http/built-next-config.ts); these two
# are what it would compile instead, were that missing (it takes the security headers from this module).
COPY --from=build --chown=node:node /app/next.config.ts ./next.config.ts
COPY --from=build --chown=node:node /app/src/server/http/security-headers.ts ./src/server/http/security-headers.ts
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-semi-space-size=16", "--max-old-space-size=256", ".next/portal-server.mjs"]
