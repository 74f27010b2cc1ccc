# telephony-sandbox as a container: `docker run -p 8080:8080 telephony-sandbox`
FROM python:3.11-slim

WORKDIR /app
COPY pyproject.toml README.md ./
COPY sandbox ./sandbox
COPY contracts ./contracts
RUN pip install --no-cache-dir . && useradd --system --uid 10001 sandbox
USER sandbox

# The production server: gunicorn, one process (the state lives in it), many threads.
ENV SANDBOX_SERVER=gunicorn \
    SANDBOX_HOST=0.0.0.0 \
    SANDBOX_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/__sandbox/health')"
ENTRYPOINT ["telephony-sandbox"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
