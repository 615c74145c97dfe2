# Assistant IA — production image: slim Python, non-root, one volume for data/.
# Build:  docker build -t assistant-ia .
# Run:    docker run -v assistant-data:/data -v ./config.toml:/config/config.toml:ro \
#           -e ASSISTANT__MATRIX__PASSWORD=… -e ASSISTANT__LLM__API_KEY=… assistant-ia
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY devtools ./devtools
# The project itself (its dependencies are bounded in pyproject.toml), with French NER for the
# personal-data guard.
# hadolint ignore=DL3013
RUN pip install --no-cache-dir --prefix=/install ".[privacy-ner]"

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
# In the mounted config, use absolute paths under /data:
#   [matrix] store_dir = "/data/matrix"   [storage] database = "/data/assistant.sqlite3"
ENTRYPOINT ["assistant-ia"]
CMD ["run", "--config", "/config/config.toml"]
