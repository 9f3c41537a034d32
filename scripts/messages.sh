#!/usr/bin/env bash
# Updates the backend's catalogs (backend/locale/<language>/LC_MESSAGES/django.po) for every
# language in settings.LANGUAGES from the strings marked for translation; new entries come
# with an empty msgstr to fill in. Compiling them is part of every make command (lib.sh).
# Services: none
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
backend_sync
cd "$BACKEND" || exit 1
read -ra languages < <("$UV" run python manage.py shell --no-imports --command \
  "from django.conf import settings; print(' '.join(code for code, _name in settings.LANGUAGES))")
args=()
for language in "${languages[@]}"; do args+=(--locale "$language"); done
# File names without line numbers: moving code does not rewrite the catalogs.
"$UV" run python manage.py makemessages "${args[@]}" --add-location file --verbosity 1
"$UV" run python manage.py compilemessages --ignore .venv --verbosity 0
