/*
 * Credentials: the get*id/set*id system calls.  A task's cred is shared
 * (reference-counted) until a set*id call changes it; then the task gets a
 * private copy first, so a thread or child sharing the old one is unaffected.
 * The permission rules are Linux's: root (euid 0, i.e. CAP_SETUID) may set
 * anything; others may only shuffle among their real, effective and saved ids.
 */
#include <tine/task.h>
#include <tine/errno.h>
#include <tine/syscalls.h>
#include <tine/slab.h>
#include <tine/uaccess.h>

long sys_getuid(void) { return current->cred->uid; }
long sys_geteuid(void) { return current->cred->euid; }
long sys_getgid(void) { return current->cred->gid; }
long sys_getegid(void) { return current->cred->egid; }

static bool capable_setid(void)
{
	return current->cred->euid == 0;
}

static void commit_creds(struct cred *n)
{
	put_cred(current->cred);
	current->cred = n;
}

static bool is_one_of(u32 id, const struct cred *c, bool gid)
{
	if (gid)
		return id == c->gid || id == c->egid || id == c->sgid;
	return id == c->uid || id == c->euid || id == c->suid;
}

/* setresuid/setresgid: -1 leaves an id unchanged. */
static long set_res(u32 r, u32 e, u32 s, bool gid)
{
	const struct cred *old = current->cred;
	if (!capable_setid()) {
		if ((r != (u32)-1 && !is_one_of(r, old, gid)) ||
		    (e != (u32)-1 && !is_one_of(e, old, gid)) ||
		    (s != (u32)-1 && !is_one_of(s, old, gid)))
			return -EPERM;
	}
	struct cred *n = prepare_creds();
	if (!n)
		return -ENOMEM;
	if (gid) {
		if (r != (u32)-1) n->gid = r;
		if (e != (u32)-1) n->egid = e;
		if (s != (u32)-1) n->sgid = s;
		n->fsgid = n->egid;
	} else {
		if (r != (u32)-1) n->uid = r;
		if (e != (u32)-1) n->euid = e;
		if (s != (u32)-1) n->suid = s;
		n->fsuid = n->euid;
		/* Leaving uid 0 drops the capabilities, as Linux does. */
		if (n->euid != 0)
			n->cap_effective = 0;
		if (n->uid && n->euid && n->suid)
			n->cap_permitted = 0;
	}
	commit_creds(n);
	return 0;
}

long sys_setresuid(u32 r, u32 e, u32 s) { return set_res(r, e, s, false); }
long sys_setresgid(u32 r, u32 e, u32 s) { return set_res(r, e, s, true); }

/* setuid: root sets all three ids; others may set euid to uid or suid. */
long sys_setuid(u32 uid)
{
	if (capable_setid())
		return set_res(uid, uid, uid, false);
	const struct cred *c = current->cred;
	if (uid != c->uid && uid != c->suid)
		return -EPERM;
	return set_res(-1, uid, -1, false);
}

long sys_setgid(u32 gid)
{
	if (capable_setid())
		return set_res(gid, gid, gid, true);
	const struct cred *c = current->cred;
	if (gid != c->gid && gid != c->sgid)
		return -EPERM;
	return set_res(-1, gid, -1, true);
}

/* setreuid: the saved id follows the new euid when the real id is set
 * or the euid changes to something other than the old real id. */
static long set_re(u32 r, u32 e, bool gid)
{
	const struct cred *c = current->cred;
	u32 old_r = gid ? c->gid : c->uid;
	u32 s = -1;
	if (r != (u32)-1 || (e != (u32)-1 && e != old_r))
		s = e != (u32)-1 ? e : (gid ? c->egid : c->euid);
	if (!capable_setid()) {
		u32 old_e = gid ? c->egid : c->euid;
		if (r != (u32)-1 && r != old_r && r != old_e)
			return -EPERM;
		if (e != (u32)-1 && !is_one_of(e, c, gid))
			return -EPERM;
		s = -1;
	}
	return set_res(r, e, s, gid);
}

long sys_setreuid(u32 r, u32 e) { return set_re(r, e, false); }
long sys_setregid(u32 r, u32 e) { return set_re(r, e, true); }

static long put_res(u32 a, u32 b, u32 c, u32 __user *pa, u32 __user *pb, u32 __user *pc)
{
	if (put_user_u32(a, pa) || put_user_u32(b, pb) || put_user_u32(c, pc))
		return -EFAULT;
	return 0;
}

long sys_getresuid(u32 __user *r, u32 __user *e, u32 __user *s)
{
	const struct cred *c = current->cred;
	return put_res(c->uid, c->euid, c->suid, r, e, s);
}

long sys_getresgid(u32 __user *r, u32 __user *e, u32 __user *s)
{
	const struct cred *c = current->cred;
	return put_res(c->gid, c->egid, c->sgid, r, e, s);
}

/*
 * Supplementary groups.  A group_info is never changed once made: setgroups
 * builds a new one and a new cred around it, so sharers are unaffected.
 */
void get_group_info(struct group_info *gi)
{
	if (gi)
		gi->usage++;
}

void put_group_info(struct group_info *gi)
{
	if (gi && --gi->usage == 0)
		kfree(gi);
}

/* Linux's in_group_p(): does gid name the caller's fsgid or one of its
 * supplementary groups?  The list is sorted, so a binary search. */
bool in_group_p(gid_t gid)
{
	const struct cred *c = current->cred;
	const struct group_info *gi = c->group_info;
	u32 lo = 0, hi = gi ? gi->ngroups : 0;

	if (gid == c->fsgid)
		return true;
	while (lo < hi) {
		u32 mid = lo + (hi - lo) / 2;
		if (gi->gid[mid] == gid)
			return true;
		if (gi->gid[mid] < gid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* getgroups(2): "If size is zero, list is not modified, but the total
 * number of supplementary group IDs for the process is returned";
 * EINVAL if size is less than that number. */
long sys_getgroups(int size, u32 __user *list)
{
	const struct group_info *gi = current->cred->group_info;
	u32 n = gi ? gi->ngroups : 0;

	if (size < 0)
		return -EINVAL;
	if (size == 0)
		return n;
	if ((u32)size < n)
		return -EINVAL;
	if (n && copy_to_user(list, gi->gid, n * sizeof(gid_t)))
		return -EFAULT;
	return n;
}

/* Move g[i] down the max-heap g[0..n) until both children are smaller. */
static void sift_down(gid_t *g, u32 i, u32 n)
{
	for (;;) {
		u32 big = i, l = 2 * i + 1, r = l + 1;
		if (l < n && g[l] > g[big])
			big = l;
		if (r < n && g[r] > g[big])
			big = r;
		if (big == i)
			return;
		gid_t t = g[i];
		g[i] = g[big];
		g[big] = t;
		i = big;
	}
}

/* Heapsort: O(n log n) even for NGROUPS_MAX ids, and no extra memory. */
static void sort_groups(struct group_info *gi)
{
	gid_t *g = gi->gid;
	u32 n = gi->ngroups;

	for (u32 i = n / 2; i-- > 0; )
		sift_down(g, i, n);
	while (n > 1) {
		gid_t t = g[0];
		g[0] = g[--n];
		g[n] = t;
		sift_down(g, 0, n);
	}
}

/* setgroups(2): privileged; at most NGROUPS_MAX ids, kept sorted. */
long sys_setgroups(int size, const u32 __user *list)
{
	struct group_info *gi = NULL;
	struct cred *n;

	if (!capable_setid())
		return -EPERM;
	if ((u32)size > NGROUPS_MAX)
		return -EINVAL;
	if (size) {
		gi = kmalloc(sizeof(*gi) + (u64)size * sizeof(gid_t));
		if (!gi)
			return -ENOMEM;
		gi->usage = 1;
		gi->ngroups = size;
		if (copy_from_user(gi->gid, list, (u64)size * sizeof(gid_t))) {
			kfree(gi);
			return -EFAULT;
		}
		sort_groups(gi);
	}
	n = prepare_creds();
	if (!n) {
		put_group_info(gi);
		return -ENOMEM;
	}
	put_group_info(n->group_info);
	n->group_info = gi;
	commit_creds(n);
	return 0;
}
