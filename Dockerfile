# telephony-sandbox as a container: `docker run -p 8080:8080 telephony-sandbox`
# Every SANDBOX_* variable works (`-e SANDBOX_PORT=9000`, `-e SANDBOX_TLS=1`, ...): the command below
# sets no flag that would win over one.
FROM python:3.12.8-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The dependencies (and the build backend) alone first: a change of the code downloads nothing again.
COPY pyproject.toml ./
RUN python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb')); \
print('\n'.join(p['build-system']['requires'] + p['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY README.md LICENSE ./
COPY contracts ./contracts
COPY sandbox ./sandbox
RUN pip install --no-deps --no-build-isolation . \
    && useradd --system --uid 10001 --user-group --home-dir /nonexistent --no-create-home sandbox \
    && mkdir -p /data \
    && chown 10001:10001 /data

# State, when SANDBOX_DATA points here: `-v state:/data -e SANDBOX_DATA=/data/state.json`.
VOLUME ["/data"]
USER 10001:10001

# `serve` runs its production server, gunicorn (one process: the state lives in it; many threads).
ENV SANDBOX_HOST=0.0.0.0 \
    SANDBOX_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-m", "sandbox.healthcheck"]
ENTRYPOINT ["telephony-sandbox"]
CMD ["serve"]
