/*
 * test_suites.c: the readers of the peers' gold-standard suites
 * (src/input/suites.c) on small files of our own in the same formats
 * (tests/fixtures/suites: a PLOVER records file and a PETRARCH-2
 * validation file with the published file's quirks), their errors on bad
 * files, and the scorer of `entente eval --suite` (src/cli/suites.c) on
 * hand-made engine events whose figures are worked out in the comments.
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

/* The scorer lives in the CLI program, not in the library the tests link
 * with: it is compiled into this test directly (as test_eval does). */
#include "cli/suites.c"

#define FIXTURES GOLDEN_DIR "/../fixtures/suites"

static const char *data_dir(void)
{
	const char *d = getenv("ENTENTE_DATA");
	return d && *d ? d : ent_default_data_dir();
}

/* Writes text to a temporary file; returns its path (static buffer). */
static const char *temp_file(const char *text)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/ent_suites_XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void test_plover_read(void **state)
{
	(void)state;
	ent_suite s;
	ent_error err;
	assert_int_equal(ent_suite_read(&s, ENT_SUITE_PLOVER, FIXTURES "/plover-mini.json",
					&err), 0);
	assert_int_equal(s.nrecords, 7);
	assert_int_equal(s.skipped, 1); /* the DOCUMENT record */
	const ent_suite_record *r = &s.records[0];
	assert_string_equal(r->id, "MINI-AGREE-0001");
	assert_int_equal(r->index, 1);
	/* white space folded: the newline and the run of spaces */
	assert_string_equal(r->text, "Vietnam and Laos agreed on Monday to expand "
				     "their cooperation in hydropower.");
	assert_string_equal(r->date, "2021-03-01");
	assert_int_equal(r->ngold, 1);
	assert_string_equal(r->gold[0].category, "AGREE");
	assert_null(r->gold[0].code);
	assert_int_equal(r->gold[0].nsources, 2);
	assert_string_equal(r->gold[0].sources[1], "LAO");
	assert_int_equal(r->gold[0].ntargets, 0);
	r = &s.records[1];
	assert_string_equal(r->gold[0].mode, "visit");
	assert_string_equal(r->gold[0].targets[0], "TZAGOV");
	r = &s.records[3];
	assert_int_equal(r->gold[0].ntargets, 2);
	/* the string target: no target, and a note */
	r = &s.records[4];
	assert_string_equal(r->id, "MINI-SANCTION-0001");
	assert_int_equal(r->gold[0].ntargets, 0);
	assert_int_equal(s.nnotes, 1);
	assert_non_null(strstr(s.notes[0], "record 6 (MINI-SANCTION-0001)"));
	/* an empty string target is just "none", without a note */
	assert_int_equal(s.records[6].gold[0].ntargets, 0);
	ent_suite_dispose(&s);
}

static void test_petr2_read(void **state)
{
	(void)state;
	ent_suite s;
	ent_error err;
	assert_int_equal(ent_suite_read(&s, ENT_SUITE_PETR2, FIXTURES "/petr2-mini.xml",
					&err), 0);
	/* MINI_4 has evaluate="false"; the commented one is no record */
	assert_int_equal(s.nrecords, 4);
	assert_int_equal(s.skipped, 1);
	const ent_suite_record *r = &s.records[0];
	assert_string_equal(r->id, "MINI_1");
	assert_string_equal(r->date, "2019-03-05");
	assert_int_equal(r->line, 11);
	assert_string_equal(r->text, "The French president arrived in Dakar on "
				     "Tuesday for a two-day visit.");
	assert_int_equal(r->ngold, 2);
	assert_string_equal(r->gold[0].code, "042");
	assert_string_equal(r->gold[0].sources[0], "FRAGOV");
	assert_string_equal(r->gold[1].targets[0], "FRAGOV");
	assert_int_equal(r->gold[1].line, 13);
	r = &s.records[1];
	assert_string_equal(r->text, "German and Polish ministers held talks in "
				     "Warsaw & agreed to meet again.");
	assert_int_equal(r->ngold, 3);
	r = &s.records[2];
	assert_string_equal(r->id, "MINI_3");
	assert_int_equal(r->ngold, 0); /* noevents="True" */
	/* date="190307" is not YYYYMMDD: no date, and a note */
	assert_null(r->date);
	assert_int_equal(s.nnotes, 1);
	assert_non_null(strstr(s.notes[0], ":30: sentence MINI_3: date=\"190307\""));
	r = &s.records[3];
	assert_string_equal(r->id, "MINI_5");
	assert_int_equal(r->index, 4);
	assert_string_equal(r->gold[0].sources[0], "IGOEUREEC");
	ent_suite_dispose(&s);
}

#define SENT(attrs, body) \
	"<Validation><Sentences>\n<Sentence " attrs ">\n" body "</Sentence>\n</Sentences></Validation>\n"

/* An empty <Text> is rebuilt from the CoNLL-U <Parse>. */
static void test_petr2_parse_text(void **state)
{
	(void)state;
	ent_suite s;
	ent_error err;
	const char *path = temp_file(SENT(
		"id=\"p\" date=\"20190310\"",
		"<EventCoding eventcode=\"036\" sourcecode=\"NOR\" targetcode=\"ISL\"/>\n"
		"<Text>\n</Text>\n<Parse>\n"
		"# text = not read\n"
		"1\tNorway\tNorway\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
		"2\twill\twill\tAUX\tMD\t_\t3\taux\t_\t_\n"
		"3\thost\thost\tVERB\tVB\t_\t0\troot\t_\t_\n"
		"4\tIceland\tIceland\tPROPN\tNNP\t_\t6\tnmod\t_\tSpaceAfter=No\n"
		"5\t's\t's\tPART\tPOS\t_\t4\tcase\t_\t_\n"
		"5.1\tghost\tghost\tX\tX\t_\t_\t_\t_\t_\n"
		"6-7\tdelegation\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
		"6\tdele\tdele\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
		"7\tgation\tgation\tNOUN\tNN\t_\t6\tfixed\t_\t_\n"
		"8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
		"</Parse>\n"));
	assert_int_equal(ent_suite_read(&s, ENT_SUITE_PETR2, path, &err), 0);
	assert_int_equal(s.nrecords, 1);
	assert_string_equal(s.records[0].text, "Norway will host Iceland's delegation.");
	assert_int_equal(s.nnotes, 1);
	assert_non_null(strstr(s.notes[0], ":2: sentence p: empty <Text>"));
	ent_suite_dispose(&s);
	unlink(path);
}

/* Each bad file: the error code and words its message must hold. */
static void expect_error(ent_suite_kind kind, const char *text, int code,
			 const char *what)
{
	ent_suite s;
	ent_error err;
	const char *path = temp_file(text);
	int rc = ent_suite_read(&s, kind, path, &err);
	if (rc != code || !strstr(err.message, what) || !strstr(err.message, path))
		fail_msg("expected %d with \"%s\", got %d: %s", code, what, rc, err.message);
	ent_suite_dispose(&s);
	unlink(path);
}

static void test_errors(void **state)
{
	(void)state;
	ent_suite s;
	ent_error err;
	assert_int_equal(ent_suite_read(&s, ENT_SUITE_PETR2, "/nonexistent/x.xml", &err),
			 ENT_ENOTFOUND);
	ent_suite_dispose(&s);

	/* PLOVER */
	expect_error(ENT_SUITE_PLOVER, "[{\"id\": \"a\",", ENT_EINVALID, "not JSON");
	expect_error(ENT_SUITE_PLOVER, "{\"id\": \"a\"}", ENT_EINVALID,
		     "expected a JSON array");
	expect_error(ENT_SUITE_PLOVER, "[{\"event\": \"AGREE\", \"text\": \"x\"}]",
		     ENT_EINVALID, "record 1: expected a non-empty string \"id\"");
	expect_error(ENT_SUITE_PLOVER, "[{\"id\": \"a\", \"text\": \"x\"}]", ENT_EINVALID,
		     "record 1 (a): expected a string \"event\"");
	expect_error(ENT_SUITE_PLOVER, "[{\"id\": \"a\", \"event\": \"AGREE\"}]",
		     ENT_EINVALID, "\"text\"");
	expect_error(ENT_SUITE_PLOVER,
		     "[{\"id\": \"a\", \"event\": \"AGREE\", \"text\": \"x\", "
		     "\"date\": \"01/02/2000\"}]", ENT_EINVALID, "YYYY-MM-DD");
	expect_error(ENT_SUITE_PLOVER,
		     "[{\"id\": \"a\", \"event\": \"AGREE\", \"text\": \"x\"},"
		     " {\"id\": \"b\", \"event\": \"AGREE\", \"text\": \"x\","
		     " \"source\": [{\"actorText\": \"y\"}]}]", ENT_EINVALID,
		     "record 2 (b): source[0]: expected an object with a non-empty string \"code\"");
	expect_error(ENT_SUITE_PLOVER,
		     "[{\"id\": \"a\", \"event\": \"AGREE\", \"text\": \"x\", \"target\": 3}]",
		     ENT_EINVALID, "\"target\" must be a list");
	expect_error(ENT_SUITE_PLOVER, "[{\"id\": \"a\", \"event\": \"DOCUMENT\"}]",
		     ENT_EINVALID, "no PLOVER record");

	/* PETR2 */
	expect_error(ENT_SUITE_PETR2, "[1, 2]\n", ENT_EINVALID, "no <Sentence> record");
	expect_error(ENT_SUITE_PETR2,
		     SENT("date=\"20190101\"", "<EventCoding noevents=\"True\"/><Text>x</Text>\n"),
		     ENT_EINVALID, ":2: <Sentence> without an id");
	expect_error(ENT_SUITE_PETR2,
		     SENT("id=\"s\"", "<EventCoding noevents=\"True\"/><Text>x</Text>\n"),
		     ENT_EINVALID, ":2: sentence s: no date=\"YYYYMMDD\" attribute");
	expect_error(ENT_SUITE_PETR2,
		     SENT("id=\"s\" date=\"20190101\"", "<EventCoding noevents=\"True\"/>\n"),
		     ENT_EINVALID, "expected a non-empty <Text>");
	expect_error(ENT_SUITE_PETR2,
		     SENT("id=\"s\" date=\"20190101\"",
			  "<EventCoding noevents=\"True\"/>\n<Text> </Text><Parse>\n</Parse>\n"),
		     ENT_EINVALID, "expected a non-empty <Text> (or, with an empty one");
	expect_error(ENT_SUITE_PETR2,
		     SENT("id=\"s\" date=\"20190101\"",
			  "<Text>x</Text>\n<EventCoding eventcode=\"04\" sourcecode=\"USA\"/>\n"
			  "<EventCoding eventcode=\"4x\" sourcecode=\"USA\"/>\n"),
		     ENT_EINVALID, ":5: sentence s: <EventCoding> must have eventcode=");
	expect_error(ENT_SUITE_PETR2,
		     SENT("id=\"s\" date=\"20190101\"", "<Text>x</Text>\n"),
		     ENT_EINVALID, "no <EventCoding>");
	expect_error(ENT_SUITE_PETR2,
		     SENT("id=\"s\" date=\"20190101\"",
			  "<Text>x</Text>\n<EventCoding noevents=\"True\"/>\n"
			  "<EventCoding eventcode=\"042\" sourcecode=\"USA\"/>\n"),
		     ENT_EINVALID, "both noevents");
	expect_error(ENT_SUITE_PETR2,
		     SENT("id=\"s\" date=\"20190101\"", "<Text>x\n<EventCoding noevents=\"True\"/>\n"),
		     ENT_EINVALID, "not well-formed XML");
	expect_error(ENT_SUITE_PETR2,
		     "<Validation><Sentences>\n<Sentence id=\"s\" date=\"20190101\">"
		     "<Text>x</Text></Sentence>\n", ENT_EINVALID, "no </Sentences>");
	expect_error(ENT_SUITE_PETR2,
		     "<Validation>\n<Sentence id=\"s\" date=\"20190101\"/>\n</Validation>\n",
		     ENT_EINVALID, "no <Sentence> record in a <Sentences> element");
}

#define EV(rec, c, s, t) {.record = (rec), .code = c, .source = s, .target = t}

static void test_score_petr2(void **state)
{
	(void)state;
	ent_suite s;
	ent_suite_result r;
	ent_error err;
	const char *path = FIXTURES "/petr2-mini.xml";
	assert_int_equal(ent_suite_read(&s, ENT_SUITE_PETR2, path, &err), 0);
	/* Gold: MINI_1 042 FRA>SEN + 043 SEN>FRA = one unordered 04 FRA<>SEN;
	 * MINI_2 040 both ways = one unordered 04, and 010 not scored;
	 * MINI_3 nothing; MINI_5 11 EUR>RUS. */
	const ent_suite_event evs[] = {
		EV(0, "042", "FRAGOV", "SEN"),  /* hit, same code */
		EV(0, "043", "SEN", "FRA"),     /* hit too: another key, unordered gold */
		EV(1, "040", "POLGOV", "DEU"),  /* hit */
		EV(1, "010", "DEU", ""),        /* root 01: not scored */
		EV(2, "051", "FRA", "DEU"),     /* extra (the record expects nothing) */
		EV(3, "112", "RUS", "EUR"),     /* reversed: a miss and an extra */
	};
	assert_int_equal(ent_suite_score(&r, &s, path, evs, 6, data_dir(), true, &err), 0);
	assert_int_equal(r.records, 4);
	assert_int_equal(r.skipped, 1);
	assert_int_equal(r.gold, 3);
	assert_int_equal(r.gold_root01, 1);
	assert_int_equal(r.sys_events, 5);
	assert_int_equal(r.sys_root01, 1);
	/* root + countries: 2 of 3 gold; keys 04 FRA>SEN, 04 SEN>FRA, 04
	 * POL>DEU hit, 05 FRA>DEU and 11 RUS>EUR do not */
	assert_int_equal(r.level[ENT_SUITE_COUNTRIES].gold_hit, 2);
	assert_int_equal(r.level[ENT_SUITE_COUNTRIES].sys, 5);
	assert_int_equal(r.level[ENT_SUITE_COUNTRIES].sys_hit, 3);
	/* root + pair: FRA>SEN and SEN>FRA are one key */
	assert_int_equal(r.level[ENT_SUITE_PAIR].gold_hit, 3);
	assert_int_equal(r.level[ENT_SUITE_PAIR].sys, 4);
	assert_int_equal(r.level[ENT_SUITE_PAIR].sys_hit, 3);
	assert_int_equal(r.level[ENT_SUITE_ROOT].gold_hit, 3);
	assert_int_equal(r.level[ENT_SUITE_ROOT].sys, 4);
	assert_int_equal(r.level[ENT_SUITE_ROOT].sys_hit, 3);
	assert_int_equal(r.extra, 2);
	assert_int_equal(r.code_n, 2);
	assert_int_equal(r.code_ok, 2);
	assert_int_equal(r.miss_direction, 1);
	assert_int_equal(r.miss_no_event + r.miss_other_root + r.miss_countries, 0);
	assert_int_equal(r.roots[4].gold, 2);
	assert_int_equal(r.roots[4].hit, 2);
	assert_int_equal(r.roots[4].sys, 3);
	assert_int_equal(r.roots[4].sys_hit, 3);
	assert_int_equal(r.roots[11].gold, 1);
	assert_int_equal(r.roots[11].hit, 0);
	assert_int_equal(r.roots[11].hit_root, 1);
	assert_int_equal(r.roots[5].sys, 1);
	assert_int_equal(r.nper_record, 4);
	assert_non_null(strstr(r.per_record[0], "hit    042,043 FRA<>SEN (engine 042 FRA>SEN)"));
	assert_non_null(strstr(r.per_record[3], "missed 1124 EUR>RUS"));
	assert_non_null(strstr(r.per_record[3], "extra  112 RUS>EUR"));

	/* the printed forms */
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_int_equal(ent_suite_print(&r, path, false, f), 0);
	fclose(f);
	assert_non_null(strstr(text, "root+countries   0.667 (2/3)"));
	assert_non_null(strstr(text, "full-code accuracy on hits: 1.000 (2/2)"));
	assert_non_null(strstr(text, "root+countries: recall 0.667 precision 0.600 over 4 records"));
	free(text);
	f = open_memstream(&text, &len);
	assert_int_equal(ent_suite_print(&r, path, true, f), 0);
	fclose(f);
	json_error_t je;
	json_t *j = json_loads(text, 0, &je);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "gold_events")), 3);
	assert_true(json_real_value(json_object_get(j, "precision")) == 0.6);
	json_t *root4 = json_object_get(json_object_get(j, "roots"), "04");
	assert_int_equal(json_integer_value(json_object_get(root4, "engine")), 3);
	json_decref(j);
	free(text);
	ent_suite_result_dispose(&r);
	ent_suite_dispose(&s);
}

/* A negated engine event is scored as CAMEO codes it: a refusal of roots
 * 03-08 is a rejection (12); a negated act of another root is no event. */
static void test_score_negated(void **state)
{
	(void)state;
	char path[] = "/tmp/entente-suite-negXXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("<Validation><Sentences>\n"
	      "<Sentence id=\"N_1\" date=\"20200101\">\n"
	      "<EventCoding eventcode=\"1241\" sourcecode=\"CHLGOV\" targetcode=\"PER\" />\n"
	      "<Text>Chile refused to ease the border controls on Peru.</Text>\n"
	      "</Sentence>\n"
	      "<Sentence id=\"N_2\" date=\"20200102\">\n"
	      "<EventCoding noevents=\"True\" />\n"
	      "<Text>Peru said its troops had not fired on Chile.</Text>\n"
	      "</Sentence>\n"
	      "</Sentences></Validation>\n", f);
	assert_int_equal(fclose(f), 0);
	ent_suite s;
	ent_suite_result r;
	ent_error err;
	assert_int_equal(ent_suite_read(&s, ENT_SUITE_PETR2, path, &err), 0);
	ent_suite_event evs[] = {
		EV(0, "0813", "CHLGOV", "PER"), /* negated: a 12 CHL>PER, a hit */
		EV(1, "190", "PERMIL", "CHL"),  /* negated: no event, no extra */
		EV(1, "0813", "PER", "CHL"),    /* not negated: an extra of root 08 */
	};
	evs[0].negated = evs[1].negated = true;
	assert_int_equal(ent_suite_score(&r, &s, path, evs, 3, data_dir(), true, &err), 0);
	assert_int_equal(r.sys_negated, 1);
	assert_int_equal(r.sys_negated_out, 1);
	assert_int_equal(r.sys_events, 2);
	assert_int_equal(r.level[ENT_SUITE_COUNTRIES].gold_hit, 1);
	assert_int_equal(r.level[ENT_SUITE_COUNTRIES].sys, 2);
	assert_int_equal(r.level[ENT_SUITE_COUNTRIES].sys_hit, 1);
	assert_int_equal(r.extra, 1);
	assert_int_equal(r.roots[12].sys_hit, 1);
	assert_int_equal(r.roots[8].sys, 1);
	assert_non_null(strstr(r.per_record[0], "(engine not 0813 CHL>PER)"));
	assert_non_null(strstr(r.per_record[1], "extra  0813 PER>CHL"));
	char *text = NULL;
	size_t len = 0;
	f = open_memstream(&text, &len);
	assert_int_equal(ent_suite_print(&r, path, false, f), 0);
	fclose(f);
	assert_non_null(strstr(text, "negated engine events: 1 refusals of roots 03-08 "
				     "scored as root 12, 1 of other roots not scored"));
	free(text);
	ent_suite_result_dispose(&r);
	ent_suite_dispose(&s);
	unlink(path);
}

static void test_score_plover(void **state)
{
	(void)state;
	ent_suite s;
	ent_suite_result r;
	ent_error err;
	const char *path = FIXTURES "/plover-mini.json";
	assert_int_equal(ent_suite_read(&s, ENT_SUITE_PLOVER, path, &err), 0);
	/* Gold: AGREE VNM<>LAO; CONSULT KEN>TZA; DEMAND --->BLR (NGO is no
	 * country); SUPPORT CHL>PER, CHL>BOL; SANCTION CAN>---; AID JPN>IGO;
	 * FIGHT ETH<>ERI. */
	const ent_suite_event evs[] = {
		EV(0, "0311", "LAO", "VNMGOV"), /* hit: reciprocal gold */
		EV(2, "020", "", "BLR"),        /* DEMAND is 10: another root */
		EV(3, "051", "CHLGOV", "PER"),  /* hits CHL>PER; CHL>BOL missed */
		EV(5, "070", "JPN", "UNO"),     /* JAP is JPN; IGO is any organisation */
		EV(6, "190", "ERI", "ETH"),     /* FIGHT stands for 18-20 */
	};
	assert_int_equal(ent_suite_score(&r, &s, path, evs, 5, data_dir(), false, &err), 0);
	assert_int_equal(r.gold, 8);
	assert_false(r.has_codes);
	assert_int_equal(r.level[ENT_SUITE_COUNTRIES].gold_hit, 4);
	assert_int_equal(r.level[ENT_SUITE_COUNTRIES].sys, 5);
	assert_int_equal(r.level[ENT_SUITE_COUNTRIES].sys_hit, 4);
	assert_int_equal(r.level[ENT_SUITE_ROOT].gold_hit, 5);
	assert_int_equal(r.miss_no_event, 2);   /* CONSULT, SANCTION */
	assert_int_equal(r.miss_other_root, 1); /* DEMAND */
	assert_int_equal(r.miss_countries, 1);  /* CHL>BOL */
	assert_int_equal(r.confusion[10][2], 1);
	assert_int_equal(r.roots[19].gold, 1);  /* FIGHT counted under 19 */
	assert_int_equal(r.roots[5].gold, 2);
	assert_int_equal(r.roots[5].hit, 1);
	/* the PLOVER types seen and their roots */
	assert_int_equal(r.ncategories, 7);
	for (size_t i = 0; i < r.ncategories; i++) {
		const ent_suite_category *c = &r.categories[i];
		if (!strcmp(c->name, "FIGHT"))
			assert_int_equal(c->roots, (1u << 18) | (1u << 19) | (1u << 20));
		if (!strcmp(c->name, "DEMAND"))
			assert_int_equal(c->roots, 1u << 10);
		if (!strcmp(c->name, "AGREE"))
			assert_int_equal(c->main_root, 3);
	}
	ent_suite_result_dispose(&r);
	ent_suite_dispose(&s);

	/* a type no root stands for */
	const char *bad = temp_file("[{\"id\": \"x\", \"event\": \"DANCE\", \"text\": \"y\"}]");
	assert_int_equal(ent_suite_read(&s, ENT_SUITE_PLOVER, bad, &err), 0);
	assert_int_equal(ent_suite_score(&r, &s, bad, NULL, 0, data_dir(), false, &err),
			 ENT_EINVALID);
	assert_non_null(strstr(err.message, "record 1 (x): unknown PLOVER event \"DANCE\""));
	ent_suite_result_dispose(&r);
	ent_suite_dispose(&s);
	unlink(bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plover_read),
		cmocka_unit_test(test_petr2_read),
		cmocka_unit_test(test_petr2_parse_text),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_score_petr2),
		cmocka_unit_test(test_score_plover),
		cmocka_unit_test(test_score_negated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
