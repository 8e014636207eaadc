/* fork_cow_isolation: after fork, parent and child have private copies of
 * globals, heap and stack: a child's write is invisible to the parent, and
 * a parent's write after fork is invisible to the child. Pipes order the
 * steps: child writes -> parent checks -> parent writes -> child checks. */
#include "t.h"

#define BIG (1 << 20)

static int global_a = 1;
static int global_b = 1;

int main(void)
{
	int c2p[2], p2c[2];
	CHECK_OK("pipe", pipe(c2p));
	CHECK_OK("pipe", pipe(p2c));
	unsigned char *heap = malloc(BIG);
	CHECK(heap != NULL, "malloc: expected memory, got NULL");
	memset(heap, 'p', BIG);
	volatile int local = 10;
	char tok = 0;

	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		global_a = 2;
		local = 20;
		for (int i = 0; i < BIG; i += 4096)
			heap[i] = 'c';
		write_all(c2p[1], "w", 1);      /* step 1 done: child wrote */
		read_all(p2c[0], &tok, 1);      /* wait for step 3 */
		CHECK_EQ("child sees its own global_a", 2, global_a);
		CHECK_EQ("child sees its own local", 20, local);
		CHECK_EQ("child global_b (parent wrote after fork)", 1, global_b);
		for (int i = 0; i < BIG; i += 4096)
			CHECK_EQ("child heap byte", 'c', heap[i]);
		CHECK_EQ("child heap byte it did not write", 'p', heap[1]);
		_exit(0);
	}
	read_all(c2p[0], &tok, 1);
	CHECK_EQ("parent global_a after child wrote", 1, global_a);
	CHECK_EQ("parent local after child wrote", 10, local);
	for (int i = 0; i < BIG; i += 4096)
		CHECK_EQ("parent heap byte after child wrote", 'p', heap[i]);
	global_b = 3;
	memset(heap, 'P', BIG);
	write_all(p2c[1], "w", 1);
	CHECK_CHILD_OK("child checks", pid);
	CHECK_EQ("parent global_b", 3, global_b);
	CHECK_EQ("parent heap", 'P', heap[BIG - 1]);
	return 0;
}
