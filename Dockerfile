# syntax=docker/dockerfile:1
# One image for the three apps: `docker run <image> api | worker | dashboard` (or `hash-password`).
# Build: docker build -t jobq .    Run the stack: docker compose up (see compose.yaml).

FROM node:24-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so a change to the code reuses the installed layer.
COPY package.json package-lock.json .npmrc ./
COPY libs/queue-core/package.json libs/queue-core/index.js libs/queue-core/
COPY libs/http/package.json libs/http/index.js libs/http/
COPY libs/worker/package.json libs/worker/index.js libs/worker/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    API_HOST=0.0.0.0 \
    DASHBOARD_HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
# The workspace packages (@jobq/*) resolve through these to the compiled code in dist/.
COPY --from=build /app/libs/queue-core/package.json /app/libs/queue-core/index.js libs/queue-core/
COPY --from=build /app/libs/http/package.json /app/libs/http/index.js libs/http/
COPY --from=build /app/libs/worker/package.json /app/libs/worker/index.js libs/worker/
COPY scripts/container-entrypoint.sh /usr/local/bin/jobq
# The node image's unprivileged user; the app writes nothing to the image.
USER node
EXPOSE 3000 3001
# exec form, and the entry point execs node: the app is PID 1 and gets SIGTERM itself (a worker
# drains its active jobs within WORKER_GRACE_MS, then exits 0).
ENTRYPOINT ["jobq"]
CMD ["api"]
