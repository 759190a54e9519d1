; Inno Setup script for BSM Desk on Windows: a per-user install (no administrator
; rights needed at a venue laptop), Start-menu entries in English and Russian.
;
; Built on Windows, not here:
;   1. py -3.11 -m venv .venv && .venv\Scripts\pip install --require-hashes
;      -r requirements\build.txt && .venv\Scripts\pip install --no-deps -e .
;   2. .venv\Scripts\pyinstaller --noconfirm --distpath dist packaging\bsm-desk.spec
;      (writes dist\bsm-desk\ with bsm-desk.exe, its icon and version from the package)
;   3. bash packaging/smoke.sh dist/bsm-desk/bsm-desk.exe   (Git Bash), then
;   4. iscc /DAppVersion=0.1.0 packaging\windows\bsm-desk.iss
;      -> dist\bsm-desk-0.1.0-windows-setup.exe

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5B0D4C1E-2F7A-4B39-9E51-BD5D3E5C2022}
AppName=BSM Desk
AppVersion={#AppVersion}
AppPublisher=BSM Desk
DefaultDirName={localappdata}\Programs\BSM Desk
DefaultGroupName=BSM Desk
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=bsm-desk-{#AppVersion}-windows-setup
SetupIconFile=..\..\build\pyinstaller\bsm-desk.ico
UninstallDisplayIcon={app}\bsm-desk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[CustomMessages]
en.AppComment=Registration, badges, check-in and rooms for bilingual conferences, offline
ru.AppComment=Регистрация, бейджи, контроль прохода и залы для двуязычных конференций без интернета
en.GuideName=BSM Desk user guide
ru.GuideName=Руководство пользователя BSM Desk
en.DemoName=BSM Desk demo conference
ru.DemoName=Демонстрационная конференция BSM Desk

[Files]
Source: "..\..\dist\bsm-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\BSM Desk"; Filename: "{app}\bsm-desk.exe"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:DemoName}"; Filename: "{app}\bsm-desk.exe"; Parameters: "--demo"
Name: "{group}\{cm:GuideName}"; Filename: "{app}\_internal\bsm_desk\resources\guide\{language}\index.html"
Name: "{group}\{cm:UninstallProgram,BSM Desk}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\BSM Desk"; Filename: "{app}\bsm-desk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\bsm-desk.exe"; Description: "{cm:LaunchProgram,BSM Desk}"; Flags: nowait postinstall skipifsilent
