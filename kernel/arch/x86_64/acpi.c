/*
 * Just enough ACPI to count the CPUs: find the RSDP (the PVH start info
 * gives its address; otherwise search the BIOS area as the ACPI spec
 * says), follow it to the RSDT or XSDT, find the MADT ("APIC"), and read
 * its processor-local-APIC entries.
 */
#include <tine/smp.h>
#include <tine/page.h>
#include <tine/string.h>

struct rsdp {
	char signature[8];		/* "RSD PTR " */
	u8 checksum;
	char oem[6];
	u8 revision;			/* 0: ACPI 1.0, RSDT only */
	u32 rsdt;
	u32 length;
	u64 xsdt;
} __attribute__((packed));

struct sdt_header {
	char signature[4];
	u32 length;
	u8 revision, checksum;
	char oem[6], oem_table[8];
	u32 oem_revision, creator, creator_revision;
} __attribute__((packed));

struct madt {
	struct sdt_header h;
	u32 lapic_addr, flags;
	u8 entries[];
} __attribute__((packed));

#define MADT_LOCAL_APIC 0
#define LAPIC_ENABLED 1

static bool checksum_ok(const void *p, u32 len)
{
	u8 sum = 0;
	for (u32 i = 0; i < len; i++)
		sum += ((const u8 *)p)[i];
	return sum == 0;
}

static const struct rsdp *find_rsdp(u64 hint)
{
	if (hint)
		return phys_to_virt(hint);
	for (u64 pa = 0xe0000; pa < 0x100000; pa += 16) {
		const struct rsdp *r = phys_to_virt(pa);
		if (!memcmp(r->signature, "RSD PTR ", 8) && checksum_ok(r, 20))
			return r;
	}
	return NULL;
}

static const struct madt *find_madt(const struct rsdp *r)
{
	bool x = r->revision >= 2 && r->xsdt;
	const struct sdt_header *root = phys_to_virt(x ? r->xsdt : r->rsdt);
	u32 n = (root->length - sizeof(*root)) / (x ? 8 : 4);
	const u8 *entries = (const u8 *)(root + 1);

	for (u32 i = 0; i < n; i++) {
		u64 pa = 0;
		memcpy(&pa, entries + i * (x ? 8 : 4), x ? 8 : 4);
		const struct sdt_header *h = phys_to_virt(pa);
		if (!memcmp(h->signature, "APIC", 4) && checksum_ok(h, h->length))
			return (const struct madt *)h;
	}
	return NULL;
}

int acpi_find_cpus(u64 rsdp_hint, u32 *apic_ids, int max)
{
	const struct rsdp *r = find_rsdp(rsdp_hint);
	const struct madt *m = r ? find_madt(r) : NULL;
	int n = 0;

	if (!m)
		return 0;
	for (u32 off = 0; off + 2 <= m->h.length - sizeof(*m);) {
		const u8 *e = m->entries + off;
		if (e[1] < 2)
			break;			/* malformed: stop rather than loop */
		u32 flags;
		memcpy(&flags, e + 4, 4);
		if (e[0] == MADT_LOCAL_APIC && (flags & LAPIC_ENABLED) && n < max)
			apic_ids[n++] = e[3];
		off += e[1];
	}
	return n;
}
