# The one entry point for developer commands. `make` lists them.
.DEFAULT_GOAL := help
SHELL := /usr/bin/env bash
MANAGE := scripts/manage.sh

.PHONY: help setup dev dev-worker test test-backend test-frontend e2e lint fmt migrate superuser seed role \
	schema schema-check client client-check messages bench bench-site lighthouse screenshots infra-check \
	images images-smoke

help: ## List the commands
	@grep -E '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

setup: ## Install backend and frontend dependencies and migrate the local database
	@scripts/setup.sh

dev: ## Run API (:8000) and web app (:3000) on embedded defaults; other ports: make dev API_PORT=8010 WEB_PORT=3010
	@scripts/dev.sh

dev-worker: ## Run a Celery worker and beat against CELERY_BROKER_URL
	@scripts/manage.sh celery -A config worker -Q emails,default,low -B --loglevel INFO

test: test-backend test-frontend ## Run backend tests (with coverage) and frontend lint, types and unit tests

test-backend: ## Run the backend test suite with coverage
	@scripts/test-backend.sh

test-frontend: ## Lint, type-check and unit-test the frontend
	@scripts/test-frontend.sh

e2e: ## Run the browser end-to-end tests (Chromium) against a real backend
	@scripts/e2e.sh

lint: ## Lint and type-check backend and frontend, check for missing migrations
	@scripts/lint.sh

fmt: ## Format backend and frontend code in place
	@scripts/fmt.sh

migrate: ## Apply database migrations
	@$(MANAGE) python manage.py migrate

superuser: ## Create an admin account
	@$(MANAGE) python manage.py createsuperuser

seed: ## Load demo content, an editor and a demo user
	@$(MANAGE) python manage.py seed

role: ## Give an account a newsroom role: make role EMAIL=ana@example.com ROLE=Editors (Authors, Editors, Moderators)
	@$(MANAGE) python manage.py role_assign "$(EMAIL)" "$(ROLE)"

schema: ## Regenerate the committed OpenAPI schema (backend/openapi.yaml)
	@scripts/schema.sh

schema-check: ## Fail when backend/openapi.yaml is stale
	@scripts/schema.sh --check

client: ## Regenerate the frontend API types from the OpenAPI schema
	@scripts/client.sh

client-check: ## Fail when the frontend API types are stale
	@scripts/client.sh --check

messages: ## Update the backend's translation catalogs (backend/locale) from the marked strings
	@scripts/messages.sh

bench: ## Load-test the API under gunicorn and print requests/s, p50, p99 against a baseline
	@bench/run.sh

bench-site: ## Requests/s of the Next.js server for a cached article page (bench/site.sh)
	@bench/site.sh

lighthouse: ## Lighthouse scores of home and an article; needs a running production build (docs/frontend.md)
	@cd frontend && scripts/lighthouse.sh $(or $(LIGHTHOUSE_URLS),http://localhost:$(or $(WEB_PORT),3000)/ http://localhost:$(or $(WEB_PORT),3000)/articles/demo-1)

screenshots: ## Retake docs/img/account-*.png and editors-*.png (light and dark) from a running seeded stack (make dev; same API_PORT, WEB_PORT)
	@cd frontend && ADMIN_SITE_URL="$${ADMIN_SITE_URL:-http://localhost:$(or $(API_PORT),8000)}" \
		node scripts/screenshots.mjs http://localhost:$(or $(WEB_PORT),3000)

# [copier] if docs_site
.PHONY: docs
docs: ## Serve the documentation site on http://127.0.0.1:8001
	@infra/scripts/docs-serve.sh

# [copier] end
infra-check: ## Validate compose files, Dockerfiles, workflows, shell scripts and the rest docs/ci.md lists, statically
	@infra/scripts/validate.sh

images: ## Build the backend and frontend production images with Docker or Podman (docs/deployment.md)
	@infra/scripts/images.sh

images-smoke: images ## Run the production stack from those images and check it (health, one origin, a task, shutdown)
	@infra/scripts/images-smoke.sh

# [copier] if template

.PHONY: test-template test-template-matrix
test-template: ## Template: render the default answers (own make test, no starter name left), update, secrets
	@template/run-tests.sh -m "not matrix"

test-template-matrix: ## Template: render three answer sets and check each (ruff, mypy, tsc, backend tests, infra-check)
	@template/run-tests.sh -m matrix
# [copier] end
