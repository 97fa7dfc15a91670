#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what DL Visual Lab needs from Debian 12's packages (only what is missing; safe to re-run), then
# fills models/ (git-ignored): links to the public-domain darknet models in ../shared/models when that
# folder exists, and face-api's tiny face detector from the npm registry, checked against its published
# integrity hash. Nothing is downloaded at run time.
# Usage: scripts/setup.sh [--gui-runtime]   (--gui-runtime adds xvfb for running the app without a display)
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS=(g++ cmake ninja-build pkg-config git
      qt6-base-dev libqcustomplot-dev libeigen3-dev libopencv-dev libgl-dev fonts-dejavu-core zlib1g-dev
      libopenblas-openmp-dev dataset-fashion-mnist
      libcli11-dev            # dlcli's command-line parser (header-only)
      nlohmann-json3-dev      # reads and writes JSON: experiments, model headers, run files (header-only)
      darknet                 # sample photos (dog.jpg, ...), YOLO .cfg files and coco.names
      clang libclang-rt-14-dev libomp-14-dev) # the sanitizer builds of scripts/test.sh and the fuzz targets
[ "${1:-}" = "--gui-runtime" ] && PKGS+=(xvfb xauth)
command -v npm >/dev/null || PKGS+=(npm) # fetches face-api's model package (below)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present"
else
  echo "setup: installing ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root, or install: apt-get install -y ${missing[*]}" >&2; exit 1; }
    SUDO=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# ---- models/ and corpora/ (git-ignored): links to the folders of ../shared (README: Models, Sequence lab)
# link_shared FROM TO WHAT: links each folder of ../shared/FROM into TO/; says WHAT is missing otherwise.
link_shared() {
  mkdir -p "$2"
  if [ -d "../shared/$1" ]; then
    for d in "../shared/$1"/*/; do
      name="$(basename "$d")"
      [ -e "$2/$name" ] || ln -s "$(cd "$d" && pwd)" "$2/$name"
    done
    return
  fi
  echo "setup: ../shared/$1 not found: $3 missing; see README" >&2
  if [ "${DL_REQUIRE_MODELS:-}" = 1 ]; then
    echo "setup: ../shared/$1 is required here (--require-models / DL_REQUIRE_MODELS=1); put the shared folder beside the project" >&2
    exit 1
  fi
}
link_shared models models "the COCO detector (models/yolo-fastest-1.1) and the style extractor (models/tiny-darknet) are"
link_shared datasets corpora "the dinosaur names and tiny Shakespeare (corpora/) are"
FACE_PKG="@vladmandic/face-api@1.7.15"
FACE_SHA512="WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw=="
# The detection lab's tiny face detector; the faces lab's SSD MobileNet v1 detector, 68-point landmark and
# 128-D recognition nets.
FACE_MODELS="tiny_face_detector_model ssd_mobilenetv1_model face_landmark_68_model face_recognition_model"
face_missing=0
for m in $FACE_MODELS; do [ -f "models/face-api/$m.bin" ] || face_missing=1; done
if [ "$face_missing" = 1 ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  if (cd "$tmp" && npm pack "$FACE_PKG" --silent >/dev/null 2>&1); then
    tgz="$(ls "$tmp"/*.tgz)"
    got="$(node -e 'const c=require("crypto");process.stdout.write(c.createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tgz")"
    if [ "$got" != "$FACE_SHA512" ]; then
      echo "setup: $FACE_PKG does not match its published sha512 integrity; not installed" >&2
      exit 1
    fi
    tar xzf "$tgz" -C "$tmp"
    mkdir -p models/face-api
    for m in $FACE_MODELS; do cp "$tmp"/package/model/"$m"* models/face-api/; done
    cp "$tmp"/package/demo/sample*.jpg models/face-api/
    cp "$tmp"/package/LICENSE models/face-api/LICENSE
    echo "setup: models/face-api filled from $FACE_PKG (sha512 checked)"
  else
    echo "setup: could not fetch $FACE_PKG from the npm registry: the face model stays unavailable" >&2
    [ "${DL_REQUIRE_MODELS:-}" = 1 ] && { echo "setup: the face model is required here (DL_REQUIRE_MODELS=1)" >&2; exit 1; }
  fi
fi
