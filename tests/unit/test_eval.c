/*
 * test_eval.c: the scorer of `entente eval` (src/cli/eval.c) against small
 * gold folders written to a temporary folder. The expected figures and
 * text are those that shared/tools/score-events prints for the same gold
 * and events (checked by hand and with the Python tool). With the shared
 * folder at hand ($ENT_SHARED or ../shared beside the source tree), the
 * seeds' gold events scored against themselves must give F1 1.0.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

/* The scorer lives in the CLI program, not in the library the tests link
 * with: it is compiled into this test directly. */
#include "cli/eval.c"

/* Doubles within 1e-12 (cmocka's assert_float_equal works in float). */
#define assert_near(a, b) \
	assert_true((a) - (b) < 1e-12 && (b) - (a) < 1e-12)

static char tmpdir[256];

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/ent_eval_XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes tmpdir/sub/name (creating tmpdir/sub) and returns tmpdir/sub. */
static const char *gold_file(const char *sub, const char *name,
			     const char *json)
{
	static char dir[512];
	char path[768];
	snprintf(dir, sizeof dir, "%s/%s", tmpdir, sub);
	mkdir(dir, 0700);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(json, f);
	fclose(f);
	return dir;
}

static uint64_t bit(const char *sector)
{
	int i = ent_sector_index(sector);
	assert_true(i >= 0);
	return (uint64_t)1 << i;
}

/* Runs the scorer and returns what it printed (malloc'ed). */
static char *run_text(const char *gold, const ent_record *recs, size_t n,
		      bool per_doc, bool json)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	ent_eval_options opt = {.per_doc = per_doc, .json = json};
	ent_error err;
	assert_int_equal(ent_eval_run(gold, recs, n, &opt, f, &err), 0);
	fclose(f);
	return text;
}

static const char GOLD_D1[] =
	"{\"doc_id\": \"d1\", \"events\": [\n"
	" {\"code\": \"040\", \"source\": \"VNMPTY\", \"target\": \"RUSGOV\","
	" \"date\": \"2025-05-10\", \"source_name\": \"T\xc3\xb4 L\xc3\xa2m\","
	" \"target_name\": [\"Vladimir Putin\", \"Poutine\"],"
	" \"place\": \"Moscow\", \"sectors\": [\"defense\", \"trade\"]},\n"
	" {\"code\": \"057\", \"source\": \"VNMPTY\", \"target\": \"RUS\","
	" \"date\": \"2025-05\", \"source_name\": \"T\xc3\xb4 L\xc3\xa2m\","
	" \"place\": \"Moscow\"},\n"
	" {\"code\": \"062\", \"source\": \"VNMMIL\", \"target\": \"RUS\","
	" \"date\": \"2025-05-09\", \"optional\": true},\n"
	" {\"code\": \"051\", \"source\": \"RUSGOV\", \"target\": \"VNMPTY\","
	" \"date\": null},\n"
	" {\"code\": \"036\", \"source\": \"VNM\", \"target\": null,"
	" \"date\": \"2025-05-11\"},\n"
	" {\"code\": \"057\", \"source\": \"VNM\", \"target\": \"CHN\","
	" \"date\": \"2025-05-12\"},\n"
	" {\"code\": \"010\", \"source\": \"VNM\", \"target\": \"RUS\","
	" \"date\": \"2025-05-10\"},\n"
	" {\"code\": \"120\", \"source\": \"RUS\", \"target\": \"UKR\","
	" \"date\": \"2025-05-10\"}\n"
	"]}\n";

static const char GOLD_D2[] =
	"{\"doc_id\": \"doc-two\", \"events\": [\n"
	" {\"code\": \"040\", \"source\": \"VNMGOV\", \"target\": \"BENGOV\","
	" \"date\": \"2023-12-14\", \"source_name\": [\"B\xc3\xb9i Thanh "
	"S\xc6\xa1n\", \"Bui Thanh Son\"], \"target_name\": null,"
	" \"place\": \"Hanoi\", \"sectors\": []}\n"
	"]}\n";

#define REC(doc, c, s, t, d) \
	{.doc_id = (doc), .code = (c), .source = (s), .target = (t), .date = (d)}

/* The scenario: every rule of EVENTS.md section 7 once. */
static const char *scenario(ent_record **out, size_t *n)
{
	static ent_record recs[] = {
		/* hits g1; the best of the two (same code and source) */
		REC("d1", "040", "VNMPTY", "RUSGOV", "2025-05-10"),
		/* same key, reversed: agreement 2 < 3 */
		REC("d1", "040", "RUSGOV", "VNMPTY", "2025-05-10"),
		/* day cut to the gold's month: hits g2 (and null-dated g4) */
		REC("d1", "057", "VNM", "RUS", "2025-05-20"),
		/* hits only the optional g3: counts on neither side */
		REC("d1", "062", "VNM", "RUS", "2025-05-09"),
		/* any date hits the null-dated g4 */
		REC("d1", "051", "RUS", "VNM", "2024-01-01"),
		/* '---' target, "" and NULL alike, one distinct key */
		REC("d1", "036", "VNMGOV", "", "2025-05-11"),
		REC("d1", "036", "VNM", NULL, "2025-05-11"),
		/* month given, the gold has the day: a miss and an extra */
		REC("d1", "120", "RUSGOV", "UKR", "2025-05"),
		/* extras: two events, one key */
		REC("d1", "190", "USA", "CHN", "2025-05"),
		REC("d1", "193", "USA", "CHN", "2025-05"),
		/* not scored */
		REC("d1", "010", "VNM", "RUS", "2025-05-10"),
		/* no gold file: ignored */
		REC("nodoc", "040", "VNM", "RUS", "2025-05-10"),
		/* no date where the optional g3 has one: an extra */
		REC("d1", "064", "VNM", "RUS", NULL),
		REC("doc-two", "040", "BEN", "VNM", "2023-12-14"),
	};
	recs[0].source_name = "To Lam";
	recs[0].target_name = "Poutine";
	recs[0].place = "MOSCOW";
	recs[0].sectors = bit("defense") | bit("energy");
	recs[1].source_name = "Vladimir Putin";
	recs[1].target_name = "T\xc3\xb4 L\xc3\xa2m";
	recs[13].source_name = "BUI THANH SON";
	recs[13].place = "Ha Noi";
	*out = recs;
	*n = sizeof recs / sizeof *recs;
	gold_file("g1", "d1.json", GOLD_D1);
	gold_file("g1", "d2.json", GOLD_D2);
	return gold_file("g1", "d3.json", "{\"events\": []}");
}

static void test_figures(void **state)
{
	(void)state;
	ent_record *recs;
	size_t n;
	const char *gold = scenario(&recs, &n);
	ent_eval_result res;
	ent_error err;
	assert_int_equal(ent_eval_score(&res, gold, recs, n, &err), 0);
	assert_int_equal(res.docs, 3);
	assert_int_equal(res.tp, 5);
	assert_int_equal(res.fn, 2);
	assert_int_equal(res.tp_system, 5);
	assert_int_equal(res.fp, 3);
	assert_near(res.precision, 0.625);
	assert_near(res.recall, 5.0 / 7.0);
	assert_near(res.f1, 2.0 / 3.0);
	assert_true(res.has_code_accuracy && res.has_direction_accuracy &&
		    res.has_person_accuracy && res.has_place_accuracy &&
		    res.has_sector_jaccard);
	assert_near(res.code_accuracy, 1.0);
	assert_near(res.direction_accuracy, 0.8);
	assert_near(res.person_accuracy, 0.75);
	assert_near(res.place_accuracy, 2.0 / 3.0);
	assert_near(res.sector_jaccard, 1.0 / 3.0);

	assert_int_equal(res.nper_doc, 3);
	assert_string_equal(res.per_doc[0].doc_id, "d1");
	assert_string_equal(res.per_doc[1].doc_id, "doc-two");
	assert_string_equal(res.per_doc[2].doc_id, "d3");
	ent_eval_result_dispose(&res);
}

/* The text is score-events' own, byte for byte. */
static void test_text(void **state)
{
	(void)state;
	ent_record *recs;
	size_t n;
	const char *gold = scenario(&recs, &n);
	char *text = run_text(gold, recs, n, true, false);
	assert_string_equal(
		text,
		"d1\ttp=4\tfp=3\tfn=2\n"
		"\tmissed ('05', ('CHN', 'VNM'), '2025-05-12')\n"
		"\tmissed ('12', ('RUS', 'UKR'), '2025-05-10')\n"
		"\textra  ('06', ('RUS', 'VNM'), None)\n"
		"\textra  ('12', ('RUS', 'UKR'), '2025-05')\n"
		"\textra  ('19', ('CHN', 'USA'), '2025-05')\n"
		"doc-two\ttp=1\tfp=0\tfn=0\n"
		"d3\ttp=0\tfp=0\tfn=0\n"
		"code_accuracy: 1.0\n"
		"direction_accuracy: 0.8\n"
		"person_accuracy: 0.75\n"
		"place_accuracy: 0.6667\n"
		"sector_jaccard: 0.3333\n"
		"F1 0.667 (P 0.625 R 0.714) over 3 docs\n");
	free(text);

	text = run_text(gold, recs, n, false, true);
	assert_string_equal(
		text,
		"{\"docs\": 3, \"tp\": 5, \"fn\": 2, \"tp_system\": 5, \"fp\": 3,"
		" \"precision\": 0.625, \"recall\": 0.7143, \"f1\": 0.6667,"
		" \"code_accuracy\": 1.0, \"direction_accuracy\": 0.8,"
		" \"person_accuracy\": 0.75, \"place_accuracy\": 0.6667,"
		" \"sector_jaccard\": 0.3333}\n"
		"F1 0.667 (P 0.625 R 0.714) over 3 docs\n");
	free(text);
}

/* No records: nothing matched, the secondary figures are undefined. */
static void test_nothing(void **state)
{
	(void)state;
	const char *gold = gold_file("g2", "a.json", GOLD_D2);
	char *text = run_text(gold, NULL, 0, false, false);
	assert_string_equal(text,
			    "code_accuracy: None\n"
			    "direction_accuracy: None\n"
			    "person_accuracy: None\n"
			    "place_accuracy: None\n"
			    "sector_jaccard: None\n"
			    "F1 0.000 (P 0.000 R 0.000) over 1 docs\n");
	free(text);
	text = run_text(gold, NULL, 0, false, true);
	assert_non_null(strstr(text, "\"precision\": 0.0, "));
	assert_non_null(strstr(text, "\"sector_jaccard\": null}\n"));
	free(text);
}

/* A gold day and a system month, the other way round, a null system date
 * and the gold's year precision. */
static void test_date_precision(void **state)
{
	(void)state;
	const char *gold = gold_file(
		"g3", "p.json",
		"{\"doc_id\": \"p\", \"events\": ["
		"{\"code\": \"040\", \"source\": \"VNM\", \"target\": \"RUS\","
		" \"date\": \"2025\"},"
		"{\"code\": \"051\", \"source\": \"VNM\", \"target\": \"RUS\","
		" \"date\": \"2025-05-10\"},"
		"{\"code\": \"036\", \"source\": \"VNM\", \"target\": \"RUS\","
		" \"date\": \"2025-05\"}]}");
	ent_record recs[] = {
		REC("p", "042", "RUS", "VNM", "2025-12-31"), /* hits 2025 */
		REC("p", "051", "VNM", "RUS", "2025-05"),    /* too coarse */
		REC("p", "036", "VNM", "RUS", NULL),         /* no date */
	};
	ent_eval_result res;
	ent_error err;
	assert_int_equal(ent_eval_score(&res, gold, recs, 3, &err), 0);
	assert_int_equal(res.tp, 1);
	assert_int_equal(res.fn, 2);
	assert_int_equal(res.tp_system, 1);
	assert_int_equal(res.fp, 2);
	/* 042 against 040: same root, another code; source reversed. */
	assert_near(res.code_accuracy, 0.0);
	assert_near(res.direction_accuracy, 0.0);
	assert_false(res.has_person_accuracy);
	assert_false(res.has_sector_jaccard);
	ent_eval_result_dispose(&res);
}

static void test_fold(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"T\xc3\xb4 L\xc3\xa2m", "tolam"},
		{"To Lam", "tolam"},
		{"B\xc3\xb9i Thanh S\xc6\xa1n", "buithanhson"},
		{"\xc4\x90\xc3\xa0 N\xe1\xba\xb5ng", "danang"},  /* Đà Nẵng */
		{"\xc5\x92uvre", "oeuvre"},
		{"Stra\xc3\x9f" "e", "strasse"},
		{"\xc3\x86sir", "aesir"},
		{"Diyarbak\xc4\xb1r", "diyarbakir"},
		{"Ha Noi", "hanoi"},
		{"Hano\xc3\xaf", "hanoi"},
		{"Saint-P\xc3\xa9tersbourg!", "saintpetersbourg"},
		{"G7 2025", "g72025"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ent_buf b = ENT_BUF_INIT;
		ent_eval_fold(cases[i][0], &b);
		assert_string_equal(b.data ? b.data : "", cases[i][1]);
		ent_buf_dispose(&b);
	}
}

static void test_gold_errors(void **state)
{
	(void)state;
	ent_eval_result res;
	ent_error err;
	char path[768];

	const char *dir = gold_file("bad1", "x.json", "{\"events\": [}");
	assert_int_equal(ent_eval_score(&res, dir, NULL, 0, &err),
			 ENT_EINVALID);
	snprintf(path, sizeof path, "%s/x.json:1: not JSON: ", dir);
	assert_memory_equal(err.message, path, strlen(path));
	ent_eval_result_dispose(&res);

	dir = gold_file("bad2", "y.json", "{\"doc_id\": \"y\"}");
	assert_int_equal(ent_eval_score(&res, dir, NULL, 0, &err),
			 ENT_EINVALID);
	snprintf(path, sizeof path,
		 "%s/y.json: field \"events\" must be an array", dir);
	assert_string_equal(err.message, path);
	ent_eval_result_dispose(&res);

	snprintf(path, sizeof path, "%s/no-such-dir", tmpdir);
	assert_int_equal(ent_eval_score(&res, path, NULL, 0, &err), ENT_EIO);
	assert_memory_equal(err.message, path, strlen(path));
	ent_eval_result_dispose(&res);

	/* ent_eval_run prints nothing on failure. */
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_int_equal(ent_eval_run(path, NULL, 0, NULL, f, &err), ENT_EIO);
	fclose(f);
	assert_int_equal(len, 0);
	free(text);
}

/* The folder of the shared material, or NULL. */
static const char *shared_dir(void)
{
	static char dir[1024];
	const char *env = getenv("ENT_SHARED");
	if (env && *env) {
		snprintf(dir, sizeof dir, "%s", env);
	} else {
		/* __FILE__ is tests/unit/test_eval.c in the source tree. */
		snprintf(dir, sizeof dir, "%s", __FILE__);
		char *slash = strrchr(dir, '/');
		if (!slash)
			return NULL;
		*slash = 0;
		strncat(dir, "/../../../shared", sizeof dir - strlen(dir) - 1);
	}
	char gold[1100];
	snprintf(gold, sizeof gold, "%s/gold/seeds", dir);
	return access(gold, R_OK) == 0 ? dir : NULL;
}

/* A gold name (string or array of spellings) as a record gives it. */
static const char *first_name(json_t *v)
{
	if (json_is_array(v))
		v = json_array_get(v, 0);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void test_seeds_self(void **state)
{
	(void)state;
	const char *shared = shared_dir();
	if (!shared) {
		print_message("shared/gold/seeds not found (set ENT_SHARED): "
			      "skipped\n");
		skip();
	}
	char gold[1100];
	snprintf(gold, sizeof gold, "%s/gold/seeds", shared);

	ENT_VEC(json_t *) docs = {0};
	ENT_VEC(ent_record) recs = {0};
	DIR *d = opendir(gold);
	assert_non_null(d);
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 5, ".json") != 0)
			continue;
		char path[1400];
		snprintf(path, sizeof path, "%s/%s", gold, de->d_name);
		json_error_t je;
		json_t *g = json_load_file(path, 0, &je);
		assert_non_null(g);
		ENT_VEC_PUSH(docs, g);
	}
	closedir(d);
	assert_true(docs.len > 0);
	for (size_t i = 0; i < docs.len; i++) {
		json_t *g = docs.items[i], *ev;
		size_t j;
		json_array_foreach(json_object_get(g, "events"), j, ev) {
			ent_record r = {0};
			r.doc_id = json_string_value(json_object_get(g, "doc_id"));
			r.code = json_string_value(json_object_get(ev, "code"));
			r.source = first_name(json_object_get(ev, "source"));
			r.target = first_name(json_object_get(ev, "target"));
			r.date = first_name(json_object_get(ev, "date"));
			r.source_name = first_name(json_object_get(ev, "source_name"));
			r.target_name = first_name(json_object_get(ev, "target_name"));
			r.place = first_name(json_object_get(ev, "place"));
			json_t *s;
			size_t k;
			json_array_foreach(json_object_get(ev, "sectors"), k, s) {
				int b = ent_sector_index(json_string_value(s));
				if (b >= 0)
					r.sectors |= (uint64_t)1 << b;
			}
			ENT_VEC_PUSH(recs, r);
		}
	}
	ent_eval_result res;
	ent_error err;
	assert_int_equal(ent_eval_score(&res, gold, recs.items, recs.len, &err),
			 0);
	assert_true(res.tp > 0);
	assert_int_equal(res.fn, 0);
	assert_int_equal(res.fp, 0);
	assert_near(res.f1, 1.0);
	assert_near(res.code_accuracy, 1.0);
	assert_near(res.direction_accuracy, 1.0);
	if (res.has_person_accuracy)
		assert_near(res.person_accuracy, 1.0);
	if (res.has_place_accuracy)
		assert_near(res.place_accuracy, 1.0);
	ent_eval_result_dispose(&res);
	ENT_VEC_FREE(recs);
	for (size_t i = 0; i < docs.len; i++)
		json_decref(docs.items[i]);
	ENT_VEC_FREE(docs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_date_precision),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_gold_errors),
		cmocka_unit_test(test_seeds_self),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
