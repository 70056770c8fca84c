# beian for the scale-out deployment (docs/scale-out.md): one image for workers, the dashboard and
# one-off commands. Everything is installed at build time; nothing downloads when it runs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
# what `npm run build` reads (npm ci runs it as `prepare`): the sources, the build scripts
# (dist/vendor bundles, the WebAssembly loop, the KB / lexicon / PII snapshots) and the data they compile
COPY src ./src
COPY scripts ./scripts
COPY data ./data
RUN npm ci --ignore-scripts=false && npm prune --omit=dev

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
