#!/usr/bin/env bash
# Renders a faultline HTML report to PNG with headless Chromium, to look at it as a reviewer
# would.  Not part of CI (Chromium is large).   scripts/render-html.sh PAGE.html OUT.png
set -euo pipefail
page=$(realpath "$1"); png=$(realpath -m "$2")
if ! command -v chromium >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
fi
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2000 \
  --screenshot="$png" "file://$page" >&2
echo "$png"
