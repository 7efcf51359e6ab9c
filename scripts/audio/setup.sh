#!/usr/bin/env bash
# Installs what scripts/audio/generate.ts needs, from Debian only:
#   open-jtalk, open-jtalk-mecab-naist-jdic (main), hts-voice-nitech-jp-atr503-m001 (contrib),
#   htsengine (hts_engine), opus-tools (opusenc), lame, and ffmpeg (loudness, audio:check).
# The voice lives in Debian's contrib area, which these machines do not enable: this adds a
# contrib entry shaped like the existing main one (deb822, same mirror, suites and keyring).
# Run as root (or through sudo). Does nothing when everything is already there.
set -euo pipefail

needed=(open_jtalk hts_engine opusenc lame ffmpeg)
voice=/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice
dict=/var/lib/mecab/dic/open-jtalk/naist-jdic
missing=0
for tool in "${needed[@]}"; do command -v "$tool" >/dev/null || missing=1; done
[[ -f $voice && -d $dict ]] || missing=1
if [[ $missing == 0 ]]; then
  echo "audio toolchain: already installed"
  exit 0
fi

SUDO=""
if [[ $(id -u) != 0 ]]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "Run as root, or install by hand: add Debian 'contrib' to apt sources, then" >&2
    echo "  apt-get install open-jtalk open-jtalk-mecab-naist-jdic hts-voice-nitech-jp-atr503-m001 htsengine opus-tools lame ffmpeg" >&2
    exit 1
  fi
fi

contrib=/etc/apt/sources.list.d/debian-contrib.sources
if ! grep -rqsE '^(Components:.*\bcontrib\b|deb .*debian.* contrib)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}")
  echo "adding Debian contrib for $codename in $contrib"
  $SUDO tee "$contrib" >/dev/null <<EOF
Types: deb
URIs: http://deb.debian.org/debian
Suites: $codename $codename-updates
Components: contrib
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
fi

$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends \
  open-jtalk open-jtalk-mecab-naist-jdic hts-voice-nitech-jp-atr503-m001 htsengine opus-tools lame ffmpeg
