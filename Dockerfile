# beian for the scale-out deployment (docs/scale-out.md): one image for workers, the dashboard and
# one-off commands. Everything is installed at build time; nothing downloads when it runs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts=false
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json NOTICE ./
COPY bin ./bin
COPY data ./data
COPY schema ./schema
COPY examples ./examples
RUN ln -s /app/bin/beian.js /usr/local/bin/beian
USER node
ENTRYPOINT ["node", "/app/bin/beian.js"]
CMD ["--help"]
