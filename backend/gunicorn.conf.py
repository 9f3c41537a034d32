"""gunicorn settings beside the command line of the image (backend/Dockerfile); gunicorn reads
./gunicorn.conf.py by itself. https://docs.gunicorn.org/en/stable/settings.html

nginx refuses oversized request lines and headers in the problem format (infra/nginx/default.conf:
a line or one header at most 4 KiB, all of them at most 4 x 4 KiB). gunicorn's own limits are set
to its maximums, above nginx's, so that it never answers its own HTML 400/414/431 to a request
nginx let through: the default 100 header lines could be exceeded by small headers within nginx's
bytes, and the default request line (4094) would equal nginx's instead of being above it.
"""

from typing import Any

limit_request_line = 8190
limit_request_fields = 32768
limit_request_field_size = 8190

# gunicorn 25.1+ opens a control socket for `gunicornc` under $XDG_RUNTIME_DIR or $HOME/.gunicorn:
# the image's user has no home and a read-only root, so every start logged "Control server error:
# Read-only file system". Nothing here uses gunicornc; signals (TERM, HUP, TTIN/TTOU) still work.
control_socket_disable = True


def post_fork(server: Any, worker: Any) -> None:
    """Installs the tracer provider in each worker: its export thread and connections must not be
    made in the master and cross the fork (config/tracing.py)."""
    # Only for this project's application: bench/run.sh serves a bare Django project with these settings too.
    if getattr(server.app, "app_uri", None) != "config.wsgi:application":
        return
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from config.tracing import tracing_provider_setup

    tracing_provider_setup()
