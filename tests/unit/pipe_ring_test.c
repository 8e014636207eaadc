/*
 * Host test of the pipe ring index math (include/tine/pipe.h): a model
 * pipe of byte arrays driven through the same helpers pipe.c uses, with
 * random read and write sizes, checking that every byte comes out in order,
 * that no copy crosses a page, and that the ring never over- or underflows,
 * including across the 2^32 and capacity wrap points.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <tine/pipe.h>

#define SIZE (16 * PIPE_PAGE_SIZE)

struct model {
	unsigned char pages[SIZE / PIPE_PAGE_SIZE][PIPE_PAGE_SIZE];
	u64 head, tail;
	unsigned char next_in, next_out;
};

static u64 model_write(struct model *m, u64 n)
{
	u64 done = 0;

	n = n < ring_space(m->head, m->tail, SIZE) ? n : ring_space(m->head, m->tail, SIZE);
	while (done < n) {
		u64 chunk = ring_chunk(m->head, n - done);
		unsigned char *p = m->pages[ring_page(m->head, SIZE)] + ring_offset(m->head);
		assert_true(ring_offset(m->head) + chunk <= PIPE_PAGE_SIZE);
		for (u64 i = 0; i < chunk; i++)
			p[i] = m->next_in++;
		m->head += chunk;
		done += chunk;
	}
	return done;
}

static u64 model_read(struct model *m, u64 n)
{
	u64 done = 0;

	n = n < ring_used(m->head, m->tail) ? n : ring_used(m->head, m->tail);
	while (done < n) {
		u64 chunk = ring_chunk(m->tail, n - done);
		unsigned char *p = m->pages[ring_page(m->tail, SIZE)] + ring_offset(m->tail);
		assert_true(ring_offset(m->tail) + chunk <= PIPE_PAGE_SIZE);
		for (u64 i = 0; i < chunk; i++)
			assert_int_equal(p[i], m->next_out++);
		m->tail += chunk;
		done += chunk;
	}
	return done;
}

static void run_random(u64 start)
{
	static struct model m;

	memset(&m, 0, sizeof(m));
	m.head = m.tail = start;
	srand(1);
	for (int i = 0; i < 20000; i++) {
		model_write(&m, rand() % (3 * PIPE_PAGE_SIZE));
		assert_true(ring_used(m.head, m.tail) <= SIZE);
		model_read(&m, rand() % (3 * PIPE_PAGE_SIZE));
	}
	model_read(&m, SIZE);
	assert_int_equal(ring_used(m.head, m.tail), 0);
}

static void test_random_from_zero(void **state)
{
	(void)state;
	run_random(0);
}

static void test_random_near_wrap(void **state)
{
	(void)state;
	run_random((1ULL << 32) - 12345);
}

static void test_full_and_empty(void **state)
{
	static struct model m;

	(void)state;
	memset(&m, 0, sizeof(m));
	assert_int_equal(model_write(&m, SIZE + 100), SIZE);
	assert_int_equal(ring_space(m.head, m.tail, SIZE), 0);
	assert_int_equal(model_write(&m, 1), 0);
	assert_int_equal(model_read(&m, SIZE + 100), SIZE);
	assert_int_equal(model_read(&m, 1), 0);
}

static void test_round_size(void **state)
{
	(void)state;
	assert_int_equal(pipe_round_size(0), 4096);
	assert_int_equal(pipe_round_size(1), 4096);
	assert_int_equal(pipe_round_size(4096), 4096);
	assert_int_equal(pipe_round_size(4097), 8192);
	assert_int_equal(pipe_round_size(65536), 65536);
	assert_int_equal(pipe_round_size(100000), 131072);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_from_zero),
		cmocka_unit_test(test_random_near_wrap),
		cmocka_unit_test(test_full_and_empty),
		cmocka_unit_test(test_round_size),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
