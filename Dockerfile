# Assistant IA — production image: slim Python, non-root, one volume for data/.
# Build:  docker build -t assistant-ia:0.1.0 .   (the version in pyproject.toml)
# Run:    docker run -v assistant-data:/data -v ./deploy/config.toml:/config/config.toml:ro \
#           -e ASSISTANT__MATRIX__PASSWORD=… -e ASSISTANT__LLM__API_KEY=… assistant-ia:0.1.0
# Or:     docker compose -f docker-compose.example.yml up -d   (the bot and a SearXNG service)
# Every package comes from requirements/*.lock, pinned and hash-checked (`make lock` updates them).
FROM python:3.11-slim AS build
# One virtual environment, copied whole into the final image: exactly the locked packages, and
# none of the base image's own (its pip, its setuptools) mixed with them.
ENV VIRTUAL_ENV=/opt/assistant-ia
ENV PATH="$VIRTUAL_ENV/bin:$PATH"
WORKDIR /src
COPY requirements/*.lock ./requirements/
# pip itself, pinned and hashed (requirements/pip.lock): the build does not depend on the pip
# the base image happens to bring (before 23.3, pip mismatched some extras, see pyproject.toml).
RUN python -m venv "$VIRTUAL_ENV" \
    && pip install --no-cache-dir --require-hashes -r requirements/pip.lock
# The dependencies, every one pinned and hashed (make lock), in their own layer: editing the
# code does not reinstall them. With French NER for the personal-data guard by default;
# `--build-arg EXTRAS=` builds without spaCy (names found by rules only, run-base.lock): about
# 300 MB smaller.
ARG EXTRAS=privacy-ner
RUN case "$EXTRAS" in \
        privacy-ner) lock=run.lock ;; \
        "") lock=run-base.lock ;; \
        *) echo "EXTRAS is privacy-ner or empty, not '$EXTRAS'" >&2; exit 1 ;; \
    esac \
    && pip install --no-cache-dir --require-hashes -r "requirements/$lock"
# The project itself, without dependencies (the lock holds them all). devtools, tests and
# benchmarks stay out (.dockerignore). Byte-code is compiled here so the non-root user never
# needs to write it.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
RUN pip install --no-cache-dir --no-deps . \
    && python -m compileall -q "$VIRTUAL_ENV"

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/opt/assistant-ia/bin:$PATH"
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin assistant \
    && mkdir -p /data /config \
    && chown assistant /data
COPY --from=build /opt/assistant-ia /opt/assistant-ia
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
