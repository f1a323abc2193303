/* Stand-in for Windows 10's bcryptprimitives.dll, for running the Windows build under Wine only.
 *
 * pydantic_core (Rust) gets its random numbers from ProcessPrng, exported by bcryptprimitives.dll
 * since Windows 10; Wine 8 lacks the DLL. This one answers from RtlGenRandom (advapi32), which
 * Wine has. Never part of the bundle or the installer.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
