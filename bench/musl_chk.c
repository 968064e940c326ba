/* bench/musl_chk.c - Debian's libbearssl.a is built with _FORTIFY_SOURCE against glibc and
   calls glibc's checked memcpy/memset/memmove; musl has none. These shims give the same check
   (abort when the destination is too small) so the static musl build links. */
#include <stdlib.h>
#include <string.h>

void *__memcpy_chk(void *d, const void *s, size_t n, size_t dn);
void *__memset_chk(void *d, int c, size_t n, size_t dn);
void *__memmove_chk(void *d, const void *s, size_t n, size_t dn);

void *__memcpy_chk(void *d, const void *s, size_t n, size_t dn) {
    if (n > dn) abort();
    return memcpy(d, s, n);
}
void *__memset_chk(void *d, int c, size_t n, size_t dn) {
    if (n > dn) abort();
    return memset(d, c, n);
}
void *__memmove_chk(void *d, const void *s, size_t n, size_t dn) {
    if (n > dn) abort();
    return memmove(d, s, n);
}
