/*
 * test_store.c: the SQLite store (src/store/sqlite.c) through its public
 * functions and ent_store_put_records, with hand-made records so that it
 * needs no engine.
 *
 * Each test gets a fresh database in its own temporary directory, loaded
 * with two documents and seven events (see load()); with ENT_TEST_DB set
 * (tests/pg/run-with-pg.sh), a fresh PostgreSQL database instead
 * (tests/pg/testdb.h), and the same tests run on that backend.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "entente/entente.h"
#include "store/store.h"
#include "../pg/testdb.h"

typedef struct fixture {
	char dir[64];
	char path[128];
	ent_store *s;
} fixture;

/* Document 1: the second sentence has UTF-8 before it, so byte offsets
 * and character offsets differ. */
static const char TEXT1[] =
	"Tô Lâm met Putin in Moscow. " /* 0..29: "Tô", "Lâm" have 2-byte chars */
	"They signed an \"energy\" deal.\n"
	"Vietnam will visit in April.";
static const char TEXT2[] =
	"Russia praised Vietnam. China helped Vietnam. The US condemned.";

static ent_record rec(const char *code, const char *src, const char *tgt,
		      const char *date, int quad, double g, uint32_t s0,
		      uint32_t slen)
{
	ent_record r;
	memset(&r, 0, sizeof(r));
	r.code = code;
	r.source = src;
	r.target = tgt;
	r.date = date;
	r.quad = quad;
	r.goldstein = g;
	r.plover = "CONSULT";
	r.confidence = 0.5;
	r.sentence_span = (ent_span){s0, slen};
	r.trigger = (ent_span){s0, 3};
	return r;
}

static uint64_t bit(const char *sector)
{
	int i = ent_sector_index(sector);
	assert_true(i >= 0);
	return UINT64_C(1) << i;
}

static ent_input input(const char *id, const char *text, const char *date)
{
	ent_input in;
	memset(&in, 0, sizeof(in));
	in.id = id;
	in.text = text;
	in.len = strlen(text);
	in.date = date;
	in.title = "A title";
	in.origin = "test";
	return in;
}

/* d1: 057 VNM>RUS 2024-03-05, 040 VNM>RUS 2024-03, 010 VNM 2024-04-01.
 * d2: 042 RUS>VNM 2024-02-10, 0311 CHN>VNM (no date),
 *     112 USA 2023-12-31 (quad 3), 040 VNM>RUS 2024-03-20. */
static void load(ent_store *s)
{
	/* "Tô Lâm met Putin in Moscow. " is 30 bytes (28 characters). */
	size_t s1 = strlen("Tô Lâm met Putin in Moscow. ");
	size_t l1 = strlen("They signed an \"energy\" deal.");
	ent_record r1[3] = {
		rec("057", "VNMGOV", "RUSGOV", "2024-03-05", 1, 8.0,
		    (uint32_t)s1, (uint32_t)l1),
		rec("040", "VNM", "RUS", "2024-03", 1, 1.0, 0, 27),
		rec("010", "VNM", NULL, "2024-04-01", 1, 0.0,
		    (uint32_t)(s1 + l1 + 1), 28),
	};
	r1[0].sectors = bit("energy") | bit("trade");
	r1[0].source_name = "Tô Lâm";
	r1[0].target_name = "Vladimir Putin";
	r1[0].place = "Moscow";
	r1[0].negated = true;
	r1[2].target = ""; /* "" is stored as NULL too */

	ent_record r2[4] = {
		rec("042", "RUSGOV", "VNMGOV", "2024-02-10", 1, 1.9, 0, 23),
		rec("0311", "CHN", "VNM", NULL, 1, 5.2, 24, 21),
		rec("112", "USA", NULL, "2023-12-31", 3, -2.0, 46, 17),
		rec("040", "VNM", "RUS", "2024-03-20", 1, 1.0, 0, 23),
	};
	r2[2].sectors = bit("defense");

	ent_input in1 = input("d1", TEXT1, "2024-03-05");
	ent_input in2 = input("d2", TEXT2, NULL);
	bool was_new = false;
	assert_int_equal(ent_store_put_records(s, &in1, r1, 3, 3, "en",
					       &was_new), 0);
	assert_true(was_new);
	assert_int_equal(ent_store_put_records(s, &in2, r2, 4, 3, "en",
					       &was_new), 0);
	assert_true(was_new);
}

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof(*fx));
	const char *tmp = getenv("TMPDIR");
	snprintf(fx->dir, sizeof(fx->dir), "%s/entstoreXXXXXX",
		 tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (!mkdtemp(fx->dir))
		return -1;
	if (testdb_fresh(fx->path, sizeof(fx->path), fx->dir, "t.db") != 0)
		return -1;
	ent_error err = {0};
	if (ent_store_open(&fx->s, fx->path, &err) != 0) {
		fprintf(stderr, "%s\n", err.message);
		return -1;
	}
	load(fx->s);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal",
					     ".txt"};
	ent_store_close(fx->s);
	for (size_t i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		char p[160];
		snprintf(p, sizeof(p), "%s%s", fx->path, suffix[i]);
		unlink(p);
	}
	rmdir(fx->dir);
	free(fx);
	return 0;
}

/* Collects the walked records as "code" strings joined by spaces. */
typedef struct collect {
	char codes[256];
	int n;
	int64_t first_id;
} collect;

static int collect_cb(const ent_record *r, void *ctx)
{
	collect *c = ctx;
	size_t len = strlen(c->codes);
	snprintf(c->codes + len, sizeof(c->codes) - len, "%s%s",
		 c->n ? " " : "", r->code);
	if (c->n == 0)
		c->first_id = r->id;
	c->n++;
	return 0;
}

static const char *codes(ent_store *s, const ent_filter *f)
{
	static collect c;
	memset(&c, 0, sizeof(c));
	int rc = ent_store_events(s, f, collect_cb, &c);
	if (rc != 0)
		fail_msg("ent_store_events: %d %s", rc, ent_store_error(s));
	return c.codes;
}

static void test_put_idempotent(void **state)
{
	fixture *fx = *state;
	long docs = 0, events = 0;
	assert_int_equal(ent_store_counts(fx->s, &docs, &events), 0);
	assert_int_equal(docs, 2);
	assert_int_equal(events, 7);

	/* Same text again (even with another id): nothing changes. */
	ent_input in = input("other-id", TEXT1, NULL);
	ent_record r = rec("040", "FRA", "DEU", "2024", 1, 1.0, 0, 5);
	bool was_new = true;
	assert_int_equal(ent_store_put_records(fx->s, &in, &r, 1, 1, "en",
					       &was_new), 0);
	assert_false(was_new);
	assert_int_equal(ent_store_counts(fx->s, &docs, &events), 0);
	assert_int_equal(docs, 2);
	assert_int_equal(events, 7);
}

static void test_order_all(void **state)
{
	fixture *fx = *state;
	/* date order (month precision "2024-03" before "2024-03-05"),
	 * undated last */
	assert_string_equal(codes(fx->s, NULL),
			    "112 042 040 057 040 010 0311");
}

static void test_filter_country(void **state)
{
	fixture *fx = *state;
	ent_filter f = ENT_FILTER_INIT;
	f.country = "VNM";
	assert_string_equal(codes(fx->s, &f), "042 040 057 040 010 0311");
	f.country = "USA";
	assert_string_equal(codes(fx->s, &f), "112");
	f.country = "FRA";
	assert_string_equal(codes(fx->s, &f), "");
}

static void test_filter_pair(void **state)
{
	fixture *fx = *state;
	ent_filter f = ENT_FILTER_INIT;
	f.pair_a = "VNM";
	f.pair_b = "RUS";
	assert_string_equal(codes(fx->s, &f), "042 040 057 040");
	f.pair_a = "RUS";
	f.pair_b = "VNM";
	assert_string_equal(codes(fx->s, &f), "042 040 057 040");
	/* "---" is "no target" */
	f.pair_a = "---";
	f.pair_b = "VNM";
	assert_string_equal(codes(fx->s, &f), "010");
	/* one side only is a usage error */
	f.pair_b = NULL;
	collect c = {0};
	assert_int_equal(ent_store_events(fx->s, &f, collect_cb, &c),
			 ENT_EUSAGE);
}

static void test_filter_dates(void **state)
{
	fixture *fx = *state;
	ent_filter f = ENT_FILTER_INIT;
	f.since = "2024-03";
	f.until = "2024-03";
	assert_string_equal(codes(fx->s, &f), "040 057 040");
	f.since = "2024";
	f.until = NULL;
	assert_string_equal(codes(fx->s, &f), "042 040 057 040 010");
	f.since = NULL;
	f.until = "2024-02-10";
	assert_string_equal(codes(fx->s, &f), "112 042");
	f.until = "2023";
	assert_string_equal(codes(fx->s, &f), "112");
}

static void test_filter_code(void **state)
{
	fixture *fx = *state;
	ent_filter f = ENT_FILTER_INIT;
	f.code = "04";
	assert_string_equal(codes(fx->s, &f), "042 040 040");
	f.code = "040";
	assert_string_equal(codes(fx->s, &f), "040 040");
	f.code = "03";
	assert_string_equal(codes(fx->s, &f), "0311");
	f.code = "0%"; /* no LIKE wildcards */
	assert_string_equal(codes(fx->s, &f), "");
}

static void test_filter_sector(void **state)
{
	fixture *fx = *state;
	ent_filter f = ENT_FILTER_INIT;
	f.sector = "energy";
	assert_string_equal(codes(fx->s, &f), "057");
	f.sector = "trade";
	assert_string_equal(codes(fx->s, &f), "057");
	f.sector = "defense";
	assert_string_equal(codes(fx->s, &f), "112");
	f.sector = "spaceflight";
	collect c = {0};
	assert_int_equal(ent_store_events(fx->s, &f, collect_cb, &c),
			 ENT_EUSAGE);
	assert_non_null(strstr(ent_store_error(fx->s), "spaceflight"));
}

static void test_filter_misc(void **state)
{
	fixture *fx = *state;
	ent_filter f = ENT_FILTER_INIT;
	f.scored_only = true;
	assert_string_equal(codes(fx->s, &f), "112 042 040 057 040 0311");
	f.scored_only = false;
	f.limit = 2;
	assert_string_equal(codes(fx->s, &f), "112 042");
	f.offset = 1;
	assert_string_equal(codes(fx->s, &f), "042 040");
	f.limit = 0;
	f.offset = 5;
	assert_string_equal(codes(fx->s, &f), "010 0311");
	f.offset = 0;
	f.doc_id = "d1";
	assert_string_equal(codes(fx->s, &f), "040 057 010");
	f.doc_id = "d1";
	f.country = "RUS";
	f.code = "05";
	assert_string_equal(codes(fx->s, &f), "057");
}

/* A callback's non-zero return stops the walk and is returned. */
static int stop_cb(const ent_record *r, void *ctx)
{
	(void)r;
	return ++*(int *)ctx == 2 ? 7 : 0;
}

static void test_stop(void **state)
{
	fixture *fx = *state;
	int n = 0;
	assert_int_equal(ent_store_events(fx->s, NULL, stop_cb, &n), 7);
	assert_int_equal(n, 2);
}

/* Checks the 057 event of d1 field by field. */
static int check_057(const ent_record *r, void *ctx)
{
	(void)ctx;
	assert_string_equal(r->doc_id, "d1");
	assert_string_equal(r->code, "057");
	assert_string_equal(r->source, "VNMGOV");
	assert_string_equal(r->target, "RUSGOV");
	assert_string_equal(r->source_name, "Tô Lâm");
	assert_string_equal(r->target_name, "Vladimir Putin");
	assert_string_equal(r->date, "2024-03-05");
	assert_string_equal(r->place, "Moscow");
	assert_true(r->negated);
	assert_true(r->sectors == (bit("energy") | bit("trade")));
	assert_int_equal(r->sentence_len,
			 strlen("They signed an \"energy\" deal."));
	assert_string_equal(r->sentence, "They signed an \"energy\" deal.");
	assert_int_equal(r->quad, 1);
	assert_true(r->goldstein == 8.0);
	assert_true(r->confidence == 0.5);
	assert_string_equal(r->plover, "CONSULT");
	assert_int_equal(r->sentence_span.start,
			 strlen("Tô Lâm met Putin in Moscow. "));
	assert_int_equal(r->trigger.len, 3);
	return 0;
}

static int check_010(const ent_record *r, void *ctx)
{
	(void)ctx;
	assert_null(r->target);
	assert_null(r->source_name);
	assert_null(r->place);
	assert_string_equal(r->sentence, "Vietnam will visit in April.");
	return 0;
}

static void test_event_by_id(void **state)
{
	fixture *fx = *state;
	ent_filter f = ENT_FILTER_INIT;
	collect c = {0};
	f.code = "057";
	assert_int_equal(ent_store_events(fx->s, &f, collect_cb, &c), 0);
	assert_int_equal(c.n, 1);
	assert_true(c.first_id > 0);
	assert_int_equal(ent_store_event(fx->s, c.first_id, check_057, NULL),
			 0);

	memset(&c, 0, sizeof(c));
	f.code = "010";
	assert_int_equal(ent_store_events(fx->s, &f, collect_cb, &c), 0);
	assert_int_equal(ent_store_event(fx->s, c.first_id, check_010, NULL),
			 0);

	assert_int_equal(ent_store_event(fx->s, 9999, check_057, NULL),
			 ENT_ENOTFOUND);
	assert_non_null(strstr(ent_store_error(fx->s), "9999"));
	assert_non_null(strstr(ent_store_error(fx->s), fx->path));
}

static void test_document(void **state)
{
	fixture *fx = *state;
	char *text = NULL, *date = NULL, *title = NULL;
	size_t len = 0;
	assert_int_equal(ent_store_document(fx->s, "d1", &text, &len, &date,
					    &title), 0);
	assert_int_equal(len, strlen(TEXT1));
	assert_string_equal(text, TEXT1);
	assert_string_equal(date, "2024-03-05");
	assert_string_equal(title, "A title");
	free(text);
	free(date);
	free(title);

	assert_int_equal(ent_store_document(fx->s, "d2", &text, &len, &date,
					    NULL), 0);
	assert_null(date);
	free(text);

	assert_int_equal(ent_store_document(fx->s, "nope", &text, &len, &date,
					    &title), ENT_ENOTFOUND);
	assert_null(text);
	assert_non_null(strstr(ent_store_error(fx->s), "nope"));
}

typedef struct pairs {
	int n;
	char rows[4][160];
} pairs;

static int pairs_cb(const ent_pair_summary *p, void *ctx)
{
	pairs *ps = ctx;
	if (ps->n < 4)
		snprintf(ps->rows[ps->n], sizeof(ps->rows[0]),
			 "%s %s n=%ld q=%ld/%ld/%ld/%ld g=%.3f %s..%s [%s]",
			 p->a, p->b, p->events, p->by_quad[1], p->by_quad[2],
			 p->by_quad[3], p->by_quad[4], p->goldstein_mean,
			 p->first_date ? p->first_date : "null",
			 p->last_date ? p->last_date : "null", p->top_codes);
	ps->n++;
	return 0;
}

static void test_pairs(void **state)
{
	fixture *fx = *state;
	pairs ps = {0};
	assert_int_equal(ent_store_pairs(fx->s, NULL, pairs_cb, &ps), 0);
	assert_int_equal(ps.n, 3);
	/* 010 (root 01) is left out: VNM/--- has no scored event. */
	assert_string_equal(ps.rows[0],
		"RUS VNM n=4 q=4/0/0/0 g=2.975 2024-02-10..2024-03-20 "
		"[040:2 042:1 057:1]");
	assert_string_equal(ps.rows[1],
		"CHN VNM n=1 q=1/0/0/0 g=5.200 null..null [0311:1]");
	assert_string_equal(ps.rows[2],
		"USA --- n=1 q=0/0/1/0 g=-2.000 2023-12-31..2023-12-31 "
		"[112:1]");

	/* Filters apply before grouping. */
	ent_filter f = ENT_FILTER_INIT;
	f.since = "2024-03";
	memset(&ps, 0, sizeof(ps));
	assert_int_equal(ent_store_pairs(fx->s, &f, pairs_cb, &ps), 0);
	assert_int_equal(ps.n, 1);
	assert_string_equal(ps.rows[0],
		"RUS VNM n=3 q=3/0/0/0 g=3.333 2024-03..2024-03-20 "
		"[040:2 057:1]");
}

/* More than five codes: only the five most frequent, ties by code. */
static void test_pairs_top5(void **state)
{
	fixture *fx = *state;
	static const char *const cs[] = {"020", "030", "036", "043", "046",
					 "050", "036", "046"};
	ent_record r[8];
	for (int i = 0; i < 8; i++)
		r[i] = rec(cs[i], "FRA", "DEU", "2020", 1, 1.0, 0, 4);
	ent_input in = input("d3", "Top codes text.", "2020");
	assert_int_equal(ent_store_put_records(fx->s, &in, r, 8, 1, "en",
					       NULL), 0);
	ent_filter f = ENT_FILTER_INIT;
	f.country = "DEU";
	pairs ps = {0};
	assert_int_equal(ent_store_pairs(fx->s, &f, pairs_cb, &ps), 0);
	assert_int_equal(ps.n, 1);
	assert_string_equal(ps.rows[0],
		"DEU FRA n=8 q=8/0/0/0 g=1.000 2020..2020 "
		"[036:2 046:2 020:1 030:1 043:1]");
}

static void test_reopen(void **state)
{
	fixture *fx = *state;
	ent_error err = {0};
	ent_store_close(fx->s);
	fx->s = NULL;
	assert_int_equal(ent_store_open(&fx->s, fx->path, &err), 0);
	long docs = 0, events = 0;
	assert_int_equal(ent_store_counts(fx->s, &docs, &events), 0);
	assert_int_equal(docs, 2);
	assert_int_equal(events, 7);
	ent_input in = input("d2", TEXT2, NULL);
	bool was_new = true;
	assert_int_equal(ent_store_put_records(fx->s, &in, NULL, 0, 0, NULL,
					       &was_new), 0);
	assert_false(was_new);
}

static void test_not_a_database(void **state)
{
	fixture *fx = *state;
	if (testdb_pg())
		skip(); /* a file that is not a database: SQLite only */
	char path[160];
	snprintf(path, sizeof(path), "%s.txt", fx->path);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 100; i++)
		fputs("This is a text file, not a database at all.\n", f);
	fclose(f);

	ent_store *s = NULL;
	ent_error err = {0};
	int rc = ent_store_open(&s, path, &err);
	assert_true(rc < 0);
	assert_int_equal(err.code, rc);
	assert_null(s);
	assert_non_null(strstr(err.message, path));
	assert_non_null(strstr(err.message, "not a SQLite database"));
}

static void test_newer_version(void **state)
{
	fixture *fx = *state;
	if (testdb_pg()) {
		assert_int_equal(ent_store_exec(fx->s, "UPDATE schema_version"
						" SET version = 99"), 0);
		ent_store_close(fx->s);
		fx->s = NULL;
	} else {
		ent_store_close(fx->s);
		fx->s = NULL;
		sqlite3 *db = NULL;
		assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99",
					      NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
	}

	ent_error err = {0};
	assert_true(ent_store_open(&fx->s, fx->path, &err) < 0);
	assert_null(fx->s);
	assert_non_null(strstr(err.message, fx->path));
	assert_non_null(strstr(err.message, "99"));
	char current[32];
	snprintf(current, sizeof(current), "version %d", ENT_STORE_SCHEMA_VERSION);
	assert_non_null(strstr(err.message, current));
}

static void test_rollback(void **state)
{
	fixture *fx = *state;
	long docs = 0, events = 0;
	ent_input in = input("d3", "A third document.", "2025");
	ent_record r = rec("040", "FRA", "DEU", "2025", 1, 1.0, 0, 17);

	assert_int_equal(ent_store_begin(fx->s), 0);
	assert_int_equal(ent_store_put_records(fx->s, &in, &r, 1, 1, "en",
					       NULL), 0);
	assert_int_equal(ent_store_counts(fx->s, &docs, &events), 0);
	assert_int_equal(docs, 3);
	assert_int_equal(ent_store_rollback(fx->s), 0);
	assert_int_equal(ent_store_counts(fx->s, &docs, &events), 0);
	assert_int_equal(docs, 2);
	assert_int_equal(events, 7);

	/* And the same batch committed lands. */
	bool was_new = false;
	assert_int_equal(ent_store_begin(fx->s), 0);
	assert_int_equal(ent_store_put_records(fx->s, &in, &r, 1, 1, "en",
					       &was_new), 0);
	assert_true(was_new);
	assert_int_equal(ent_store_commit(fx->s), 0);
	assert_int_equal(ent_store_counts(fx->s, &docs, &events), 0);
	assert_int_equal(docs, 3);
	assert_int_equal(events, 8);
}

/* A put that fails half-way leaves nothing of the document, and the
 * enclosing batch goes on. */
static void test_put_atomic(void **state)
{
	fixture *fx = *state;
	long docs = 0, events = 0;
	ent_input in = input("d4", "Broken document.", NULL);
	ent_record r[2] = {
		rec("040", "FRA", "DEU", NULL, 1, 1.0, 0, 5),
		rec(NULL, "FRA", "DEU", NULL, 1, 1.0, 0, 5),
	};
	ent_input ok = input("d5", "Good document.", NULL);

	assert_int_equal(ent_store_begin(fx->s), 0);
	bool was_new = true;
	assert_int_equal(ent_store_put_records(fx->s, &in, r, 2, 1, "en",
					       &was_new), ENT_EUSAGE);
	assert_false(was_new);
	assert_non_null(strstr(ent_store_error(fx->s), "d4"));
	assert_int_equal(ent_store_put_records(fx->s, &ok, r, 1, 1, "en",
					       &was_new), 0);
	assert_int_equal(ent_store_commit(fx->s), 0);
	assert_int_equal(ent_store_counts(fx->s, &docs, &events), 0);
	assert_int_equal(docs, 3);
	assert_int_equal(events, 8);
	char *text = NULL;
	assert_int_equal(ent_store_document(fx->s, "d4", &text, NULL, NULL,
					    NULL), ENT_ENOTFOUND);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_put_idempotent),
		T(test_order_all),
		T(test_filter_country),
		T(test_filter_pair),
		T(test_filter_dates),
		T(test_filter_code),
		T(test_filter_sector),
		T(test_filter_misc),
		T(test_stop),
		T(test_event_by_id),
		T(test_document),
		T(test_pairs),
		T(test_pairs_top5),
		T(test_reopen),
		T(test_not_a_database),
		T(test_newer_version),
		T(test_rollback),
		T(test_put_atomic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
