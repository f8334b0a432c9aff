# One image for the api and the worker: `node server/dist/server/src/main.js` or `.../worker.js`.
# Build from the repository root: docker build -f docker/server.Dockerfile -t xueshi-server .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY shared shared
COPY server server
COPY migrations migrations
RUN npm run build -w @xueshi/shared && npm run build -w @xueshi/server \
 && npm prune --omit=dev --workspace @xueshi/server --workspace @xueshi/shared

FROM node:20-bookworm-slim
# ffmpeg: transcoding; poppler-utils: reading PDF courseware; chromium + a CJK font: printing the training archives
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg poppler-utils chromium fonts-noto-cjk tini && rm -rf /var/lib/apt/lists/*
ENV CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/shared/package.json shared/
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/dist server/dist
COPY docker/healthcheck.cjs docker/healthcheck.cjs
# Writable places for the unprivileged user: tus keeps partial uploads in UPLOAD_DIR (share it between
# api replicas: docker/compose.yaml mounts one volume there), MEDIA_DIR is used only with STORAGE_DRIVER=local.
# The relative defaults of server/src/config/env.ts would point into /app, which `node` cannot write.
RUN mkdir -p /data/uploads /data/media && chown -R node:node /data
ENV UPLOAD_DIR=/data/uploads MEDIA_DIR=/data/media
USER node
EXPOSE 3000
ENTRYPOINT ["tini", "--"]
# migrations run once per deploy: node server/dist/server/src/database/migrate.js
# the worker: node server/dist/server/src/worker.js; health: node docker/healthcheck.cjs api|worker
CMD ["node", "server/dist/server/src/main.js"]
