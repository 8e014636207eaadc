/*
 * futex: sleep until a 32-bit user word changes, and wake sleepers.  Waiters
 * hang on a small hash of wait queues keyed by the word's address; the key
 * is the address in the mm for private futexes (what musl uses) and the
 * physical address of the word for shared ones, so that two processes
 * mapping the same page meet.
 */
#include <tine/futex.h>
#include <tine/task.h>
#include <tine/mm.h>
#include <tine/page.h>
#include <tine/paging.h>
#include <tine/errno.h>
#include <tine/time.h>
#include <tine/syscalls.h>
#include <tine/uaccess.h>

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_HASH 64

struct futex_waiter {
	struct list_head link;
	struct task_struct *task;
	u64 key;
	bool woken;
};

static struct list_head futex_queues[FUTEX_HASH];
static bool futex_ready;

static struct list_head *bucket(u64 key)
{
	if (!futex_ready) {
		for (int i = 0; i < FUTEX_HASH; i++)
			list_init(&futex_queues[i]);
		futex_ready = true;
	}
	return &futex_queues[(key >> 2) % FUTEX_HASH];
}

/*
 * The identity of a futex word.  Memory private to this mm is named by its
 * address in the mm, whatever the FUTEX_PRIVATE flag says (as in Linux:
 * a non-private wait on private memory must meet a private wake, which is
 * how CLONE_CHILD_CLEARTID's wake reaches musl's lock waiters).  Shared
 * memory is named by the physical address, which every mapper sees alike.
 */
static long futex_key(u64 uaddr, bool private, u64 *key)
{
	if (uaddr & 3)
		return -EINVAL;
	if (!access_ok((const void __user *)uaddr, sizeof(u32)))
		return -EFAULT;		/* Linux's get_futex_key(), even for a wake */
	struct vm_area_struct *vma = private ? NULL : vma_find(&current->mm->mmap, uaddr);
	if (private || !vma || vma->vm_start > uaddr || !(vma->vm_flags & VM_SHARED)) {
		*key = uaddr ^ (u64)current->mm;
		return 0;
	}
	u32 dummy;
	if (get_user_u32(&dummy, (void __user *)uaddr))	/* fault it in */
		return -EFAULT;
	pte_t *pte = pte_lookup(current->mm->pgd, uaddr, false);
	if (!pte || !(*pte & PTE_P))
		return -EFAULT;
	*key = (*pte & PTE_ADDR) + (uaddr & (PAGE_SIZE - 1));
	return 0;
}

static long futex_wait(u64 uaddr, bool private, u32 val, const void __user *timeout,
		       bool absolute)
{
	u64 key, ns = 0;
	u32 cur;
	long err = futex_key(uaddr, private, &key);
	if (err)
		return err;
	if (timeout) {
		struct timespec_user ts;
		if (copy_from_user(&ts, timeout, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (s64)NSEC_PER_SEC)
			return -EINVAL;
		ns = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
		if (absolute) {
			u64 now = ktime_get_ns();
			ns = ns > now ? ns - now : 0;
		}
	}
	if (get_user_u32(&cur, (void __user *)uaddr))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	struct futex_waiter w = { .task = current, .key = key, .woken = false };
	list_add_tail(&w.link, bucket(key));
	u64 left = ns;
	err = 0;
	while (!w.woken) {
		if (timeout && left == 0) {
			err = -ETIMEDOUT;
			break;
		}
		current->state = TASK_INTERRUPTIBLE;
		current->wchan = "futex_wait_queue";
		if (w.woken) {
			current->state = TASK_RUNNING;
			break;
		}
		if (schedule_timeout_ns(timeout ? left : ~0ULL / 2, &left)) {
			err = -ERESTARTSYS;
			break;
		}
	}
	current->state = TASK_RUNNING;
	if (w.woken)
		return 0;
	list_del(&w.link);
	return err;
}

/* Wake up to n waiters on uaddr: how many, or -EINVAL/-EFAULT for a bad
 * address (the exit path's callers ignore that). */
int futex_wake(u64 uaddr, int n, bool private)
{
	u64 key;
	int err = (int)futex_key(uaddr, private, &key);
	if (err)
		return err;
	struct list_head *head = bucket(key), *pos, *tmp;
	int woken = 0;
	list_for_each_safe(pos, tmp, head) {
		if (woken >= n)
			break;
		struct futex_waiter *w = list_entry(pos, struct futex_waiter, link);
		if (w->key != key)
			continue;
		list_del(&w->link);
		w->woken = true;
		wake_up_process(w->task);
		woken++;
	}
	return woken;
}

static long futex_requeue(u64 uaddr, bool private, int nwake, int nmove, u64 uaddr2)
{
	u64 key, key2;
	if (futex_key(uaddr, private, &key) || futex_key(uaddr2, private, &key2))
		return -EFAULT;
	int woken = futex_wake(uaddr, nwake, private);
	struct list_head *pos, *tmp;
	int moved = 0;
	list_for_each_safe(pos, tmp, bucket(key)) {
		if (moved >= nmove)
			break;
		struct futex_waiter *w = list_entry(pos, struct futex_waiter, link);
		if (w->key != key)
			continue;
		list_del(&w->link);
		w->key = key2;
		list_add_tail(&w->link, bucket(key2));
		moved++;
	}
	return woken + moved;
}

long sys_futex(u64 uaddr, int op, u32 val, const void __user *timeout,
	       u64 uaddr2, u32 val3)
{
	bool private = op & FUTEX_PRIVATE_FLAG;
	int cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);

	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, private, val, timeout, false);
	case FUTEX_WAIT_BITSET:
		if (val3 == 0)
			return -EINVAL;
		return futex_wait(uaddr, private, val, timeout, true);
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, (int)val, private);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, private, (int)val, (int)(u64)timeout, uaddr2);
	case FUTEX_CMP_REQUEUE: {
		u32 cur;
		if (get_user_u32(&cur, (void __user *)uaddr))
			return -EFAULT;
		if (cur != val3)
			return -EAGAIN;
		return futex_requeue(uaddr, private, (int)val, (int)(u64)timeout, uaddr2);
	}
	default:
		return -ENOSYS;
	}
}

/*
 * Robust futexes (set_robust_list): a thread keeps a list of the locks it
 * holds in user memory; if it dies holding one, the kernel marks the lock
 * FUTEX_OWNER_DIED and wakes a waiter, so that the lock is not lost.
 */
#define FUTEX_WAITERS 0x80000000u
#define FUTEX_OWNER_DIED 0x40000000u
#define FUTEX_TID_MASK 0x3fffffffu
#define ROBUST_LIST_LIMIT 2048

struct robust_list_head {
	u64 next;			/* struct robust_list *list */
	s64 futex_offset;
	u64 list_op_pending;
};

long sys_set_robust_list(void __user *head, size_t len)
{
	if (len != sizeof(struct robust_list_head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

long sys_get_robust_list(int pid, void __user *head_ptr, size_t __user *len_ptr)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;
	if (!t)
		return -ESRCH;
	if (put_user_u64((u64)t->robust_list, head_ptr) ||
	    put_user_u64(sizeof(struct robust_list_head), len_ptr))
		return -EFAULT;
	return 0;
}

static void handle_futex_death(u64 uaddr, pid_t tid)
{
	u32 val;
	if (get_user_u32(&val, (void __user *)uaddr) || (val & FUTEX_TID_MASK) != (u32)tid)
		return;
	u32 nval = (val & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	if (put_user_u32(nval, (void __user *)uaddr))
		return;
	if (val & FUTEX_WAITERS)
		futex_wake(uaddr, 1, false);
}

/* At exit, before the mm goes: release the robust locks this thread held. */
void exit_robust_list(struct task_struct *t)
{
	struct robust_list_head head;
	u64 entry;

	if (!t->robust_list ||
	    copy_from_user(&head, t->robust_list, sizeof(head)))
		return;
	entry = head.next;
	for (int i = 0; i < ROBUST_LIST_LIMIT && entry != (u64)t->robust_list; i++) {
		u64 next;
		if (get_user_u64(&next, (void __user *)entry))
			break;
		if (entry != head.list_op_pending)
			handle_futex_death(entry + head.futex_offset, t->pid);
		entry = next;
	}
	if (head.list_op_pending)
		handle_futex_death(head.list_op_pending + head.futex_offset, t->pid);
	t->robust_list = NULL;
}
