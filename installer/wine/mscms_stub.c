/* Stand-in for mscms.dll (colour management), for running the Windows build under Wine only.
 *
 * Qt's Windows platform plugin asks the screen's colour profile for its colour space
 * (OpenColorProfileW, then WcsCreateIccProfile). Wine 8 implements the first and aborts the process
 * in the second. Here no profile opens, so Qt takes sRGB, as on a PC without a profile.
 * Loaded instead of Wine's own through WINEDLLOVERRIDES=mscms=n in the test prefix only; never part
 * of the bundle or the installer.
 */
#include <windows.h>

typedef HANDLE HPROFILE;

__declspec(dllexport) HPROFILE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation)
{
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_FILE_NOT_FOUND);
    return NULL;
}

__declspec(dllexport) BOOL WINAPI CloseColorProfile(HPROFILE profile)
{
    (void)profile;
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI GetColorProfileFromHandle(HPROFILE profile, PBYTE buffer, PDWORD size)
{
    (void)profile; (void)buffer;
    if (size) *size = 0;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

__declspec(dllexport) HPROFILE WINAPI WcsCreateIccProfile(HPROFILE profile, DWORD options)
{
    (void)profile; (void)options;
    SetLastError(ERROR_INVALID_HANDLE);
    return NULL;
}
