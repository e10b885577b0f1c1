/*
 * test_merge.c: merged events (src/store/merge.c and the merging in
 * src/store/sqlite.c), the migration from schema version 1 and the GDELT
 * export, with hand-made records (no engine).
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

static char dir[64];

static void db_path(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", dir, name);
}

/* A fresh database `name` (tests/pg/testdb.h: a file, or a PostgreSQL
 * database under ENT_TEST_DB). */
static ent_store *open_db(const char *name)
{
	char p[256];
	if (testdb_fresh(p, sizeof(p), dir, name) != 0)
		fail_msg("cannot make database %s", name);
	ent_store *s = NULL;
	ent_error err = {0};
	if (ent_store_open(&s, p, &err) != 0)
		fail_msg("open %s: %s", p, err.message);
	return s;
}

static ent_record rec(const char *code, const char *src, const char *tgt,
		      const char *date, const char *place, uint32_t s0)
{
	ent_record r;
	memset(&r, 0, sizeof(r));
	r.code = code;
	r.source = src;
	r.target = tgt;
	r.date = date;
	r.place = place;
	r.quad = 1;
	r.goldstein = 3.0;
	r.plover = "CONSULT";
	r.sentence_span = (ent_span){s0, 5};
	return r;
}

static ent_input doc(const char *id, const char *text, const char *url)
{
	ent_input in;
	memset(&in, 0, sizeof(in));
	in.id = id;
	in.text = text;
	in.len = strlen(text);
	in.url = url;
	in.title = id;
	in.origin = "test";
	return in;
}

static void put(ent_store *s, const char *id, const char *text,
		const char *url, const ent_record *r, size_t n)
{
	ent_input in = doc(id, text, url);
	bool was_new = false;
	if (ent_store_put_records(s, &in, r, n, 1, "en", &was_new) != 0)
		fail_msg("put %s: %s", id, ent_store_error(s));
}

/* ---- the rule ---- */

static void test_dates(void **state)
{
	(void)state;
	assert_true(ent_merge_dates_compatible("2025-05-10", "2025-05-10"));
	assert_true(ent_merge_dates_compatible("2025-05-10", "2025-05-11"));
	assert_true(ent_merge_dates_compatible("2025-05-31", "2025-06-01"));
	assert_false(ent_merge_dates_compatible("2025-05-10", "2025-05-12"));
	assert_true(ent_merge_dates_compatible("2025-05", "2025-05-10"));
	assert_true(ent_merge_dates_compatible("2025-05-10", "2025-05"));
	assert_true(ent_merge_dates_compatible("2025", "2025-05-10"));
	assert_true(ent_merge_dates_compatible("2025-05", "2025-05"));
	assert_false(ent_merge_dates_compatible("2025-05", "2025-06-01"));
	assert_false(ent_merge_dates_compatible("2025-04", "2025-05"));
	assert_false(ent_merge_dates_compatible(NULL, "2025-05"));
	assert_false(ent_merge_dates_compatible("2025", NULL));
	assert_true(ent_merge_dates_compatible(NULL, NULL));
	assert_true(ent_merge_dates_compatible(NULL, ""));
	assert_true(ent_merge_places_compatible("Hanoi", "Hanoi"));
	assert_true(ent_merge_places_compatible("Hanoi", NULL));
	assert_true(ent_merge_places_compatible(NULL, NULL));
	assert_false(ent_merge_places_compatible("Hanoi", "Moscow"));
}

static void test_components(void **state)
{
	(void)state;
	/* 0-1-2 chain by day; 3 is two days later; 4 (a month) joins 3 and
	 * the chain; 5 another place; 6, 7 undated join each other only. */
	const char *d[] = {"2025-05-01", "2025-05-02", "2025-05-03",
			   "2025-05-05", "2025-05", "2025-05-02", NULL, NULL};
	const char *p[] = {"Hanoi", NULL, "Hanoi", "Hanoi", NULL, "Moscow",
			   "Paris", NULL};
	size_t comp[8];
	ent_merge_components(8, d, p, comp);
	assert_int_equal(comp[0], 0);
	assert_int_equal(comp[1], 0);
	assert_int_equal(comp[2], 0);
	assert_int_equal(comp[3], 0); /* through the month */
	assert_int_equal(comp[4], 0);
	assert_int_equal(comp[5], 0); /* Moscow meets the NULL place of 1 */
	assert_int_equal(comp[6], 6);
	assert_int_equal(comp[7], 6);

	const char *d2[] = {"2025-05-01", "2025-05-03", "2025-05-01"};
	const char *p2[] = {"Hanoi", "Hanoi", "Moscow"};
	ent_merge_components(3, d2, p2, comp);
	assert_int_equal(comp[0], 0);
	assert_int_equal(comp[1], 1);
	assert_int_equal(comp[2], 2);
}

static void test_iso_week(void **state)
{
	(void)state;
	char w[9];
	assert_true(ent_iso_week("2025-05-10", w));
	assert_string_equal(w, "2025-W19");
	assert_true(ent_iso_week("2024-12-30", w));
	assert_string_equal(w, "2025-W01");
	assert_true(ent_iso_week("2021-01-03", w));
	assert_string_equal(w, "2020-W53");
	assert_true(ent_iso_week("2025-05", w)); /* 1 May 2025 */
	assert_string_equal(w, "2025-W18");
	assert_false(ent_iso_week("2025", w));
	assert_false(ent_iso_week(NULL, w));
}

/* ---- merging in the store ---- */

static const char TA[] = "Alpha text. Vietnam and Russia met in Hanoi.";
static const char TB[] = "Bravo text. Russia and Vietnam met in Hanoi.";
static const char TC[] = "Charlie text. Vietnam met Russia; Laos too.";

static void put_doc(ent_store *s, char which)
{
	if (which == 'A') {
		ent_record r[] = {rec("040", "VNMGOV", "RUSGOV", "2025-05-10", "Hanoi", 0),
				  rec("057", "VNM", "RUS", "2025-05", NULL, 12),
				  rec("010", "VNM", NULL, "2025-05-10", NULL, 0)};
		put(s, "a", TA, "https://www.vnexpress.net/a", r, 3);
	} else if (which == 'B') {
		ent_record r[] = {rec("040", "RUSGOV", "VNMGOV", "2025-05-11", NULL, 0),
				  rec("042", "RUS", "VNM", "2025-05-11", "Hanoi", 12),
				  rec("057", "RUS", "VNM", "2025-05-20", NULL, 12)};
		put(s, "b", TB, "http://tass.ru/b", r, 3);
	} else {
		ent_record r[] = {rec("040", "VNM", "RUS", "2025-05-12", "Moscow", 0),
				  rec("040", "VNM", "LAO", "2025-05-12", NULL, 20)};
		put(s, "c", TC, NULL, r, 2);
	}
}

typedef struct dump {
	char text[4096];
	int n;
	ent_merged last;
	long mentions[16];
	int64_t ids[16];
} dump;

/* Everything of a merged event but its id. */
static int dump_cb(const ent_merged *m, void *p)
{
	dump *d = p;
	size_t len = strlen(d->text);
	snprintf(d->text + len, sizeof(d->text) - len,
		 "%s %s-%s %s %s %s..%s %s %llx %.1f %d %s m%ld a%ld o%ld\n",
		 m->code, m->a, m->b, m->source ? m->source : "-",
		 m->target ? m->target : "-", m->date ? m->date : "-",
		 m->last_date ? m->last_date : "-", m->place ? m->place : "-",
		 (unsigned long long)m->sectors, m->goldstein, m->quad,
		 m->plover ? m->plover : "-", m->mentions, m->articles,
		 m->outlets);
	if (d->n < 16) {
		d->mentions[d->n] = m->mentions;
		d->ids[d->n] = m->id;
	}
	d->n++;
	return 0;
}

static void dump_merged(ent_store *s, dump *d)
{
	memset(d, 0, sizeof(*d));
	ent_filter f = ENT_FILTER_INIT;
	assert_int_equal(ent_store_merged(s, &f, dump_cb, d), 0);
}

static void test_order_independent(void **state)
{
	(void)state;
	static const char *const orders[] = {"ABC", "CAB", "BCA"};
	dump d[3];
	for (int k = 0; k < 3; k++) {
		char name[16];
		snprintf(name, sizeof(name), "order%d.db", k);
		ent_store *s = open_db(name);
		for (const char *o = orders[k]; *o; o++)
			put_doc(s, *o);
		dump_merged(s, &d[k]);
		ent_store_close(s);
	}
	assert_string_equal(d[0].text, d[1].text);
	assert_string_equal(d[0].text, d[2].text);
	/* 040/042 RUS-VNM: A (10th, Hanoi), B (11th, NULL place) and C
	 * (12th, Moscow) chain through B; roots 04 only: 040 x3 + 042. */
	assert_non_null(strstr(d[0].text, "040 RUS-VNM VNMGOV RUSGOV 2025-05-10..2025-05-12 Hanoi 0 3.0 1 CONSULT m4 a3 o3\n"));
	/* 057 2025-05 (A) contains B's 2025-05-20 */
	assert_non_null(strstr(d[0].text, "057 RUS-VNM VNM RUS 2025-05-20..2025-05-20 - 0 3.0 1 CONSULT m2 a2 o2\n"));
	assert_non_null(strstr(d[0].text, "040 LAO-VNM VNM LAO 2025-05-12..2025-05-12 - "));
	assert_non_null(strstr(d[0].text, "010 VNM---- VNM - 2025-05-10..2025-05-10"));
	assert_int_equal(d[0].n, 4);
}

static int count_cb(const ent_record *r, void *p)
{
	(void)r;
	++*(int *)p;
	return 0;
}

static void test_recompute_and_idempotent(void **state)
{
	(void)state;
	ent_store *s = open_db("recompute.db");
	put_doc(s, 'A');
	dump d;
	dump_merged(s, &d);
	assert_non_null(strstr(d.text, "040 RUS-VNM VNMGOV RUSGOV 2025-05-10..2025-05-10 Hanoi 0 3.0 1 CONSULT m1 a1 o1\n"));
	/* B joins A's 040 (and adds 042): counts change, in a batch too */
	assert_int_equal(ent_store_begin(s), 0);
	put_doc(s, 'B');
	assert_int_equal(ent_store_commit(s), 0);
	dump_merged(s, &d);
	assert_non_null(strstr(d.text, "040 RUS-VNM VNMGOV RUSGOV 2025-05-10..2025-05-11 Hanoi 0 3.0 1 CONSULT m3 a2 o2\n"));
	/* its mentions */
	ent_filter f = ENT_FILTER_INIT;
	f.code = "04";
	dump d4;
	memset(&d4, 0, sizeof(d4));
	assert_int_equal(ent_store_merged(s, &f, dump_cb, &d4), 0);
	assert_int_equal(d4.n, 1);
	int n = 0;
	if (ent_store_mentions(s, d4.ids[0], count_cb, &n) != 0)
		fail_msg("mentions: %s", ent_store_error(s));
	assert_int_equal(n, 3);
	assert_int_equal(ent_store_mentions(s, 999999, count_cb, &n), ENT_ENOTFOUND);
	/* the same documents again change nothing */
	put_doc(s, 'A');
	put_doc(s, 'B');
	dump again;
	dump_merged(s, &again);
	assert_string_equal(d.text, again.text);
	/* doc_id and newest_first */
	f = (ent_filter)ENT_FILTER_INIT;
	f.doc_id = "b";
	f.newest_first = true;
	memset(&d4, 0, sizeof(d4));
	assert_int_equal(ent_store_merged(s, &f, dump_cb, &d4), 0);
	assert_int_equal(d4.n, 2);
	assert_non_null(strstr(d4.text, "057"));
	assert_true(strstr(d4.text, "057") < strstr(d4.text, "040"));
	ent_store_close(s);
}

/* ---- migration from version 1 ---- */

static void test_migration(void **state)
{
	(void)state;
	if (testdb_pg())
		skip(); /* SQLite's version 1; PostgreSQL starts at version 2 */
	char p[160];
	db_path(p, sizeof(p), "v1.db");
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, ent_store_migration_sql(1), NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"PRAGMA user_version = 1;"
		"INSERT INTO documents (id, doc_id, content_hash, date, title, url, text)"
		" VALUES (1, 'old', 'h1', '2025-05-10', 'Visite à Hanoï',"
		" 'https://www.Example.org:8080/x', 'Le Vietnam reçoit la Russie à Hanoï.'),"
		" (2, 'old2', 'h2', NULL, NULL, NULL, 'Autre texte.');"
		"INSERT INTO events (document_id, doc_id, code, root, source, target,"
		" source_country, target_country, date, place, goldstein, quad)"
		" VALUES (1, 'old', '040', '04', 'VNM', 'RUS', 'VNM', 'RUS', '2025-05-10', 'Hanoi', 1, 1),"
		" (2, 'old2', '042', '04', 'RUS', 'VNM', 'RUS', 'VNM', '2025-05-11', NULL, 1.9, 1);",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	ent_store *s = open_db("v1.db");
	long docs = 0, events = 0;
	assert_int_equal(ent_store_counts(s, &docs, &events), 0);
	assert_int_equal(docs, 2);
	assert_int_equal(events, 2);
	dump d;
	dump_merged(s, &d);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.text, "m2 a2 o2"));
	ent_store_close(s);

	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT outlet FROM documents WHERE id = 1),"
		" (SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'hanoi'),"
		" (SELECT user_version FROM pragma_user_version)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "example.org");
	assert_int_equal(sqlite3_column_int(st, 1), 1);
	assert_int_equal(sqlite3_column_int(st, 2), ENT_STORE_SCHEMA_VERSION);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void test_outlet(void **state)
{
	(void)state;
	char *h = ent_url_outlet("https://www.VnExpress.net/a?b");
	assert_string_equal(h, "vnexpress.net");
	free(h);
	h = ent_url_outlet("http://user@tass.ru:80");
	assert_string_equal(h, "tass.ru");
	free(h);
	assert_null(ent_url_outlet(""));
	assert_null(ent_url_outlet(NULL));
}

/* ---- GDELT ---- */

static void test_gdelt(void **state)
{
	(void)state;
	ent_record r = rec("0311", "VNMGOV", "RUSLEG", "2025-05-10", "Hanoi", 0);
	r.id = 42;
	r.source_name = "Tô\tLâm";
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ent_gdelt_extra x = {.url = "https://x.vn/a", .ingested_at = "2025-05-11T08:09:10Z"};
	assert_int_equal(ent_record_write_gdelt_ex(f, &r, &x), 0);
	r.date = "2025-05";
	r.place = NULL;
	assert_int_equal(ent_record_write_gdelt(f, &r), 0);
	fclose(f);
	char *line2 = strchr(buf, '\n') + 1;
	line2[-1] = '\0';
	char *cols[70];
	int n = 0;
	for (char *p = buf;; p++) {
		cols[n++] = p;
		p = strchr(p, '\t');
		if (!p || n == 70)
			break;
		*p = '\0';
	}
	assert_int_equal(n, 61);
	assert_string_equal(cols[0], "42");
	assert_string_equal(cols[1], "20250510");
	assert_string_equal(cols[2], "202505");
	assert_string_equal(cols[3], "2025");
	assert_string_equal(cols[4], "2025.3562"); /* day 130 / 365 */
	assert_string_equal(cols[5], "VNMGOV");
	assert_string_equal(cols[6], "Tô Lâm");
	assert_string_equal(cols[7], "VNM");
	assert_string_equal(cols[12], "GOV");
	assert_string_equal(cols[15], "RUSLEG");
	assert_string_equal(cols[17], "RUS");
	assert_string_equal(cols[22], "LEG");
	assert_string_equal(cols[25], "1");
	assert_string_equal(cols[26], "0311");
	assert_string_equal(cols[27], "031");
	assert_string_equal(cols[28], "03");
	assert_string_equal(cols[29], "1");
	assert_string_equal(cols[30], "3.0");
	assert_string_equal(cols[31], "1");
	assert_string_equal(cols[51], "4");
	assert_string_equal(cols[52], "Hanoi");
	assert_string_equal(cols[53], "");
	assert_string_equal(cols[59], "20250511080910");
	assert_string_equal(cols[60], "https://x.vn/a");
	/* month precision: its first day; no url, no time */
	assert_non_null(strstr(line2, "42\t20250501\t202505\t2025\t"));
	int tabs = 0;
	for (char *p = line2; *p; p++)
		tabs += *p == '\t';
	assert_int_equal(tabs, 60);
	free(buf);
}

static int setup_dir(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof(dir), "%s/entmergeXXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_components),
		cmocka_unit_test(test_iso_week),
		cmocka_unit_test(test_order_independent),
		cmocka_unit_test(test_recompute_and_idempotent),
		cmocka_unit_test(test_migration),
		cmocka_unit_test(test_outlet),
		cmocka_unit_test(test_gdelt),
	};
	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
