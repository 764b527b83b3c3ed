# Louguanjia (楼管家) as a container: `docker compose up -d` (compose.yaml) with a .env beside it.
# Node 20, as the project requires; better-sqlite3 builds here when no prebuilt binary fits.
FROM node:20-bookworm-slim

WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .

# The database lives in var/ (a volume: it must outlive the container); /healthz on 8080.
ENV NODE_ENV=production TRIAGE_HEALTH_PORT=8080 TZ=Asia/Shanghai
EXPOSE 8080
VOLUME ["/app/var"]

CMD ["npm", "start"]
