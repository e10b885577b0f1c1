/*
 * test_dicts.c: TABARI and PETRARCH dictionaries as additional lexicons
 * (ent_engine_add_actors, docs/lexicon.md) on the small fixtures of
 * tests/fixtures/dicts, written for these tests: format detection, the
 * counts of what was read, dated roles, stems, agents with their plurals
 * and substitution sets, the built-in lexicon winning, malformed lines
 * reported as FILE:LINE and skipped, files refused as a whole, and the
 * golden cases of tests/fixtures/dicts/golden.txt (format of
 * tests/golden/README.md) coded with the four fixtures loaded.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/core.h"
#include "entente/entente.h"

#ifndef GOLDEN_DIR
#define GOLDEN_DIR "tests/golden"
#endif
#define FIX GOLDEN_DIR "/../fixtures/dicts/"

static ent_engine *fresh(void)
{
	ent_engine *e = NULL;
	ent_error err = {0};
	if (ent_engine_new(&e, NULL, &err) != 0)
		fail_msg("%s", err.message);
	return e;
}

/* Loads path into e (format f), warnings into *warn (malloc'ed) when
 * warn is not NULL; returns the result code. */
static int load(ent_engine *e, const char *path, ent_dict_format f, ent_dict_stats *st,
		char **warn, ent_error *err)
{
	size_t n = 0;
	char *buf = NULL;
	ent_dict_options o = ENT_DICT_OPTIONS_INIT;
	o.format = f;
	if (warn)
		o.warnings = open_memstream(&buf, &n);
	int rc = ent_engine_add_actors(e, path, &o, st, err);
	if (warn) {
		fclose(o.warnings);
		*warn = buf;
	}
	return rc;
}

/* The events of text (English, dated) in the golden form, one a line,
 * in the engine's order; malloc'ed. */
static char *code(ent_engine *e, const char *date, const char *text)
{
	ent_input in = {.id = "t", .text = text, .len = strlen(text), .date = date, .lang = "en"};
	ent_doc *d = NULL;
	assert_int_equal(ent_code(e, &in, &d), 0);
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);
	for (size_t i = 0; i < ent_doc_event_count(d); i++)
		ent_event_write_brief(f, ent_doc_event(d, i));
	fclose(f);
	ent_doc_free(d);
	return p;
}

static void expect_events(ent_engine *e, const char *date, const char *text, const char *want)
{
	char *got = code(e, date, text);
	if (strcmp(got, want) != 0)
		fail_msg("\"%s\" (%s)\n  expected: %s  got:      %s", text, date, want, got);
	free(got);
}

static void test_petrarch_actors(void **state)
{
	(void)state;
	ent_engine *e = fresh();
	ent_dict_stats st;
	ent_error err = {0};
	char *warn = NULL;
	assert_int_equal(load(e, FIX "petrarch.actors.txt", ENT_DICT_AUTO, &st, &warn, &err), 0);
	assert_string_equal(warn, "");
	assert_int_equal(st.format, ENT_DICT_PETRARCH_ACTORS);
	assert_int_equal(st.entries, 7);
	assert_int_equal(st.added, 3);      /* Kestreli, Marovic, Ordo Bank */
	assert_int_equal(st.persons, 2);
	assert_int_equal(st.unsupported, 3); /* a region, an ethnic code, a compound */
	assert_int_equal(st.warnings, 0);
	assert_true(st.shadowed >= 1);       /* Russia */
	assert_true(st.phrases >= 8);
	assert_true(st.seconds >= 0 && st.seconds < 5);
	/* dated roles: the first in effect, else the undated default */
	expect_events(e, "2010-03-02", "Zorvan Kestreli met Vladimir Putin in Moscow.",
		      "040|VNMGOV|Zorvan Kestreli|RUSGOV|Vladimir Putin|2010-03-02|Moscow|-|-\n");
	expect_events(e, "2017-05-04", "Kestreli met Vladimir Putin in Moscow.",
		      "040|VNMPTY|Zorvan Kestreli|RUSGOV|Vladimir Putin|2017-05-04|Moscow|-|-\n");
	expect_events(e, "2003-05-04", "Kestreli met Vladimir Putin in Moscow.",
		      "040|VNMELI|Zorvan Kestreli|RUSGOV|Vladimir Putin|2003-05-04|Moscow|-|-\n");
	/* "<D" ends the day before D; "[---]" outside the term: no actor */
	expect_events(e, "2017-05-13", "Ilse Marovic met Vladimir Putin in Moscow.",
		      "040|FRAGOV|Ilse Marovic|RUSGOV|Vladimir Putin|2017-05-13|Moscow|-|-\n");
	expect_events(e, "2017-05-15", "Ilse Marovic met Vladimir Putin in Moscow.", "");
	/* the built-in lexicon wins: Russia stays RUS */
	expect_events(e, "2020-03-02", "Ordo Bank of Hanoi signed an agreement with Russia.",
		      "057|VNMBUS|-|RUS|-|2020-03-02|-|finance|-\n");
	free(warn);
	ent_engine_free(e);
}

static void test_tabari_actors(void **state)
{
	(void)state;
	ent_engine *e = fresh();
	ent_dict_stats st;
	ent_error err = {0};
	assert_int_equal(load(e, FIX "tabari.actors", ENT_DICT_AUTO, &st, NULL, &err), 0);
	assert_int_equal(st.format, ENT_DICT_TABARI_ACTORS);
	/* <NOUN> is skipped, nothing after ~~FINISH is read */
	assert_int_equal(st.entries, 4);
	assert_int_equal(st.persons, 1);
	assert_int_equal(st.unsupported, 1); /* [###] */
	assert_int_equal(st.warnings, 0);
	/* VALDORIA without '_' is a stem */
	expect_events(e, "2005-01-20", "Otto Brandhorst met Valdorian officials in Berlin.",
		      "040|DEUELI|Otto Brandhorst|RUS|-|2005-01-20|Berlin|-|-\n");
	expect_events(e, "1995-01-20", "Brandhorst met Vladimir Putin in Berlin.",
		      "040|DEUGOV|Otto Brandhorst|RUSGOV|Vladimir Putin|1995-01-20|Berlin|-|-\n");
	/* codes on the lines after a '+' line belong to the entry */
	expect_events(e, "2020-03-02", "Lake traders met the Russian ambassador in Moscow.",
		      "040|CODBUS|-|RUSGOV|-|2020-03-02|Moscow|-|-\n");
	ent_engine_free(e);

	/* read as PETRARCH, the stem is a plain word */
	e = fresh();
	assert_int_equal(load(e, FIX "tabari.actors", ENT_DICT_PETRARCH, &st, NULL, &err), 0);
	assert_int_equal(st.format, ENT_DICT_PETRARCH_ACTORS);
	expect_events(e, "2005-01-20", "Otto Brandhorst met Valdorian officials in Berlin.",
		      "");
	ent_engine_free(e);
}

static void test_agents(void **state)
{
	(void)state;
	ent_engine *e = fresh();
	ent_dict_stats st;
	ent_error err = {0};
	assert_int_equal(load(e, FIX "petrarch.agents.txt", ENT_DICT_AUTO, &st, NULL, &err), 0);
	assert_int_equal(st.format, ENT_DICT_PETRARCH_AGENTS);
	assert_int_equal(st.entries, 6);
	assert_int_equal(st.warnings, 0);
	assert_int_equal(st.added, 6);
	assert_int_equal(load(e, FIX "tabari.agents", ENT_DICT_AUTO, &st, NULL, &err), 0);
	assert_int_equal(st.format, ENT_DICT_TABARI_AGENTS);
	assert_int_equal(st.added, 2);
	/* a made plural, a substitution set, a given plural, a religion */
	expect_events(e, "2020-03-02", "Vietnamese ploughmen met the Russian ambassador in Moscow.",
		      "040|VNMAGR|-|RUSGOV|-|2020-03-02|Moscow|-|-\n");
	expect_events(e, "2020-03-02", "Vietnamese ferrywomen met the Russian ambassador in Moscow.",
		      "040|VNMBUS|-|RUSGOV|-|2020-03-02|Moscow|-|-\n");
	expect_events(e, "2020-03-02",
		      "Vietnamese river wardens of the delta met the Russian ambassador in Moscow.",
		      "040|VNMCOP|-|RUSGOV|-|2020-03-02|Moscow|-|-\n");
	expect_events(e, "2020-03-02", "A Vietnamese grain cleric met the Russian ambassador in Moscow.",
		      "040|VNMREL|-|RUSGOV|-|2020-03-02|Moscow|-|-\n");
	/* TABARI: a stem, and a stopped word */
	expect_events(e, "2020-03-02", "French vintners met the Russian ambassador in Moscow.",
		      "040|FRABUS|-|RUSGOV|-|2020-03-02|Moscow|-|-\n");
	expect_events(e, "2020-03-02", "French orchard keepers met the Russian ambassador in Moscow.",
		      "040|FRA|-|RUSGOV|-|2020-03-02|Moscow|-|-\n");
	ent_engine_free(e);
}

static void test_malformed_lines(void **state)
{
	(void)state;
	ent_engine *e = fresh();
	ent_dict_stats st;
	ent_error err = {0};
	char *warn = NULL;
	assert_int_equal(load(e, FIX "malformed.actors.txt", ENT_DICT_AUTO, &st, &warn, &err), 0);
	assert_int_equal(st.warnings, 5);
	static const char *const WANT[] = {
		"malformed.actors.txt:3: bad date \"2004017-20061201\"",
		"malformed.actors.txt:5: \"NO_CODE_ENTRY_\" has no [CODE]",
		"malformed.actors.txt:6: [ 991201-010114] has dates but no code",
		"malformed.actors.txt:7: unclosed '['",
		"malformed.actors.txt:8: [VNMGOV 20121207-20120802] ends before it starts"};
	for (size_t i = 0; i < sizeof WANT / sizeof WANT[0]; i++)
		if (!strstr(warn, WANT[i]))
			fail_msg("no \"%s\" in the warnings:\n%s", WANT[i], warn);
	/* each says what was expected, and that the line was skipped */
	assert_non_null(strstr(warn, "expected"));
	assert_non_null(strstr(warn, "skipped"));
	free(warn);
	/* the good entries around them are read */
	expect_events(e, "2020-03-02", "Good entry one met good entry two in Moscow.",
		      "040|VNMGOV|-|RUSMIL|-|2020-03-02|Moscow|-|-\n");
	ent_engine_free(e);

	/* a cap on the warnings written: the rest is counted */
	e = fresh();
	size_t n = 0;
	char *buf = NULL;
	ent_dict_options o = ENT_DICT_OPTIONS_INIT;
	o.warnings = open_memstream(&buf, &n);
	o.max_warnings = 2;
	assert_int_equal(ent_engine_add_actors(e, FIX "malformed.actors.txt", &o, &st, &err), 0);
	fclose(o.warnings);
	assert_int_equal(st.warnings, 5);
	assert_non_null(strstr(buf, "3 more warnings not shown"));
	free(buf);
	ent_engine_free(e);
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static void test_refused_files(void **state)
{
	(void)state;
	ent_engine *e = fresh();
	ent_dict_stats st;
	ent_error err = {0};
	assert_int_equal(load(e, FIX "no-such-file.txt", ENT_DICT_AUTO, &st, NULL, &err),
			 ENT_ENOTFOUND);
	assert_non_null(strstr(err.message, "no-such-file.txt: cannot open"));
	assert_int_equal(load(e, FIX, ENT_DICT_AUTO, &st, NULL, &err), ENT_EINVALID);
	assert_non_null(strstr(err.message, "is a directory"));
	char tmp[] = "/tmp/ent-dicts-XXXXXX";
	assert_non_null(mkdtemp(tmp));
	char path[128];
	/* text without a single [CODE] */
	snprintf(path, sizeof path, "%s/notes.txt", tmp);
	static const char NOTES[] = "Some notes,\nnot a dictionary.\n";
	write_file(path, NOTES, sizeof NOTES - 1);
	assert_int_equal(load(e, path, ENT_DICT_AUTO, &st, NULL, &err), ENT_EINVALID);
	assert_non_null(strstr(err.message, "no [CODE]"));
	unlink(path);
	snprintf(path, sizeof path, "%s/a.zip", tmp);
	write_file(path, "PK\3\4\24\0\0\0", 8);
	assert_int_equal(load(e, path, ENT_DICT_AUTO, &st, NULL, &err), ENT_EINVALID);
	assert_non_null(strstr(err.message, "zip archive"));
	snprintf(path, sizeof path, "%s/bin.actors", tmp);
	write_file(path, "AFGHANISTAN_ [AFG]\n\0\1\2", 22);
	assert_int_equal(load(e, path, ENT_DICT_AUTO, &st, NULL, &err), ENT_EINVALID);
	assert_non_null(strstr(err.message, "binary"));
	/* a line of invalid UTF-8 is skipped with a warning */
	snprintf(path, sizeof path, "%s/latin1.actors", tmp);
	static const char LATIN1[] = "CAF\xc9_BLEU_ [FRA]\nKESTRELSTAN_ [VNM]\n";
	write_file(path, LATIN1, sizeof LATIN1 - 1);
	char *warn = NULL;
	assert_int_equal(load(e, path, ENT_DICT_AUTO, &st, &warn, &err), 0);
	assert_int_equal(st.warnings, 1);
	assert_non_null(strstr(warn, "latin1.actors:1: invalid UTF-8"));
	free(warn);
	unlink(path);
	snprintf(path, sizeof path, "%s/a.zip", tmp);
	unlink(path);
	snprintf(path, sizeof path, "%s/bin.actors", tmp);
	unlink(path);
	rmdir(tmp);
	/* formats by name, and a bad one */
	ent_dict_format f;
	assert_int_equal(ent_dict_format_parse("tabari-agents", &f), 0);
	assert_int_equal(f, ENT_DICT_TABARI_AGENTS);
	assert_string_equal(ent_dict_format_name(ENT_DICT_PETRARCH_ACTORS), "petrarch-actors");
	assert_int_equal(ent_dict_format_parse("cameo", &f), ENT_EUSAGE);
	ent_dict_options o = ENT_DICT_OPTIONS_INIT;
	o.format = (ent_dict_format)42;
	assert_int_equal(ent_engine_add_actors(e, FIX "tabari.actors", &o, NULL, &err), ENT_EUSAGE);
	ent_engine_free(e);
}

/* ---- golden cases ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct gcase {
	char name[256], date[16];
	unsigned line;
	ent_buf text;
	ENT_VEC(char *) want;
} gcase;

static int run_case(ent_engine *e, gcase *c)
{
	char *got = code(e, c->date[0] ? c->date : NULL, c->text.data ? c->text.data : "");
	ENT_VEC(char *) lines = {0};
	for (char *save = NULL, *l = strtok_r(got, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		ENT_VEC_PUSH(lines, l);
	if (lines.len)
		qsort(lines.items, lines.len, sizeof *lines.items, cmp_str);
	if (c->want.len)
		qsort(c->want.items, c->want.len, sizeof *c->want.items, cmp_str);
	int failed = lines.len != c->want.len;
	for (size_t i = 0; !failed && i < lines.len; i++)
		failed = strcmp(lines.items[i], c->want.items[i]) != 0;
	if (failed) {
		fprintf(stderr, "golden.txt:%u: case \"%s\" failed\n  expected:\n", c->line, c->name);
		for (size_t i = 0; i < c->want.len; i++)
			fprintf(stderr, "    %s\n", c->want.items[i]);
		fprintf(stderr, "  got:\n");
		for (size_t i = 0; i < lines.len; i++)
			fprintf(stderr, "    %s\n", lines.items[i]);
	}
	ENT_VEC_FREE(lines);
	free(got);
	for (size_t i = 0; i < c->want.len; i++)
		free(c->want.items[i]);
	c->want.len = 0;
	ent_buf_clear(&c->text);
	c->text.len = 0;
	return failed;
}

static void test_golden_with_fixtures(void **state)
{
	(void)state;
	ent_engine *e = fresh();
	ent_error err = {0};
	static const char *const DICTS[] = {"petrarch.actors.txt", "tabari.actors",
					    "petrarch.agents.txt", "tabari.agents"};
	for (size_t i = 0; i < 4; i++) {
		char path[1024];
		snprintf(path, sizeof path, FIX "%s", DICTS[i]);
		if (ent_engine_add_actors(e, path, NULL, NULL, &err) != 0)
			fail_msg("%s", err.message);
	}
	FILE *f = fopen(FIX "golden.txt", "r");
	assert_non_null(f);
	gcase c;
	memset(&c, 0, sizeof c);
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	unsigned ln = 0;
	int section = 0, failures = 0, ncases = 0;
	bool open = false;
	while ((got = getline(&line, &cap, f)) >= 0) {
		ln++;
		while (got && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = 0;
		if (!strncmp(line, "=== ", 4)) {
			if (open) {
				failures += run_case(e, &c);
				ncases++;
			}
			snprintf(c.name, sizeof c.name, "%s", line + 4);
			c.date[0] = 0;
			c.line = ln;
			section = 0;
			open = true;
		} else if (!open) {
			continue;
		} else if (!strcmp(line, "--- text")) {
			section = 1;
		} else if (!strcmp(line, "--- events")) {
			section = 2;
		} else if (section == 0 && !strncmp(line, "date: ", 6)) {
			snprintf(c.date, sizeof c.date, "%s", line + 6);
		} else if (section == 1) {
			if (c.text.len)
				ent_buf_putc(&c.text, '\n');
			ent_buf_puts(&c.text, line);
		} else if (section == 2 && line[0] && line[0] != '#') {
			ENT_VEC_PUSH(c.want, ent_xstrdup(line));
		}
	}
	if (open) {
		failures += run_case(e, &c);
		ncases++;
	}
	ENT_VEC_FREE(c.want);
	ent_buf_dispose(&c.text);
	free(line);
	fclose(f);
	ent_engine_free(e);
	assert_true(ncases >= 8);
	if (failures)
		fail_msg("%d of %d golden cases with the fixture dictionaries failed", failures, ncases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_petrarch_actors),
		cmocka_unit_test(test_tabari_actors),
		cmocka_unit_test(test_agents),
		cmocka_unit_test(test_malformed_lines),
		cmocka_unit_test(test_refused_files),
		cmocka_unit_test(test_golden_with_fixtures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
