# syntax=docker/dockerfile:1
# Firewatch's container image: `docker build -t firewatch .`, then run it with the app's
# credentials (README: "Container image"). Three stages, so the image holds the compiled app
# and its production dependencies only: no TypeScript, no sources, no tests.

# 1. build: every dependency (TypeScript is a dev one), then src/ → lib/.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: "prepare" would build before the sources are here; it runs below instead.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# 2. deps: production dependencies only (none of them has an install script to skip).
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. the image.
FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/lib ./lib
# app.yml: the setup page registers the app from it; templates/: the default report templates.
COPY package.json app.yml ./
COPY templates ./templates
# The unprivileged user the node image provides (uid 1000); nothing in /app is writable by it.
USER node
EXPOSE 3000
# Probot answers GET /ping with "PONG". The slim image has no curl: Node's own fetch asks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `npm start` without its prestart build (lib/ is built already, and npm would stand between
# the process and the signals docker sends): the preflight checks REDIS_URL before Probot starts.
CMD ["node", "--import", "./lib/coordination/preflight.js", "node_modules/probot/bin/probot.js", "run", "./lib/index.js"]
