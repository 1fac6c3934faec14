# Dalil service image: CPU only, models from PyPI packages, data in a volume. One image for every role
# of compose.yaml: the web workers (default command), the background worker (`dalil worker`) and the
# one-shot preparation (`dalil migrate && dalil ingest`).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DALIL_DATA_DIR=/data DALIL_KNOWLEDGE_DIR=/app/knowledge DALIL_ENV=production \
    HOST=0.0.0.0 PORT=8000 WEB_CONCURRENCY=2

# ffmpeg libraries come with PyAV wheels; curl is for the health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY bot ./bot
COPY ingest ./ingest
COPY web ./web
COPY knowledge ./knowledge
# .[postgres]: psycopg for DALIL_DATABASE_URL=postgresql+psycopg://… (the migrations ship inside bot/).
RUN pip install '.[postgres]' && useradd --create-home --uid 10001 dalil \
    && mkdir -p /data && chown -R dalil /data /app/knowledge

USER dalil
VOLUME ["/data"]
EXPOSE 8000
# Readiness: 200 once the knowledge base is loaded (a vector store that is away does not fail it).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health" || exit 1
# Serve with WEB_CONCURRENCY workers; `dalil serve` migrates the schema and indexes what is missing
# first, once. DALIL_HASH_SALT and DALIL_SESSION_SECRET must be set in production.
CMD ["sh", "-c", "exec dalil serve --host \"$HOST\" --port \"$PORT\" --workers \"$WEB_CONCURRENCY\""]
