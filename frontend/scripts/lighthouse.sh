#!/usr/bin/env bash
# Lighthouse scores (desktop and mobile presets) for the pages given, against a running
# production build (`npm run build && npx next start`) with the backend up.
#   scripts/lighthouse.sh http://localhost:3000/ http://localhost:3000/articles/demo-1
# Uses Debian's Chromium; Lighthouse 12 is the last major that runs on Node 20.
# LIGHTHOUSE_KEEP=DIR keeps each JSON report there (e.g. the layout-shifts audit's details).
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: $0 URL [URL ...]" >&2; exit 2; }
chrome="${CHROME_PATH:-/usr/bin/chromium}"
flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic"
out="${LIGHTHOUSE_KEEP:-}"
if [ -n "$out" ]; then mkdir -p "$out"; else out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT; fi
printf '| page | preset | performance | accessibility | best practices | SEO | CLS |\n|---|---|---|---|---|---|---|\n'
n=0
for url in "$@"; do
  n=$((n + 1))
  for preset in desktop mobile; do
    report="$out/$(date +%H%M%S)-$n-$preset.json"
    preset_flag=()
    [ "$preset" = desktop ] && preset_flag=(--preset=desktop)
    CHROME_PATH="$chrome" npx --yes lighthouse@12.8.2 "$url" "${preset_flag[@]}" --quiet \
      --output=json --output-path="$report" --chrome-flags="$flags" >/dev/null
    # shellcheck disable=SC2016 # a JavaScript program: $ is template syntax, not the shell's
    node -e '
      const r = require(process.argv[1]); const c = r.categories;
      const s = (k) => Math.round(c[k].score * 100);
      console.log(`| ${process.argv[2]} | ${process.argv[3]} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} | ${r.audits["cumulative-layout-shift"].displayValue} |`);
    ' "$report" "$url" "$preset"
  done
done
