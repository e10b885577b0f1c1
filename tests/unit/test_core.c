/*
 * test_core.c: the leaf module src/core (core.h). Each case names the
 * contract of core.h it checks: ent_buf (NUL-terminated, grows, hands its
 * bytes over), ent_arena (zeroed, 8-aligned, reset keeps working), ENT_VEC,
 * ent_map (put returns the same slot for a key, rehash keeps every key,
 * keys are byte strings), SHA-256 against FIPS 180-4 vectors and Python's
 * hashlib at the padding boundaries, and date parsing with leap years.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/core.h"

/* ---- ent_buf ---- */

/* Appends keep the data NUL-terminated; puts/putc are appends. */
static void test_buf_append(void **state)
{
	(void)state;
	ent_buf b = ENT_BUF_INIT;
	assert_null(b.data); /* empty: data may be NULL */
	ent_buf_append(&b, "abc", 3);
	assert_int_equal(b.len, 3);
	assert_string_equal(b.data, "abc");
	ent_buf_puts(&b, "def");
	ent_buf_putc(&b, '!');
	assert_int_equal(b.len, 7);
	assert_string_equal(b.data, "abcdef!");
	/* appending nothing still leaves a terminated string */
	ent_buf_append(&b, NULL, 0);
	assert_int_equal(b.len, 7);
	assert_string_equal(b.data, "abcdef!");
	/* embedded NULs are bytes like any other */
	ent_buf_append(&b, "x\0y", 3);
	assert_int_equal(b.len, 10);
	assert_memory_equal(b.data + 7, "x\0y", 3);
	assert_int_equal(b.data[10], 0);
	/* growth past the first capacity keeps the old bytes */
	for (int i = 0; i < 1000; i++)
		ent_buf_putc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 1010);
	assert_true(b.cap > b.len);
	assert_memory_equal(b.data, "abcdef!", 7);
	assert_int_equal(b.data[1009], 'a' + 999 % 26);
	assert_int_equal(b.data[1010], 0);
	ent_buf_dispose(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
}

/* ent_buf_printf formats into a 256-byte scratch first; longer output
 * takes the second path that grows the buffer and formats in place. */
static void test_buf_printf(void **state)
{
	(void)state;
	ent_buf b = ENT_BUF_INIT;
	ent_buf_printf(&b, "%s:%u: %s", "f.tsv", 12u, "bad");
	assert_string_equal(b.data, "f.tsv:12: bad");

	char big[1001];
	memset(big, 'z', 1000);
	big[1000] = 0;
	ent_buf_printf(&b, "[%s]%d", big, 42);
	assert_int_equal(b.len, 13 + 1 + 1000 + 1 + 2);
	assert_memory_equal(b.data, "f.tsv:12: bad[", 14);
	assert_memory_equal(b.data + 14, big, 1000);
	assert_string_equal(b.data + 1014, "]42");

	/* exactly 255 and 256 characters: either side of the scratch size */
	ent_buf_clear(&b);
	ent_buf_printf(&b, "%.*s", 255, big);
	assert_int_equal(b.len, 255);
	assert_int_equal(strlen(b.data), 255);
	ent_buf_clear(&b);
	ent_buf_printf(&b, "%.*s", 256, big);
	assert_int_equal(b.len, 256);
	assert_int_equal(strlen(b.data), 256);
	ent_buf_dispose(&b);
}

/* clear keeps the memory and empties the string; detach hands the bytes
 * over (never NULL) and leaves the buffer empty. */
static void test_buf_clear_detach(void **state)
{
	(void)state;
	ent_buf b = ENT_BUF_INIT;
	ent_buf_clear(&b); /* clearing an empty buffer is fine */
	assert_null(b.data);

	char *p = ent_buf_detach(&b); /* empty: an empty string, not NULL */
	assert_non_null(p);
	assert_string_equal(p, "");
	free(p);

	ent_buf_puts(&b, "hello");
	size_t cap = b.cap;
	ent_buf_clear(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, cap);
	assert_string_equal(b.data, "");
	ent_buf_puts(&b, "world");
	assert_string_equal(b.data, "world");

	p = ent_buf_detach(&b);
	assert_string_equal(p, "world");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	free(p);
	/* the buffer is usable again after detach */
	ent_buf_puts(&b, "again");
	assert_string_equal(b.data, "again");
	ent_buf_dispose(&b);
}

/* ---- ent_arena ---- */

static bool all_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/* Every allocation is zeroed and 8-aligned, across many chunks (a small
 * chunk size forces new chunks and allocations larger than a chunk). */
static void test_arena_alloc(void **state)
{
	(void)state;
	ent_arena a;
	ent_arena_init(&a, 256);
	enum { N = 2000 };
	unsigned char *ptrs[N];
	size_t sizes[N];
	for (size_t i = 0; i < N; i++) {
		sizes[i] = (i * 37) % 300 + 1; /* some exceed the chunk size */
		ptrs[i] = ent_arena_alloc(&a, sizes[i]);
		assert_non_null(ptrs[i]);
		assert_int_equal((uintptr_t)ptrs[i] % 8, 0);
		assert_true(all_zero(ptrs[i], sizes[i]));
		memset(ptrs[i], (int)(i & 0xff) | 1, sizes[i]);
	}
	/* no allocation overlapped another */
	for (size_t i = 0; i < N; i++)
		for (size_t k = 0; k < sizes[i]; k++)
			assert_int_equal(ptrs[i][k], (i & 0xff) | 1);
	ent_arena_dispose(&a);
	assert_null(a.head);
}

/* strndup copies n bytes and terminates them, even from a longer string. */
static void test_arena_strndup(void **state)
{
	(void)state;
	ent_arena a;
	ent_arena_init(&a, 0); /* 0: the default chunk size */
	char *s = ent_arena_strndup(&a, "Hanoï, Moscou", 6);
	assert_string_equal(s, "Hanoï");
	char *e = ent_arena_strndup(&a, "", 0);
	assert_string_equal(e, "");
	char *z = ent_arena_strndup(&a, "a\0b", 3);
	assert_memory_equal(z, "a\0b", 4);
	assert_int_equal((uintptr_t)s % 8, 0);
	assert_int_equal((uintptr_t)e % 8, 0);
	ent_arena_dispose(&a);
}

/* reset frees all but one chunk; the arena keeps handing out zeroed
 * memory afterwards, even where the old bytes were written. */
static void test_arena_reset(void **state)
{
	(void)state;
	ent_arena a;
	ent_arena_init(&a, 128);
	for (int round = 0; round < 5; round++) {
		for (int i = 0; i < 100; i++) {
			unsigned char *p = ent_arena_alloc(&a, 40);
			assert_true(all_zero(p, 40));
			memset(p, 0xab, 40);
		}
		unsigned char *big = ent_arena_alloc(&a, 1000);
		assert_true(all_zero(big, 1000));
		memset(big, 0xcd, 1000);
		ent_arena_reset(&a);
	}
	char *s = ent_arena_strndup(&a, "after reset", 11);
	assert_string_equal(s, "after reset");
	ent_arena_dispose(&a);
	/* resetting or disposing an empty arena is fine */
	ent_arena_init(&a, 64);
	ent_arena_reset(&a);
	ent_arena_dispose(&a);
}

/* ---- ENT_VEC ---- */

/* push grows the array and keeps every item in order; free empties it. */
static void test_vec(void **state)
{
	(void)state;
	typedef struct {
		int a;
		double b;
	} pair;
	ENT_VEC(pair) v = {0};
	for (int i = 0; i < 1000; i++) {
		pair p = {i, i * 0.5};
		ENT_VEC_PUSH(v, p);
	}
	assert_int_equal(v.len, 1000);
	assert_true(v.cap >= v.len);
	for (int i = 0; i < 1000; i++) {
		assert_int_equal(v.items[i].a, i);
		assert_true(v.items[i].b == i * 0.5);
	}
	ENT_VEC_FREE(v);
	assert_null(v.items);
	assert_int_equal(v.len, 0);
	assert_int_equal(v.cap, 0);
	/* usable again after free */
	ENT_VEC(int) w = {0};
	ENT_VEC_PUSH(w, 7);
	assert_int_equal(w.len, 1);
	assert_int_equal(w.items[0], 7);
	ENT_VEC_FREE(w);
}

/* ---- ent_map ---- */

/* put inserts the default once; a second put of the same key returns the
 * same slot with added=false, and the value written through it sticks. */
static void test_map_put_get(void **state)
{
	(void)state;
	ent_map m;
	ent_map_init(&m);
	bool added = false;
	uint32_t *v = ent_map_put(&m, "moscou", 6, 7, &added);
	assert_true(added);
	assert_int_equal(*v, 7);
	*v = 42;
	uint32_t *w = ent_map_put(&m, "moscou", 6, 99, &added);
	assert_false(added);
	assert_ptr_equal(v, w);
	assert_int_equal(*w, 42);
	uint32_t *g = ent_map_get(&m, "moscou", 6);
	assert_non_null(g);
	assert_int_equal(*g, 42);
	/* added may be NULL */
	assert_int_equal(*ent_map_put(&m, "hanoi", 5, 3, NULL), 3);
	assert_int_equal(m.len, 2);
	/* the key is copied: the caller's buffer may change afterwards */
	char key[8] = "paris";
	ent_map_put(&m, key, 5, 11, NULL);
	strcpy(key, "xxxxx");
	assert_int_equal(*ent_map_get(&m, "paris", 5), 11);
	assert_null(ent_map_get(&m, "xxxxx", 5));
	/* get_h with the key's hash agrees with get */
	assert_ptr_equal(ent_map_get_h(&m, ent_hash("hanoi", 5), "hanoi", 5),
			 ent_map_get(&m, "hanoi", 5));
	ent_map_dispose(&m);
}

/* A missing key, a prefix of a key, and a key extended by one byte are
 * all absent; the empty key is a key like any other. */
static void test_map_missing(void **state)
{
	(void)state;
	ent_map m;
	ent_map_init(&m);
	assert_null(ent_map_get(&m, "anything", 8)); /* empty map */
	ent_map_put(&m, "abc", 3, 1, NULL);
	assert_null(ent_map_get(&m, "ab", 2));
	assert_null(ent_map_get(&m, "abcd", 4));
	assert_null(ent_map_get(&m, "ABC", 3));
	assert_null(ent_map_get(&m, "", 0));
	bool added;
	ent_map_put(&m, "", 0, 5, &added);
	assert_true(added);
	assert_int_equal(*ent_map_get(&m, "", 0), 5);
	ent_map_dispose(&m);
}

/* Keys are byte strings of a given length: NUL and high bytes inside a
 * key count, so "a\0b" and "a\0c" and "a" are three keys. */
static void test_map_binary_keys(void **state)
{
	(void)state;
	ent_map m;
	ent_map_init(&m);
	ent_map_put(&m, "a\0b", 3, 1, NULL);
	ent_map_put(&m, "a\0c", 3, 2, NULL);
	ent_map_put(&m, "a", 1, 3, NULL);
	ent_map_put(&m, "\xff\xfe\x00\x01", 4, 4, NULL);
	ent_map_put(&m, "l\xe2\x80\x99", 4, 5, NULL); /* l + U+2019 */
	assert_int_equal(m.len, 5);
	assert_int_equal(*ent_map_get(&m, "a\0b", 3), 1);
	assert_int_equal(*ent_map_get(&m, "a\0c", 3), 2);
	assert_int_equal(*ent_map_get(&m, "a", 1), 3);
	assert_int_equal(*ent_map_get(&m, "\xff\xfe\x00\x01", 4), 4);
	assert_int_equal(*ent_map_get(&m, "l\xe2\x80\x99", 4), 5);
	assert_null(ent_map_get(&m, "a\0", 2));
	assert_null(ent_map_get(&m, "\xff\xfe\x00\x02", 4));
	ent_map_dispose(&m);
}

/* Thousands of keys force many rehashes (the map starts at 64 slots and
 * never fills beyond half); every key keeps its value and its slot count
 * stays a power of two with room to spare. */
static void test_map_rehash(void **state)
{
	(void)state;
	ent_map m;
	ent_map_init(&m);
	enum { N = 20000 };
	char key[32];
	for (uint32_t i = 0; i < N; i++) {
		int n = snprintf(key, sizeof key, "key-%u", i);
		bool added;
		uint32_t *v = ent_map_put(&m, key, (size_t)n, i * 3, &added);
		assert_true(added);
		assert_int_equal(*v, i * 3);
	}
	assert_int_equal(m.len, N);
	assert_true(m.cap >= 2 * m.len);
	assert_int_equal(m.cap & (m.cap - 1), 0);
	for (uint32_t i = 0; i < N; i++) {
		int n = snprintf(key, sizeof key, "key-%u", i);
		uint32_t *v = ent_map_get(&m, key, (size_t)n);
		assert_non_null(v);
		assert_int_equal(*v, i * 3);
		bool added;
		assert_ptr_equal(ent_map_put(&m, key, (size_t)n, 0, &added), v);
		assert_false(added);
	}
	assert_int_equal(m.len, N);
	for (uint32_t i = N; i < N + 100; i++) {
		int n = snprintf(key, sizeof key, "key-%u", i);
		assert_null(ent_map_get(&m, key, (size_t)n));
	}
	ent_map_dispose(&m);
}

/* ---- SHA-256 ---- */

static void sha_check(const void *p, size_t n, const char *want)
{
	char out[65];
	memset(out, 'X', sizeof out);
	ent_sha256_hex(p, n, out);
	assert_int_equal(out[64], 0);
	assert_string_equal(out, want);
}

/* The FIPS 180-2 appendix B examples and the million-'a' vector. */
static void test_sha256_vectors(void **state)
{
	(void)state;
	sha_check("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha_check("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	/* 56 bytes: the padding needs a second block */
	sha_check("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	size_t n = 1000000;
	char *a = malloc(n);
	assert_non_null(a);
	memset(a, 'a', n);
	sha_check(a, n, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

/* Lengths around the 64-byte block and the 55/56-byte padding boundary
 * (rest + 9 <= 64 fits one tail block; more needs two). Expected values
 * from Python 3 hashlib.sha256 over bytes((i * 7 + 3) & 0xff for i in
 * range(n)). */
static void test_sha256_boundaries(void **state)
{
	(void)state;
	static const struct {
		size_t n;
		const char *hex;
	} cases[] = {
		{55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"},
		{56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"},
		{63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"},
		{64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"},
		{65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"},
	};
	unsigned char buf[128];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)((i * 7 + 3) & 0xff);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		sha_check(buf, cases[i].n, cases[i].hex);
}

/* ---- dates ---- */

static int parse(const char *s, int *y, int *m, int *d)
{
	return ent_date_parse(s, strlen(s), y, m, d);
}

/* YYYY, YYYY-MM and YYYY-MM-DD give 1, 2 and 3 parts, 0 for the absent
 * ones. */
static void test_date_valid(void **state)
{
	(void)state;
	int y, m, d;
	assert_int_equal(parse("2025", &y, &m, &d), 1);
	assert_int_equal(y, 2025);
	assert_int_equal(m, 0);
	assert_int_equal(d, 0);
	assert_int_equal(parse("2025-05", &y, &m, &d), 2);
	assert_int_equal(y, 2025);
	assert_int_equal(m, 5);
	assert_int_equal(d, 0);
	assert_int_equal(parse("2025-05-10", &y, &m, &d), 3);
	assert_int_equal(y, 2025);
	assert_int_equal(m, 5);
	assert_int_equal(d, 10);
	assert_int_equal(parse("1999-12-31", &y, &m, &d), 3);
	assert_int_equal(parse("2025-01-01", &y, &m, &d), 3);
	/* February 29 exists in leap years only */
	assert_int_equal(parse("2024-02-29", &y, &m, &d), 3);
	assert_int_equal(d, 29);
	assert_int_equal(parse("2000-02-29", &y, &m, &d), 3);
	/* only n bytes are read: the rest of a longer string is not the date */
	assert_int_equal(ent_date_parse("2025-05-10T08:00", 10, &y, &m, &d), 3);
	assert_int_equal(ent_date_parse("2025-05-10", 7, &y, &m, &d), 2);
}

/* Anything else is not a date (0) and leaves every part 0. */
static void test_date_invalid(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"2025-13",     /* month 13 */
		"2025-00",     /* month 0 */
		"2025-13-01",  /* month 13 with a day */
		"2025-05-32",  /* day 32 */
		"2025-05-00",  /* day 0 */
		"2025-04-31",  /* April has 30 days */
		"2023-02-29",  /* 2023 is not a leap year */
		"1900-02-29",  /* nor is 1900 (divisible by 100) */
		"2025/05/10",  /* wrong separators */
		"2025.05",     /* wrong separator */
		"2025-05/10",  /* wrong second separator */
		"20250510",    /* no separators */
		"2025x",       /* trailing garbage after the year */
		"2025-05x",    /* after the month */
		"2025-05-10x", /* after the day */
		"2025-05-10 ", /* trailing space */
		"2025-5-10",   /* month needs two digits */
		"2025-05-1",   /* day needs two digits */
		"202",         /* too short */
		"",            /* empty */
		"25-05-10",    /* two-digit year */
		"0999",        /* years before 1000 */
		"abcd",        /* not digits */
		"-2025",       /* sign */
		" 2025",       /* leading space */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int y = -1, m = -1, d = -1;
		int parts = parse(bad[i], &y, &m, &d);
		if (parts != 0)
			fail_msg("\"%s\" parsed as a date (%d parts)", bad[i], parts);
		assert_int_equal(y, 0);
		assert_int_equal(m, 0);
		assert_int_equal(d, 0);
	}
}

/* Gregorian leap years: divisible by 4, except centuries not divisible
 * by 400 (1900 is not a leap year, 2000 and 2024 are). */
static void test_days_in_month(void **state)
{
	(void)state;
	assert_int_equal(ent_days_in_month(1900, 2), 28);
	assert_int_equal(ent_days_in_month(2000, 2), 29);
	assert_int_equal(ent_days_in_month(2024, 2), 29);
	assert_int_equal(ent_days_in_month(2023, 2), 28);
	assert_int_equal(ent_days_in_month(2100, 2), 28);
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	for (int m = 1; m <= 12; m++)
		assert_int_equal(ent_days_in_month(2025, m), days[m - 1]);
	/* months out of range have no days */
	assert_int_equal(ent_days_in_month(2025, 0), 0);
	assert_int_equal(ent_days_in_month(2025, 13), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_append),
		cmocka_unit_test(test_buf_printf),
		cmocka_unit_test(test_buf_clear_detach),
		cmocka_unit_test(test_arena_alloc),
		cmocka_unit_test(test_arena_strndup),
		cmocka_unit_test(test_arena_reset),
		cmocka_unit_test(test_vec),
		cmocka_unit_test(test_map_put_get),
		cmocka_unit_test(test_map_missing),
		cmocka_unit_test(test_map_binary_keys),
		cmocka_unit_test(test_map_rehash),
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_sha256_boundaries),
		cmocka_unit_test(test_date_valid),
		cmocka_unit_test(test_date_invalid),
		cmocka_unit_test(test_days_in_month),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
