import os
import sys

from django.core.wsgi import get_wsgi_application

from config.tracing import tracing_instrument, tracing_provider_setup

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# Before the handler is built: the Django instrumentation adds its middleware to the settings.
tracing_instrument()
application = get_wsgi_application()
# Under gunicorn the provider comes in each worker after the fork (post_fork, gunicorn.conf.py), as
# --preload builds this module in the master; elsewhere (runserver) this process serves, so now.
if "gunicorn.arbiter" not in sys.modules:
    tracing_provider_setup()
