# The client's static build behind nginx, proxying /api to the api replicas.
# Build from the repository root: docker build -f docker/client.Dockerfile -t xueshi-client .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY shared shared
COPY client client
RUN npm run build -w @xueshi/client

# 1.28 (stable): docker/nginx.upstream.compose.conf needs `server … resolve`, open source since 1.27.3
FROM nginx:1.28-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/nginx.upstream.conf /etc/nginx/xueshi/upstream.conf
COPY --from=build /app/client/dist /usr/share/nginx/html
