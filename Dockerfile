# Dalil service image: CPU only, models from PyPI packages, data in a volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DALIL_DATA_DIR=/data DALIL_KNOWLEDGE_DIR=/app/knowledge DALIL_ENV=production \
    HOST=0.0.0.0 PORT=8000

# ffmpeg libraries come with PyAV wheels; curl is for the health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY ingest ./ingest
COPY web ./web
COPY knowledge ./knowledge
RUN pip install . && useradd --create-home --uid 10001 dalil && mkdir -p /data && chown dalil /data

USER dalil
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health" || exit 1
# Build (or update) the index in the volume, then serve. DALIL_HASH_SALT must be set in production.
CMD ["sh", "-c", "dalil ingest && exec dalil serve --host \"$HOST\" --port \"$PORT\""]
