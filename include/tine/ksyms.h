/* The kernel symbol table used to symbolise backtraces (tools/gen-ksyms.sh). */
#ifndef TINE_KSYMS_H
#define TINE_KSYMS_H

#include <tine/types.h>

struct ksym {
	u64 addr;
	const char *name;
};

extern const struct ksym ksyms[];	/* sorted; ends with addr ~0 */

/* The name of the function containing addr and the offset into it. */
const char *ksym_lookup(u64 addr, u64 *offset);

#endif
