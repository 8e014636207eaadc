/*
 * Force-included (gcc -include) when kernel/lib/string.c and format.c are
 * compiled for their host tests: gives the kernel's routines tine_ names so
 * they link beside the C library's, which the tests use as the reference.
 */
#define TINE_STRING_TEST
#define TINE_FORMAT_TEST
#define memcpy tine_memcpy
#define memmove tine_memmove
#define memset tine_memset
#define memcmp tine_memcmp
#define strlen tine_strlen
#define strnlen tine_strnlen
#define strcmp tine_strcmp
#define strncmp tine_strncmp
#define strchr tine_strchr
#define strrchr tine_strrchr
#define strlcpy tine_strlcpy
#define vsnprintf tine_vsnprintf
#define snprintf tine_snprintf
