#!/usr/bin/env bash
# Regenerates docs/bpmn/*.svg and *.png from bpmn/*.bpmn with bpmn-js (what Camunda Modeler draws) in
# the system's headless Chromium. Needs Node 18+ and Chromium (Debian: apt-get install chromium);
# puppeteer's own browser download is skipped. Fails if bpmn-js reports an import warning or draws a
# label outside the bounds stored in the file (the layout test, BpmnDiagramLayoutTest, trusts those).
set -euo pipefail
cd "$(dirname "$0")/render"
export PUPPETEER_SKIP_DOWNLOAD=1
export PUPPETEER_EXECUTABLE_PATH="${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}"
[ -d node_modules ] || npm ci --no-audit --no-fund
rm -f ../*.svg ../*.png
node render.mjs --check-labels
