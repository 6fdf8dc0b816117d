# syntax=docker/dockerfile:1
# Pagewright production image: `docker build -t pagewright .` then
#   docker run -p 3000:3000 -e SESSION_SECRET=... -e CONFLUENCE_BASE_URL=... pagewright
# See README.md, "Deploy", for every variable. e2e/deploy/docker-recipe.deploy.ts proves this
# recipe without Docker: it copies exactly the files named by the COPY lines of the final stage
# and starts them with this CMD.

# ---- build: full dependencies, compile the standalone server ----
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- run: only the standalone output and the static assets, as a non-root user ----
FROM node:24-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/lib/server/pagewright-server.js ./pagewright-server.js
# Without REDIS_URL the list of signed-out sessions is kept here (PAGEWRIGHT_DATA_DIR, default
# data/ in the working folder): mount a volume so a new container still refuses old cookies.
RUN install -d -o node -g node -m 700 /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
# Liveness only: readiness (?ready=1) depends on Confluence and belongs to the orchestrator.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains: requests in flight finish (up to PAGEWRIGHT_SHUTDOWN_GRACE_MS, 25 s), new ones
# get 503. Give `docker stop` / Kubernetes more than that (e.g. `docker stop -t 30`).
STOPSIGNAL SIGTERM
CMD ["node", "pagewright-server.js"]
