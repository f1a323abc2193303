; Inno Setup script for jixiao-desktop (绩效目标表填报). Inno Setup 6.4 or later.
;
; Build the PyInstaller bundle first (dist\jixiao\, see installer\build_windows.bat), then:
;   iscc installer\jixiao.iss                     (version read from dist\jixiao\jixiao.exe)
;   iscc /DAppVersion=0.1.0 installer\jixiao.iss  (or say it)
; Output: dist\jixiao-desktop-<version>-setup.exe
;
; Chinese wizard: Inno Setup 6 ships no Chinese translation; ChineseSimplified.isl next to this script is
; the project's own (all messages of Inno Setup 6.4's Default.isl). One in Inno Setup's Languages folder is
; used only when that file is missing. Messages a translation lacks fall back to English (Default.isl).
;
; Installs per user without administrator rights (%LOCALAPPDATA%\Programs\JixiaoDesktop); the first page
; offers "all users" (needs administrator rights; Program Files\JixiaoDesktop). Registry entries go to HKA = HKCU or HKLM accordingly.
; The uninstaller removes only what was installed: documents, settings (%LOCALAPPDATA%\jixiao,
; %APPDATA%\jixiao), recovery copies and the user's indicator library stay.

#define AppName "绩效目标表填报"
#define AppExeName "jixiao.exe"
#define AppDirName "JixiaoDesktop"
#define AppPublisher "jixiao-desktop"
#define DocExtension ".jixiao"
#define DocProgId "JixiaoDesktop.Document"
#define DocTypeName "绩效目标表文件"
#define DocIcon "_internal\resources\icons\jixiao-document.ico"

#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\dist\jixiao"
#endif
#if !FileExists(BundleDir + "\" + AppExeName)
  #error 找不到 dist\jixiao\jixiao.exe：请先用 PyInstaller 生成程序文件夹（installer\build_windows.bat）。
#endif
#ifndef AppVersion
  #define AppVersion GetFileProductVersion(BundleDir + "\" + AppExeName)
#endif
#if AppVersion == ""
  #error 无法从 jixiao.exe 读出版本号：请用 /DAppVersion=x.y.z 指定。
#endif

#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseMessages AddBackslash(SourcePath) + "ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\Unofficial\ChineseSimplified.isl"
#else
  #error 找不到 ChineseSimplified.isl（简体中文安装界面）：见 README 的 "Windows installer" 一节。
#endif

[Setup]
AppId={{387A71C4-F360-4CF9-BF8E-A1D1973711C4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#GetVersionNumbersString(BundleDir + "\" + AppExeName)}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 安装程序
DefaultDirName={code:DefaultAppDir}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
ShowLanguageDialog=no
SetupIconFile=..\resources\icons\jixiao.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
OutputDir=..\dist
OutputBaseFilename=jixiao-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "chs"; MessagesFile: "compiler:Default.isl,{#ChineseMessages}"

[CustomMessages]
chs.TaskGroupShortcuts=快捷方式：
chs.TaskDesktop=在桌面上创建快捷方式
chs.TaskGroupFiles=文件关联：
chs.TaskAssociate=用“{#AppName}”打开 {#DocExtension} 表格文件（双击即可打开）
chs.ShortcutSelftest=检查安装是否完好
chs.ShortcutUninstall=卸载 {#AppName}
chs.LaunchNow=立即运行 {#AppName}
chs.KeptData=卸载已完成。您保存的表格文件（{#DocExtension}）、设置、自动恢复副本和自定义指标库都已保留，重新安装后可以继续使用。

[Tasks]
Name: "desktopicon"; Description: "{cm:TaskDesktop}"; GroupDescription: "{cm:TaskGroupShortcuts}"
Name: "associate"; Description: "{cm:TaskAssociate}"; GroupDescription: "{cm:TaskGroupFiles}"

[InstallDelete]
; An update replaces the whole bundle: no library of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "填写、检查、打印绩效目标表"
Name: "{group}\{cm:ShortcutSelftest}"; Filename: "{app}\{#AppExeName}"; Parameters: "--selftest"; Comment: "逐项检查本机安装，结果用记事本显示"
Name: "{group}\{cm:ShortcutUninstall}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Registry]
; The document type (HKA: HKCU\Software\Classes per user, HKLM\Software\Classes for all users).
Root: HKA; Subkey: "Software\Classes\{#DocExtension}"; ValueType: string; ValueName: ""; ValueData: "{#DocProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#DocExtension}\OpenWithProgids"; ValueType: string; ValueName: "{#DocProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#DocProgId}"; ValueType: string; ValueName: ""; ValueData: "{#DocTypeName}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#DocProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#DocIcon}"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#DocProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: "{#DocExtension}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

[Code]
// Where {autopf} points, spelled out: Wine 8 cannot resolve FOLDERID_UserProgramFiles behind {userpf},
// and the installer is tested end to end under Wine (scripts/build_windows_wine.sh).
function DefaultAppDir(Param: String): String;
begin
  if IsAdminInstallMode then
    Result := ExpandConstant('{commonpf}\{#AppDirName}')
  else
    Result := ExpandConstant('{localappdata}\Programs\{#AppDirName}');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(CustomMessage('KeptData'), mbInformation, MB_OK);
end;
