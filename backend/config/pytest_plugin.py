"""Loaded by pytest before pytest-django reads settings (see addopts in pyproject.toml)."""

import os

os.environ.setdefault("DJANGO_ENV", "test")
