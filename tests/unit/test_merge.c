/*
 * test_merge.c: merged events (src/store/merge.c and the merging in
 * src/store/store.c), the partial rebuilds of merged events against full
 * ones, the migration from schema version 1 and the GDELT export, with
 * hand-made records (no engine).
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

/* ---- migration from version 2 ---- */

static void null_outlet(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_null(cx);
}

static bool has_index(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM"
		" sqlite_master WHERE type = 'index' AND name = ?", -1, &st,
		NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	bool yes = sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	return yes;
}

/* Version 3 indexes a group's mentions by date (events_group_date) in
 * place of events_group. */
static void test_migration_3(void **state)
{
	(void)state;
	if (testdb_pg())
		skip(); /* tests/pg: a new database runs the steps too */
	char p[160];
	db_path(p, sizeof(p), "v2.db");
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_create_function(db, "ent_outlet", 1,
		SQLITE_UTF8, NULL, null_outlet, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, ent_store_migration_sql(1), NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, ent_store_migration_sql(2), NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 2", NULL, NULL, NULL), SQLITE_OK);
	assert_true(has_index(db, "events_group"));
	sqlite3_close(db);

	ent_store *s = open_db("v2.db");
	put_doc(s, 'A');
	put_doc(s, 'B');
	dump d;
	dump_merged(s, &d);
	assert_non_null(strstr(d.text, "040 RUS-VNM VNMGOV RUSGOV 2025-05-10..2025-05-11 Hanoi 0 3.0 1 CONSULT m3 a2 o2\n"));
	ent_store_close(s);

	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_true(has_index(db, "events_group_date"));
	assert_false(has_index(db, "events_group"));
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), ENT_STORE_SCHEMA_VERSION);
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

/* ---- partial rebuilds equal full rebuilds ---- */

/* Every date compatible with x lies in one of x's ranges: checked against
 * every day, month and year of 2024-2026 and the ends of the calendar. */
static void test_date_ranges(void **state)
{
	(void)state;
	static const char *const xs[] = {
		"2025-05-10", "2025-05-01", "2025-05-31", "2025-01-01",
		"2024-12-31", "2024-02-29", "2024-03-01", "2025-05", "2025-01",
		"2024-12", "2025", "2024", "1000-01-01", "9999-12-31", "1000",
		"9999-12"};
	static char ys[2000][16];
	size_t ny = 0;
	for (int y = 2023; y <= 2026; y++) {
		snprintf(ys[ny++], sizeof(ys[0]), "%04d", y);
		for (int m = 1; m <= 12; m++) {
			snprintf(ys[ny++], sizeof(ys[0]), "%04d-%02d", y, m);
			for (int d = 1; d <= 31; d++) {
				snprintf(ys[ny], sizeof(ys[0]), "%04d-%02d-%02d", y, m, d);
				/* a real day is compatible with itself */
				ny += ent_merge_dates_compatible(ys[ny], ys[ny]);
			}
		}
	}
	static const char *const ends[] = {"1000", "1000-01", "1000-01-01",
		"1000-01-02", "9999", "9999-12", "9999-12-30", "9999-12-31"};
	for (size_t i = 0; i < sizeof(ends) / sizeof(*ends); i++)
		snprintf(ys[ny++], sizeof(ys[0]), "%s", ends[i]);
	for (size_t i = 0; i < sizeof(xs) / sizeof(*xs); i++) {
		ent_date_range r[3];
		size_t n = ent_merge_date_ranges(xs[i], r);
		assert_true(n >= 1 && n <= 3);
		size_t linked = 0;
		for (size_t j = 0; j < ny; j++) {
			const char *y = ys[j];
			if (!ent_merge_dates_compatible(xs[i], y))
				continue;
			linked++;
			bool in = false;
			for (size_t k = 0; k < n && !in; k++)
				in = strcmp(r[k].lo, y) <= 0 && strcmp(y, r[k].hi) <= 0;
			if (!in)
				fail_msg("%s links to %s outside its ranges", xs[i], y);
		}
		assert_true(linked >= 1); /* itself at least */
	}
	ent_date_range r[3];
	assert_int_equal(ent_merge_date_ranges(NULL, r), 0);
	assert_int_equal(ent_merge_date_ranges("", r), 0);
	assert_int_equal(ent_merge_date_ranges("2025-02-30", r), 0);
	assert_int_equal(ent_merge_date_ranges("2025-5-1", r), 0);
	assert_int_equal(ent_merge_date_ranges("2025-05-31", r), 3);
	assert_string_equal(r[0].lo, "2025-05-30");
	assert_string_equal(r[0].hi, "2025-06-01");
}

/* A corpus of documents whose mentions fall in a few groups: days close
 * enough to chain, month and year dates that contain them, dates across
 * month and year ends, NULL and unparsable dates, places that agree or
 * not, negated mentions, and documents that bridge two earlier merged
 * events (a day between two, a month containing both). */
#define NDOCS 44
typedef struct cdoc {
	char id[16], text[96], names[4][16];
	const char *url;
	ent_record r[4];
	size_t n;
} cdoc;
static cdoc corpus[NDOCS];

static unsigned lcg(unsigned *x)
{
	*x = *x * 1103515245u + 12345u;
	return (*x >> 16) & 0x7fff;
}

static void make_corpus(void)
{
	static const char *const dates[] = {
		"2025-05-08", "2025-05-09", "2025-05-10", "2025-05-11",
		"2025-05-12", "2025-05-13", "2025-05-14", "2025-05-16",
		"2025-05-31", "2025-06-01", "2024-12-31", "2025-01-01",
		"2025-05", "2025-06", "2024-12", "2025", NULL, "2025-02-30"};
	static const char *const places[] = {NULL, "Hanoi", "Moscow", NULL};
	static const char *const src[] = {"VNMGOV", "RUS", "VNM", "VNM"};
	static const char *const tgt[] = {"RUSGOV", "VNM", "LAO", NULL};
	static const char *const codes[] = {"040", "042", "043", "057", "051"};
	static const char *const urls[] = {"https://a.vn/x", "http://b.ru/y",
		"https://www.c.la/z", NULL, "https://a.vn/w"};
	unsigned x = 12345;
	memset(corpus, 0, sizeof(corpus));
	for (int i = 0; i < NDOCS; i++) {
		cdoc *c = &corpus[i];
		snprintf(c->id, sizeof(c->id), "d%02d", i);
		snprintf(c->text, sizeof(c->text), "Document %d: Vietnam, Russia"
			 " and Laos, take %u.", i, lcg(&x));
		c->url = urls[lcg(&x) % 5];
		c->n = 1 + lcg(&x) % 4;
		for (size_t k = 0; k < c->n; k++) {
			unsigned p = lcg(&x) % 4, dd = lcg(&x) % 24;
			/* mostly the days of mid-May */
			const char *date = dd < 18 ? dates[dd] : dates[dd % 8];
			ent_record r = rec(codes[lcg(&x) % 5], src[p], tgt[p], date,
					   places[lcg(&x) % 4], (uint32_t)(10 * k));
			r.goldstein = 1.0 + (double)(lcg(&x) % 7) / 3.0;
			r.quad = 1 + (int)(lcg(&x) % 4);
			r.sectors = lcg(&x) % 8;
			r.negated = lcg(&x) % 8 == 0;
			r.trigger = (ent_span){(uint32_t)(lcg(&x) % 3), 2};
			if (lcg(&x) % 3 == 0) {
				snprintf(c->names[k], sizeof(c->names[k]), "Name %u",
					 lcg(&x) % 3);
				r.source_name = c->names[k];
			}
			c->r[k] = r;
		}
	}
	/* Bridges (Vietnam-Cambodia, a group of their own), last in the
	 * corpus order: 20 and 22 May in Hanoi, then
	 * the 21st with no place; 3 and 28 July in Moscow, then "2025-07"
	 * (which comes first in merge order, so the merged id moves). */
	static const struct {
		const char *date, *place;
	} br[] = {{"2025-05-20", "Hanoi"}, {"2025-05-22", "Hanoi"},
		  {"2025-07-03", "Moscow"}, {"2025-07-28", "Moscow"},
		  {"2025-05-21", NULL}, {"2025-07", NULL}};
	for (int j = 0; j < 6; j++) {
		cdoc *c = &corpus[NDOCS - 6 + j];
		c->n = 1;
		c->r[0] = rec("040", "VNMGOV", "KHMGOV", br[j].date,
			      br[j].place, 0);
	}
}

static void put_cdoc(ent_store *s, int i)
{
	cdoc *c = &corpus[i];
	ent_input in = doc(c->id, c->text, c->url);
	bool was_new = false;
	if (ent_store_put_records(s, &in, c->r, c->n, 1, "en", &was_new) != 0)
		fail_msg("put %s: %s", c->id, ent_store_error(s));
}

typedef struct mline {
	char *text;
	int64_t id;
} mline;

typedef struct mdump {
	mline *items;
	size_t len;
} mdump;

static int mdump_cb(const ent_merged *m, void *p)
{
	mdump *d = p;
	mline l = {NULL, m->id};
	size_t n = 0;
	FILE *f = open_memstream(&l.text, &n);
#define S(x) ((x) ? (x) : "-")
	fprintf(f, "%s %s-%s %s %s %s %s %s..%s %s %llx %.17g %d %s m%ld a%ld"
		" o%ld |", m->code, m->a, m->b, S(m->source), S(m->target),
		S(m->source_name), S(m->target_name), S(m->date),
		S(m->last_date), S(m->place), (unsigned long long)m->sectors,
		m->goldstein, m->quad, S(m->plover), m->mentions, m->articles,
		m->outlets);
	fclose(f);
	d->items = realloc(d->items, (d->len + 1) * sizeof(*d->items));
	d->items[d->len++] = l;
	return 0;
}

typedef struct mention_walk {
	FILE *f;
	bool stable;
	int64_t rep;
	char rep_key[32];
} mention_walk;

static int mention_cb(const ent_record *r, void *p)
{
	mention_walk *w = p;
	char key[32];
	snprintf(key, sizeof(key), "%s:%u", r->doc_id, r->sentence_span.start);
	if (r->id == w->rep)
		snprintf(w->rep_key, sizeof(w->rep_key), "%s", key);
	if (w->stable)
		fprintf(w->f, " %s", key);
	else
		fprintf(w->f, " %lld", (long long)r->id);
	return 0;
}

static int cmp_line(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Every merged row (every column, its id) and the ids of its mentions, one
 * line each; `stable`: ids given as document:sentence, lines sorted, so
 * that stores filled in different orders compare. Malloc'ed. */
static char *dump_all(ent_store *s, bool stable)
{
	mdump d = {NULL, 0};
	ent_filter f = ENT_FILTER_INIT;
	if (ent_store_merged(s, &f, mdump_cb, &d) != 0)
		fail_msg("merged: %s", ent_store_error(s));
	char **out = calloc(d.len + 1, sizeof(*out));
	for (size_t i = 0; i < d.len; i++) {
		char *buf = NULL;
		size_t n = 0;
		FILE *fm = open_memstream(&buf, &n);
		mention_walk w = {fm, stable, d.items[i].id, ""};
		fprintf(fm, "%s", d.items[i].text);
		if (ent_store_mentions(s, d.items[i].id, mention_cb, &w) != 0)
			fail_msg("mentions: %s", ent_store_error(s));
		if (!w.rep_key[0])
			fail_msg("merged event %lld is not one of its mentions",
				 (long long)d.items[i].id);
		if (stable)
			fprintf(fm, " rep %s", w.rep_key);
		else
			fprintf(fm, " id %lld", (long long)d.items[i].id);
		fclose(fm);
		out[i] = buf;
		free(d.items[i].text);
	}
	size_t nl = d.len;
	if (stable)
		qsort(out, nl, sizeof(*out), cmp_line);
	char *all = NULL;
	size_t n = 0;
	FILE *fa = open_memstream(&all, &n);
	for (size_t i = 0; i < nl; i++) {
		fprintf(fa, "%s\n", out[i]);
		free(out[i]);
	}
	fclose(fa);
	free(out);
	free(d.items);
	return all;
}

/* What the partial rebuilds left equals a rebuild of every group. */
static void check_full(ent_store *s, const char *when)
{
	char *part = dump_all(s, false);
	if (ent_store_rebuild_all_merged(s) != 0)
		fail_msg("rebuild: %s", ent_store_error(s));
	char *full = dump_all(s, false);
	if (strcmp(part, full) != 0) {
		fprintf(stderr, "%s: partial\n%s\nfull\n%s\n", when, part, full);
		fail_msg("%s: merged events differ from a full rebuild", when);
	}
	free(part);
	free(full);
}

static void test_partial_equals_full(void **state)
{
	(void)state;
	make_corpus();
	/* orders: as listed (bridges last), reversed, shuffled */
	enum { NORDERS = 5 };
	int order[NORDERS][NDOCS];
	unsigned x = 777;
	for (int k = 0; k < NORDERS; k++) {
		for (int i = 0; i < NDOCS; i++)
			order[k][i] = k == 1 ? NDOCS - 1 - i : i;
		for (int i = NDOCS - 1; k >= 2 && i > 0; i--) {
			int j = (int)(lcg(&x) % (unsigned)(i + 1));
			int t = order[k][i];
			order[k][i] = order[k][j];
			order[k][j] = t;
		}
	}
	/* batch sizes; 0: every put on its own */
	static const size_t batches[] = {0, 1, 3, 7, NDOCS};
	char *reference = NULL;
	for (int k = 0; k < NORDERS; k++) {
		for (size_t bi = 0; bi < sizeof(batches) / sizeof(*batches); bi++) {
			size_t batch = batches[bi];
			/* not every pair on PostgreSQL: each is a database */
			if (testdb_pg() && (k + (int)bi) % 2)
				continue;
			char name[32], when[64];
			snprintf(name, sizeof(name), "part%d_%zu.db", k, batch);
			ent_store *s = open_db(name);
			for (int i = 0; i < NDOCS;) {
				int j = i;
				if (batch)
					assert_int_equal(ent_store_begin(s), 0);
				do
					put_cdoc(s, order[k][j++]);
				while (j < NDOCS && (size_t)(j - i) < batch);
				if (j == NDOCS)
					put_cdoc(s, order[k][0]); /* stored already */
				if (batch && ent_store_commit(s) != 0)
					fail_msg("commit: %s", ent_store_error(s));
				snprintf(when, sizeof(when), "order %d, batch %zu, %d"
					 " documents", k, batch, j);
				check_full(s, when);
				i = j;
			}
			char *stable = dump_all(s, true);
			if (!reference) {
				reference = stable;
				/* the corpus does what it is for: the bridges
				 * joined, the month took the id of its group */
				assert_non_null(strstr(reference, "2025-05-20..2025-05-22 Hanoi"));
				assert_non_null(strstr(reference, "2025-07-03..2025-07-28 Moscow"));
				assert_non_null(strstr(reference, "rep d43:0"));
			} else {
				if (strcmp(reference, stable) != 0)
					fail_msg("order %d, batch %zu: merged events"
						 " differ from order 0:\n%s\n---\n%s",
						 k, batch, reference, stable);
				free(stable);
			}
			ent_store_close(s);
		}
	}
	free(reference);
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
		cmocka_unit_test(test_migration_3),
		cmocka_unit_test(test_outlet),
		cmocka_unit_test(test_gdelt),
		cmocka_unit_test(test_date_ranges),
		cmocka_unit_test(test_partial_equals_full),
	};
	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
