#!/usr/bin/env bash
# Browser tests: Playwright drives Debian's Chromium against a real backend the test run starts.
# frontend/e2e/start-backend.mjs drops and creates the e2e database (E2E_DATABASE_URL) and runs
# a Celery worker with beat on RabbitMQ (E2E_CELERY_BROKER_URL, else CELERY_BROKER_URL, else the
# machine's 127.0.0.1:5672); the processes share the content cache in Redis (E2E_CONTENT_REDIS_URL,
# else 127.0.0.1:6379/0):
# Services: postgresql rabbitmq redis
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
if [ ! -x /usr/bin/chromium ]; then
  echo "==> Installing Chromium (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; else
    echo "Install Chromium first: sudo apt-get install chromium" >&2; exit 1; fi
fi
backend_sync
frontend_install
cd "$FRONTEND" || exit 1
npm run e2e
