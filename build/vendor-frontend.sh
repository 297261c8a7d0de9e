#!/usr/bin/env bash
# Re-creates the vendored browser libraries under src/IessClave.Web/wwwroot/lib/.
# Node/npm are needed only by whoever runs this; the copied files are committed, so neither the app
# nor CI ever runs it (no Node at run time, no CDN).
#
# Usage: build/vendor-frontend.sh [npm-package ...]     (no argument: every package listed at the bottom)
# To add a library: add one `vendor` line below, run the script for it, update wwwroot/lib/README.md, commit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib="$root/src/IessClave.Web/wwwroot/lib"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
wanted=("$@")

# vendor NPM_PACKAGE EXACT_VERSION LIB_FOLDER 'path/in/package:path/in/folder' ...
vendor() {
  local pkg=$1 version=$2 folder=$3
  shift 3
  if [[ ${#wanted[@]} -gt 0 && ! " ${wanted[*]} " == *" $pkg "* ]]; then return 0; fi
  local work="$scratch/${folder//\//_}"
  mkdir -p "$work"
  (cd "$work" && npm init -y >/dev/null &&
    npm install --ignore-scripts --no-audit --no-fund --save-exact "$pkg@$version" >/dev/null)
  local src="$work/node_modules/$pkg"
  rm -rf "${lib:?}/$folder"
  local pair from to
  for pair in "$@"; do
    from=${pair%%:*}
    to=${pair#*:}
    mkdir -p "$(dirname "$lib/$folder/$to")"
    cp "$src/$from" "$lib/$folder/$to"
  done
  echo "vendored $pkg@$version -> wwwroot/lib/$folder"
}

# ALTCHA proof-of-work widget. The "external" build keeps CSS and the worker in separate files, so a strict
# Content-Security-Policy (no inline styles, no blob:/data: workers) works; wwwroot/js/robot-check.js wires them.
vendor altcha 3.2.2 altcha \
  dist/external/altcha.min.js:altcha.min.js \
  dist/external/altcha.css:altcha.css \
  dist/workers/sha.js:workers/sha.js \
  dist/i18n/es-419.js:i18n/es-419.js \
  LICENSE.txt:LICENSE.txt

# ASP.NET Core SignalR browser client (live queue and agent console). MIT; the package ships no licence
# file, so its package.json (which names the licence) is kept beside it.
vendor @microsoft/signalr 10.0.11 signalr \
  dist/browser/signalr.min.js:signalr.min.js \
  package.json:package.json
