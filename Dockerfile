# syntax=docker/dockerfile:1
# Một Cửa: one image for the API and the worker (ROLE=api|worker|all). Multi-stage: dependencies and the web build
# happen in throw-away stages; the final stage holds production dependencies, the sources (run by tsx) and web/dist,
# and runs as the unprivileged "node" user.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY server/package.json server/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY tsconfig.base.json ./
COPY contracts contracts
COPY web web
RUN npm run build --workspace web

FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY server/package.json server/
COPY web/package.json web/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/motcua \
    SEED_DEMO=false
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app/node_modules node_modules
COPY --chown=node:node package.json tsconfig.base.json ./
COPY --chown=node:node contracts contracts
COPY --chown=node:node server server
COPY --from=build --chown=node:node /app/web/dist web/dist
COPY --chown=node:node web/package.json web/
RUN mkdir -p /var/lib/motcua && chown node:node /var/lib/motcua
USER node
VOLUME ["/var/lib/motcua"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --retries=5 \
  CMD ["node", "server/bin/healthcheck.mjs"]
ENTRYPOINT ["node", "server/bin/motcua.mjs"]
CMD ["serve"]
