/* Stand-in for Windows 10's icuuc.dll, for running the Windows build under Wine only.
 *
 * Qt6Core.dll imports 20 ucnv_* functions from the system ICU that Windows 10 (1903+) ships and
 * Wine 8 lacks. Qt uses them only for text encodings it has no built-in codec for; this program
 * uses UTF-8 and UTF-16 throughout. Every converter request fails with U_FILE_ACCESS_ERROR, which
 * Qt reports as "encoding not available". Never part of the bundle or the installer.
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef void UConverter;
typedef uint16_t UChar;
#define U_FILE_ACCESS_ERROR 4
#define API __declspec(dllexport)

static int fail(UErrorCode *err) { if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR; return 0; }

API UConverter *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err); return NULL; }
API void ucnv_close(UConverter *c) { (void)c; }
API void ucnv_reset(UConverter *c) { (void)c; }
API int8_t ucnv_getMaxCharSize(const UConverter *c) { (void)c; return 4; }
API const char *ucnv_getName(const UConverter *c, UErrorCode *err) { (void)c; fail(err); return ""; }
API void ucnv_getToUCallBack(const UConverter *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
API void ucnv_getFromUCallBack(const UConverter *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
API void ucnv_setToUCallBack(UConverter *c, void *a, const void *b, void **oa, const void **ob, UErrorCode *err) { (void)c; (void)a; (void)b; (void)oa; (void)ob; fail(err); }
API void ucnv_setFromUCallBack(UConverter *c, void *a, const void *b, void **oa, const void **ob, UErrorCode *err) { (void)c; (void)a; (void)b; (void)oa; (void)ob; fail(err); }
API void ucnv_cbToUWriteUChars(void *args, const UChar *s, int32_t n, int32_t off, UErrorCode *err) { (void)args; (void)s; (void)n; (void)off; fail(err); }
API void ucnv_cbFromUWriteUChars(void *args, const UChar **s, const UChar *e, int32_t off, UErrorCode *err) { (void)args; (void)s; (void)e; (void)off; fail(err); }
API void ucnv_toUnicode(UConverter *c, UChar **t, const UChar *te, const char **s, const char *se, int32_t *o, int flush, UErrorCode *err) { (void)c; (void)t; (void)te; (void)s; (void)se; (void)o; (void)flush; fail(err); }
API void ucnv_fromUnicode(UConverter *c, char **t, const char *te, const UChar **s, const UChar *se, int32_t *o, int flush, UErrorCode *err) { (void)c; (void)t; (void)te; (void)s; (void)se; (void)o; (void)flush; fail(err); }
API int32_t ucnv_toUCountPending(const UConverter *c, UErrorCode *err) { (void)c; fail(err); return 0; }
API int32_t ucnv_fromUCountPending(const UConverter *c, UErrorCode *err) { (void)c; fail(err); return 0; }
API const char *ucnv_getStandardName(const char *name, const char *std, UErrorCode *err) { (void)name; (void)std; fail(err); return NULL; }
API const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
API int32_t ucnv_countAvailable(void) { return 0; }
API void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const UChar *u, int32_t n, int32_t cp, int reason, UErrorCode *err) { (void)ctx; (void)args; (void)u; (void)n; (void)cp; (void)reason; (void)err; }
API void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const char *s, int32_t n, int reason, UErrorCode *err) { (void)ctx; (void)args; (void)s; (void)n; (void)reason; (void)err; }
