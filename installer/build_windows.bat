@echo off
rem Build the Windows installer of jixiao-desktop: PyInstaller bundle, its self test, Inno Setup.
rem
rem   installer\build_windows.bat
rem
rem Needs: 64-bit Python 3.11 or later (python.org, "py" launcher) and Inno Setup 6.4 or later
rem (the Chinese wizard texts are installer\ChineseSimplified.isl, in the repository).
rem Set INNO_SETUP to Inno Setup's folder if it is not found.
rem Output: dist\jixiao\ (the program folder) and dist\jixiao-desktop-VERSION-setup.exe
setlocal EnableExtensions
cd /d "%~dp0.."

set "VPY=.venv\Scripts\python.exe"
if exist "%VPY%" goto :have_venv
echo [1/5] Creating .venv
py -3 -m venv .venv
if errorlevel 1 python -m venv .venv
if not exist "%VPY%" goto :fail
:have_venv

echo [2/5] Installing the program and PyInstaller into .venv
"%VPY%" -m pip install --upgrade pip
if errorlevel 1 goto :fail
"%VPY%" -m pip install -e ".[build]"
if errorlevel 1 goto :fail

echo [3/5] Building dist\jixiao with installer\jixiao.spec
"%VPY%" -m PyInstaller --noconfirm --clean installer\jixiao.spec
if errorlevel 1 goto :fail

echo [4/5] Self test of the built program (report in dist\selftest.txt)
dist\jixiao\jixiao-cli.exe --selftest --report dist\selftest.txt
if errorlevel 1 goto :fail

echo [5/5] Compiling the installer with Inno Setup
"%VPY%" -c "import jixiao_desktop, pathlib; pathlib.Path('dist/version.txt').write_text(jixiao_desktop.__version__)"
if errorlevel 1 goto :fail
set /p VERSION=<dist\version.txt
set "ISCC="
if defined INNO_SETUP set "ISCC=%INNO_SETUP%\ISCC.exe"
if not defined ISCC if exist "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" set "ISCC=%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe"
if not defined ISCC if exist "%ProgramFiles%\Inno Setup 6\ISCC.exe" set "ISCC=%ProgramFiles%\Inno Setup 6\ISCC.exe"
if not defined ISCC if exist "%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe" set "ISCC=%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe"
if not defined ISCC (
  echo Inno Setup's ISCC.exe not found. Install Inno Setup 6 or set INNO_SETUP to its folder.
  goto :fail
)
"%ISCC%" /DAppVersion=%VERSION% installer\jixiao.iss
if errorlevel 1 goto :fail

echo.
echo Done: dist\jixiao-desktop-%VERSION%-setup.exe
exit /b 0

:fail
echo.
echo BUILD FAILED (see the messages above).
exit /b 1
