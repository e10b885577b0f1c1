/*
 * test_relations.c: relations, timelines, actors and full-text search of
 * the store (src/store/sqlite.c) on a hand-made set of documents.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "entente/entente.h"
#include "store/store.h"
#include "../pg/testdb.h"

static char dir[64];
static ent_store *S;

static ent_record rec(const char *code, const char *src, const char *tgt,
		      const char *date, int quad, double g, uint64_t sectors)
{
	ent_record r;
	memset(&r, 0, sizeof(r));
	r.code = code;
	r.source = src;
	r.target = tgt;
	r.date = date;
	r.quad = quad;
	r.goldstein = g;
	r.sectors = sectors;
	r.sentence_span = (ent_span){0, 5};
	return r;
}

static uint64_t bit(const char *name)
{
	return UINT64_C(1) << ent_sector_index(name);
}

static void put(const char *id, const char *text, const ent_record *r,
		size_t n, const ent_level *lv, size_t nl)
{
	ent_input in;
	memset(&in, 0, sizeof(in));
	in.id = id;
	in.text = text;
	in.len = strlen(text);
	in.title = id;
	in.origin = "test";
	if (ent_store_put_full(S, &in, r, n, lv, nl, 1, "fr", NULL) != 0)
		fail_msg("put %s: %s", id, ent_store_error(S));
}

/* VNM-RUS: d1 and d2 report the same meeting (one merged event, 2
 * mentions); d1 also an agreement in May (energy); d3 a protest in June
 * (quad 3, no sector) and a June 1 visit; LAO-VNM one event. Levels:
 * "strategic partnership" (3) in d1, "comprehensive strategic
 * partnership" (5) in d2 (2025-05-12) and d3 (2025-06-02). */
static int setup(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof(dir), "%s/entrelXXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	char p[256];
	if (testdb_fresh(p, sizeof(p), dir, "r.db") != 0)
		return -1;
	ent_error err = {0};
	if (ent_store_open(&S, p, &err) != 0)
		return -1;
	ent_record r1[] = {rec("040", "VNMGOV", "RUSGOV", "2025-05-10", 1, 1.0, 0),
			   rec("057", "VNM", "RUS", "2025-05-10", 2, 8.0, bit("energy")),
			   rec("010", "VNM", NULL, "2025-05-10", 1, 0.0, 0)};
	ent_level l1 = {"RUS", "VNM", "strategic partnership", 3, "2025-05-10", {0, 5}};
	put("d1", "Le Vietnam et la Russie à Hanoï: un accord énergétique.", r1, 3, &l1, 1);
	ent_record r2[] = {rec("040", "RUS", "VNM", "2025-05-11", 1, 1.0, 0),
			   rec("040", "VNM", "LAO", "2025-05-11", 1, 1.0, bit("trade"))};
	ent_level l2 = {"RUS", "VNM", "comprehensive strategic partnership", 5, "2025-05-12", {0, 5}};
	put("d2", "Hanoi reçoit Moscou; visa exemption pour les touristes.", r2, 2, &l2, 1);
	ent_record r3[] = {rec("111", "RUS", "VNM", "2025-06-20", 3, -2.0, 0),
			   rec("042", "VNM", "RUS", "2025-06-01", 1, 1.9, bit("energy") | bit("trade"))};
	ent_level l3 = {"VNM", "RUS", "comprehensive strategic partnership", 5, "2025-06-02", {0, 5}};
	put("d3", "Protestation russe. Visite à Moscou en juin.", r3, 2, &l3, 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	ent_store_close(S);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_relation(void **state)
{
	(void)state;
	ent_relation *r = NULL;
	assert_int_equal(ent_store_relation(S, "VNM", "RUS", NULL, NULL, &r), 0);
	assert_string_equal(r->a, "VNM");
	assert_string_equal(r->b, "RUS");
	assert_int_equal(r->events, 4); /* 040 (x2 merged), 057, 111, 042 */
	assert_int_equal(r->mentions, 5);
	assert_int_equal(r->articles, 3);
	assert_int_equal(r->by_root[4], 2);
	assert_int_equal(r->by_root[5], 1);
	assert_int_equal(r->by_root[11], 1);
	assert_int_equal(r->by_quad[1], 2);
	assert_int_equal(r->by_quad[2], 1);
	assert_int_equal(r->by_quad[3], 1);
	assert_true(r->goldstein_mean > 2.22 && r->goldstein_mean < 2.23); /* 8.9/4 */
	assert_string_equal(r->first_date, "2025-05-10");
	assert_string_equal(r->last_date, "2025-06-20");
	assert_int_equal(r->nmonths, 2);
	assert_string_equal(r->months[0].month, "2025-05");
	assert_int_equal(r->months[0].events, 2);
	assert_int_equal(r->months[1].events, 2);
	assert_true(r->months[1].goldstein_mean < 0); /* (-2 + 1.9) / 2 */
	assert_int_equal(r->nsectors, 2);
	assert_string_equal(r->sectors[0].sector, "energy");
	assert_int_equal(r->sectors[0].events, 2);
	assert_string_equal(r->sectors[0].last_date, "2025-06-01");
	assert_string_equal(r->sectors[1].sector, "trade");
	assert_int_equal(r->sectors[1].events, 1);
	assert_string_equal(r->level, "comprehensive strategic partnership");
	assert_int_equal(r->level_rank, 5);
	assert_string_equal(r->level_since, "2025-05-12");
	assert_string_equal(r->level_doc, "d2");
	ent_relation_free(r);

	/* a period: June only */
	assert_int_equal(ent_store_relation(S, "RUS", "VNM", "2025-06", "2025-06", &r), 0);
	assert_int_equal(r->events, 2);
	assert_string_equal(r->level_since, "2025-06-02");
	assert_string_equal(r->level_doc, "d3");
	ent_relation_free(r);

	/* everyone: LAO too */
	assert_int_equal(ent_store_relation(S, "VNM", NULL, NULL, NULL, &r), 0);
	assert_int_equal(r->events, 5);
	assert_string_equal(r->b, "");
	ent_relation_free(r);

	/* nothing at all */
	assert_int_equal(ent_store_relation(S, "FRA", "DEU", NULL, NULL, &r), 0);
	assert_int_equal(r->events, 0);
	assert_null(r->level);
	ent_relation_free(r);

	assert_int_equal(ent_store_relation(S, "vnm", NULL, NULL, NULL, &r), ENT_EUSAGE);
	assert_null(r);
	assert_non_null(strstr(ent_store_error(S), "vnm"));
}

static int bucket_cb(const ent_bucket *b, void *p)
{
	char *out = p;
	size_t len = strlen(out);
	snprintf(out + len, 512 - len, "%s:%ld:%ld/%ld/%ld/%ld ", b->period, b->events,
		 b->by_quad[1], b->by_quad[2], b->by_quad[3], b->by_quad[4]);
	return 0;
}

static void test_timeline(void **state)
{
	(void)state;
	char out[512] = "";
	assert_int_equal(ent_store_timeline(S, "VNM", "RUS", NULL, NULL, false, bucket_cb, out), 0);
	assert_string_equal(out, "2025-05:2:1/1/0/0 2025-06:2:1/0/1/0 ");
	out[0] = 0;
	assert_int_equal(ent_store_timeline(S, "RUS", "VNM", NULL, NULL, true, bucket_cb, out), 0);
	/* 10 May 2025: W19; 1 June: W22; 20 June: W25 */
	assert_string_equal(out, "2025-W19:2:1/1/0/0 2025-W22:1:1/0/0/0 2025-W25:1:0/0/1/0 ");
	out[0] = 0;
	assert_int_equal(ent_store_timeline(S, "RUS", "VNM", "2025-06-10", NULL, true, bucket_cb, out), 0);
	assert_string_equal(out, "2025-W25:1:0/0/1/0 ");
	assert_int_equal(ent_store_timeline(S, "RUS", "X", NULL, NULL, true, bucket_cb, out), ENT_EUSAGE);
}

static int actor_cb(const ent_actor_stat *a, void *p)
{
	char *out = p;
	size_t len = strlen(out);
	snprintf(out + len, 512 - len, "%s:%ld:%ld ", a->country, a->events, a->partners);
	return 0;
}

static void test_actors(void **state)
{
	(void)state;
	char out[512] = "";
	assert_int_equal(ent_store_actors(S, NULL, actor_cb, out), 0);
	assert_string_equal(out, "VNM:5:2 RUS:4:1 LAO:1:1 ");
	out[0] = 0;
	ent_filter f = ENT_FILTER_INIT;
	f.sector = "trade";
	assert_int_equal(ent_store_actors(S, &f, actor_cb, out), 0);
	assert_string_equal(out, "VNM:2:2 LAO:1:1 RUS:1:1 ");
}

static int hit_cb(const ent_search_hit *h, void *p)
{
	char *out = p;
	size_t len = strlen(out);
	snprintf(out + len, 1024 - len, "%s(%ld)[%s] ", h->doc_id, h->events, h->snippet);
	return 0;
}

static void test_search(void **state)
{
	(void)state;
	char out[1024] = "";
	assert_int_equal(ent_store_search(S, "Hanoi", 10, hit_cb, out), 0);
	assert_non_null(strstr(out, "d1(2)"));
	assert_non_null(strstr(out, "d2(2)"));
	assert_non_null(strstr(out, "[Hanoï]"));
	out[0] = 0;
	assert_int_equal(ent_store_search(S, "\"visa exemption\"", 10, hit_cb, out), 0);
	assert_non_null(strstr(out, "d2"));
	assert_null(strstr(out, "d1"));
	out[0] = 0;
	assert_int_equal(ent_store_search(S, "\"exemption visa\"", 10, hit_cb, out), 0);
	assert_string_equal(out, "");
	assert_int_equal(ent_store_search(S, "moscou ENERGETIQUE", 10, hit_cb, out), 0);
	assert_string_equal(out, "");
	static const char *const hostile[] = {
		"\"", "AND OR NOT", "*", "NEAR(", "(a OR b", ")", "title:hanoi",
		"hanoi*", "\"unclosed phrase", "^x", "a\"b\"c", "-", "{title}: x",
	};
	for (size_t i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		out[0] = 0;
		int rc = ent_store_search(S, hostile[i], 10, hit_cb, out);
		if (rc != 0)
			fail_msg("query '%s': %d %s", hostile[i], rc, ent_store_error(S));
	}
	out[0] = 0;
	assert_int_equal(ent_store_search(S, "title:hanoi", 10, hit_cb, out), 0);
	/* not a column filter: the phrase "title hanoi", found nowhere */
	assert_string_equal(out, "");
	assert_int_equal(ent_store_search(S, "", 10, hit_cb, out), ENT_EUSAGE);
	assert_int_equal(ent_store_search(S, "  \t", 10, hit_cb, out), ENT_EUSAGE);
	assert_non_null(strstr(ent_store_error(S), "empty"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relation),
		cmocka_unit_test(test_timeline),
		cmocka_unit_test(test_actors),
		cmocka_unit_test(test_search),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
