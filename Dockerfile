# Assistant IA — production image: slim Python, non-root, one volume for data/.
# Build:  docker build -t assistant-ia .
# Run:    docker run -v assistant-data:/data -v ./deploy/config.toml:/config/config.toml:ro \
#           -e ASSISTANT__MATRIX__PASSWORD=… -e ASSISTANT__LLM__API_KEY=… assistant-ia
# Or:     docker compose -f docker-compose.example.yml up   (the bot and a SearXNG service)
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY devtools ./devtools
# The project itself (its dependencies are bounded in pyproject.toml), with French NER for the
# personal-data guard. Byte-code is compiled here so the non-root user never needs to write it.
# `--build-arg EXTRAS=` builds without spaCy (names found by rules only): about 300 MB smaller.
ARG EXTRAS=privacy-ner
# hadolint ignore=DL3013
RUN pip install --no-cache-dir --prefix=/install ".${EXTRAS:+[$EXTRAS]}" \
    && python -m compileall -q /install

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin assistant \
    && mkdir -p /data /config \
    && chown assistant /data
COPY --from=build /install /usr/local
USER 10001
WORKDIR /data
# Database and Matrix store (encryption keys): losing this volume breaks encryption for users.
VOLUME ["/data"]
# The config is mounted read-only at /config/config.toml, with absolute paths under /data
# (deploy/config.toml); secrets come from the environment (ASSISTANT__SECTION__KEY).
# The ops listener must listen on the container's interface for probes: [ops] http_host.
EXPOSE 9100
# Liveness only: /readyz also fails when the model server is down, and a restart cannot fix that.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9100/healthz', timeout=4)"]
# SIGTERM: answers in flight get [ops] shutdown_grace (8 s) to finish, below Docker's 10 s.
STOPSIGNAL SIGTERM
ENTRYPOINT ["assistant-ia"]
CMD ["run", "--config", "/config/config.toml"]
