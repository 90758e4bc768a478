#!/usr/bin/env bash
# Renders a faultline HTML report to PNG with headless Chromium, to look at it as a reviewer
# would.  Not part of CI (Chromium is large).   [HEIGHT=PX] scripts/render-html.sh PAGE.html OUT.png
set -euo pipefail
page=$(realpath "$1"); png=$(realpath -m "$2")
if ! command -v chromium >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
fi
# Chromium talks a lot about D-Bus on a server; its log is shown only when no PNG came out.
log=$(mktemp); trap 'rm -f "$log"' EXIT
rm -f "$png"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,"${HEIGHT:-2000}" \
  --screenshot="$png" "file://$page" >"$log" 2>&1 || true
if [ ! -s "$png" ]; then cat "$log" >&2; echo "render-html: no PNG written" >&2; exit 1; fi
echo "$png"
