#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fetches the models and corpora of resources/models.manifest that are missing under DEST (default: the
# project folder, so models/… and corpora/…): from each file's pinned upstream SOURCE, or from
# $DLLAB_MODEL_MIRROR/PATH when that is set (a folder, or a file://, http:// or https:// URL laid out like the
# manifest's paths: a copy of a filled models/ and corpora/). Each file is written to PATH.part, its size and
# sha256 checked against the manifest, and only then renamed to PATH; a file that differs is refused with one
# sentence and not installed. Files already present and equal to the manifest are kept (links to ../shared
# included). Run by scripts/setup.sh, never at run time.
# usage: scripts/fetch-models.sh [--dest DIR] [--manifest FILE] [--check]
#   --check  fetch nothing: say which files are missing or differ (exit 1 if any)
# exit: 0 when every file is present and verified, 1 otherwise (each problem said on stderr), 2 for bad usage.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
DEST="" MANIFEST="" CHECK=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dest) DEST="${2:-}"; shift ;;
    --manifest) MANIFEST="${2:-}"; shift ;;
    --check) CHECK=1 ;;
    -h|--help) sed -n '3,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fetch: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
# The manifest: given, else the project's, else the installed one (share/dllab beside bin/).
if [ -z "$MANIFEST" ]; then
  for m in "$here/../resources/models.manifest" "$here/../share/dllab/models.manifest" "$here/models.manifest"; do
    [ -f "$m" ] && { MANIFEST="$m"; break; }
  done
fi
[ -f "$MANIFEST" ] || { echo "fetch: no manifest found (resources/models.manifest); pass --manifest FILE" >&2; exit 2; }
[ -n "$DEST" ] || DEST="$(cd "$here/.." && pwd)"
mkdir -p "$DEST" || { echo "fetch: cannot create the folder $DEST" >&2; exit 2; }
for tool in curl sha256sum tar; do
  command -v "$tool" >/dev/null || { echo "fetch: $tool is needed; install it (apt-get install -y $tool)" >&2; exit 2; }
done

MIRROR="${DLLAB_MODEL_MIRROR:-}"
if [ -n "$MIRROR" ] && [[ ! "$MIRROR" =~ ^(file|https?):// ]]; then # a folder
  [ -d "$MIRROR" ] || { echo "fetch: DLLAB_MODEL_MIRROR=$MIRROR is neither a folder nor a file://, http:// or https:// URL" >&2; exit 2; }
  MIRROR="file://$(cd "$MIRROR" && pwd)"
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# download URL OUT: one file; curl reads file:// too. Quiet; the caller says what failed.
download() { curl -fsSL --connect-timeout 15 --max-time 600 --retry 2 -o "$2" "$1" 2>"$tmp/curl.err"; }

# source_to PATH SOURCE OUT: writes the file's bytes to OUT (from the mirror, the URL, or a .tgz member).
source_to() {
  local path="$1" src="$2" out="$3"
  if [ -n "$MIRROR" ]; then download "${MIRROR%/}/$path" "$out"; return; fi
  case "$src" in
    *#*)
      local url="${src%%#*}" member="${src#*#}" key
      key="$tmp/$(printf '%s' "$url" | sha256sum | cut -c1-16).tgz"
      [ -f "$key" ] || download "$url" "$key" || { rm -f "$key"; return 1; }
      tar -xzf "$key" -O "$member" > "$out" 2>"$tmp/curl.err" ;;
    *) download "$src" "$out" ;;
  esac
}

present=0 fetched=0 failed=0
while read -r -u 3 path bytes sha src rest; do
  case "$path" in ''|'#'*) continue ;; esac
  if [ -z "$src" ] || [ -n "$rest" ] || [[ ! "$bytes" =~ ^[0-9]+$ ]] || [[ ! "$sha" =~ ^[0-9a-f]{64}$ ]] ||
     [[ "$path" == /* || "$path" == *..* ]]; then
    echo "fetch: $MANIFEST: a line is not \"PATH BYTES SHA256 SOURCE\" (PATH relative, no ..): $path" >&2
    failed=$((failed + 1)); continue
  fi
  target="$DEST/$path"
  if [ -f "$target" ]; then
    if [ "$(sha256sum < "$target" | cut -d' ' -f1)" = "$sha" ]; then present=$((present + 1)); continue; fi
    echo "fetch: $target differs from the manifest's sha256; left as it is (remove it to fetch it again)" >&2
    failed=$((failed + 1)); continue
  fi
  from="$src"; [ -n "$MIRROR" ] && from="${MIRROR%/}/$path"
  if [ "$CHECK" = 1 ]; then
    echo "fetch: $path is missing ($bytes bytes, from $from); run scripts/fetch-models.sh" >&2
    failed=$((failed + 1)); continue
  fi
  mkdir -p "$(dirname "$target")"
  part="$target.part"
  if ! source_to "$path" "$src" "$part"; then
    rm -f "$part"
    echo "fetch: could not fetch $path from $from ($(grep -v '^ *$' "$tmp/curl.err" | tail -n 1 | head -c 200)); offline? set DLLAB_MODEL_MIRROR=DIR_OR_URL to take it from a copy" >&2
    failed=$((failed + 1)); continue
  fi
  got_bytes="$(stat -c %s "$part")" got_sha="$(sha256sum < "$part" | cut -d' ' -f1)"
  if [ "$got_bytes" != "$bytes" ] || [ "$got_sha" != "$sha" ]; then
    rm -f "$part"
    echo "fetch: refused $path from $from: $got_bytes bytes with sha256 ${got_sha:0:16}…, the manifest says $bytes bytes, ${sha:0:16}…; the file is not installed" >&2
    failed=$((failed + 1)); continue
  fi
  mv -f "$part" "$target" && fetched=$((fetched + 1))
done 3< "$MANIFEST"

echo "fetch: $present present, $fetched fetched, $failed missing or refused (in $DEST)"
[ "$failed" = 0 ]
