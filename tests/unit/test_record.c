/*
 * test_record.c: the JSON Lines and CSV writers of src/query/record.c.
 *
 * Each JSON line is parsed back with jansson: the fields of EVENTS.md
 * section 2 come first and in order, NULL strings are null, and sentences
 * with quotes, backslashes, line breaks, control characters, UTF-8 and
 * even invalid UTF-8 still give one valid line. CSV follows RFC 4180.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <jansson.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entente/entente.h"

static const char SENTENCE[] =
	"Tô Lâm said \"we agree\" on C:\\path\nand\ttabs\x01 — Hanoï.";

/* A record with every field set. */
static ent_record full_record(void)
{
	ent_record r;
	memset(&r, 0, sizeof(r));
	r.id = 42;
	r.doc_id = "vn-2024-001";
	r.code = "057";
	r.source = "VNMGOV";
	r.target = "RUSGOV";
	r.source_name = "Tô Lâm";
	r.target_name = "Vladimir Putin";
	r.date = "2024-03-05";
	r.place = "Moscow";
	r.sectors = (UINT64_C(1) << (unsigned)ent_sector_index("energy")) |
		    (UINT64_C(1) << (unsigned)ent_sector_index("defense"));
	r.negated = true;
	r.sentence = SENTENCE;
	r.sentence_len = sizeof(SENTENCE) - 1;
	r.goldstein = 8.0;
	r.quad = 1;
	r.plover = "AGREE";
	r.confidence = 0.8456;
	r.sentence_span = (ent_span){10, (uint32_t)(sizeof(SENTENCE) - 1)};
	r.trigger = (ent_span){20, 5};
	r.source_span = (ent_span){10, 7};
	r.target_span = (ent_span){0, 0};
	return r;
}

/* Runs a writer into a string (caller frees). */
static char *write_json(const ent_record *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(ent_record_write_json(f, r), 0);
	fclose(f);
	return buf;
}

static char *write_csv(const ent_record *r, bool header)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	if (header)
		assert_int_equal(ent_record_write_csv_header(f), 0);
	assert_int_equal(ent_record_write_csv(f, r), 0);
	fclose(f);
	return buf;
}

/* Parses one line, checking it is exactly one line. */
static json_t *parse_line(const char *line)
{
	size_t n = strlen(line);
	assert_true(n > 0);
	assert_int_equal(line[n - 1], '\n');
	assert_null(memchr(line, '\n', n - 1));
	json_error_t jerr;
	json_t *j = json_loads(line, 0, &jerr);
	if (!j)
		fail_msg("invalid JSON (%s): %s", jerr.text, line);
	assert_true(json_is_object(j));
	return j;
}

static const char *str_field(json_t *j, const char *key)
{
	json_t *v = json_object_get(j, key);
	assert_non_null(v);
	assert_true(json_is_string(v));
	return json_string_value(v);
}

static void test_json_full(void **state)
{
	(void)state;
	ent_record r = full_record();
	char *line = write_json(&r);
	json_t *j = parse_line(line);

	assert_string_equal(str_field(j, "doc_id"), "vn-2024-001");
	assert_string_equal(str_field(j, "code"), "057");
	assert_string_equal(str_field(j, "source"), "VNMGOV");
	assert_string_equal(str_field(j, "target"), "RUSGOV");
	assert_string_equal(str_field(j, "source_name"), "Tô Lâm");
	assert_string_equal(str_field(j, "target_name"), "Vladimir Putin");
	assert_string_equal(str_field(j, "date"), "2024-03-05");
	assert_string_equal(str_field(j, "place"), "Moscow");
	assert_string_equal(str_field(j, "sentence"), SENTENCE);
	assert_string_equal(str_field(j, "plover"), "AGREE");
	assert_true(json_is_true(json_object_get(j, "negated")));

	json_t *sec = json_object_get(j, "sectors");
	assert_true(json_is_array(sec));
	assert_int_equal(json_array_size(sec), 2);
	/* bit order: defense (0) before energy (3) */
	assert_string_equal(json_string_value(json_array_get(sec, 0)),
			    "defense");
	assert_string_equal(json_string_value(json_array_get(sec, 1)),
			    "energy");

	assert_int_equal(json_integer_value(json_object_get(j, "id")), 42);
	assert_true(json_number_value(json_object_get(j, "goldstein")) == 8.0);
	assert_int_equal(json_integer_value(json_object_get(j, "quad_class")),
			 1);
	assert_true(json_number_value(json_object_get(j, "confidence")) ==
		    0.846);
	assert_non_null(strstr(line, "\"confidence\":0.846,"));
	assert_int_equal(json_integer_value(json_object_get(j,
			 "sentence_start")), 10);
	assert_int_equal(json_integer_value(json_object_get(j,
			 "trigger_start")), 20);
	assert_int_equal(json_integer_value(json_object_get(j,
			 "trigger_len")), 5);
	assert_int_equal(json_integer_value(json_object_get(j,
			 "source_start")), 10);
	assert_int_equal(json_integer_value(json_object_get(j,
			 "source_len")), 7);
	assert_int_equal(json_integer_value(json_object_get(j,
			 "target_len")), 0);
	/* UTF-8 stays readable, not \u-escaped. */
	assert_non_null(strstr(line, "Tô Lâm"));

	json_decref(j);
	free(line);
}

/* The fields come in the order of EVENTS.md section 2, then the extras. */
static void test_json_order(void **state)
{
	(void)state;
	static const char *const keys[] = {
		"doc_id", "code", "source", "target", "source_name",
		"target_name", "date", "place", "sectors", "negated",
		"sentence", "id", "goldstein", "quad_class", "plover",
		"confidence", "sentence_start", "trigger_start", "trigger_len",
		"source_start", "source_len", "target_start", "target_len"};
	ent_record r = full_record();
	char *line = write_json(&r);
	const char *p = line;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		char quoted[64];
		snprintf(quoted, sizeof(quoted), "\"%s\":", keys[i]);
		const char *at = strstr(p, quoted);
		if (!at)
			fail_msg("key %s missing or out of order in %s",
				 keys[i], line);
		p = at + strlen(quoted);
	}
	json_t *j = parse_line(line);
	assert_int_equal(json_object_size(j), sizeof(keys) / sizeof(keys[0]));
	json_decref(j);
	free(line);
}

static void test_json_nulls(void **state)
{
	(void)state;
	ent_record r;
	memset(&r, 0, sizeof(r));
	r.doc_id = "d";
	r.code = "010";
	r.source = "VNM";
	r.quad = 1;
	r.sentence = "x";
	r.sentence_len = 1;
	char *line = write_json(&r);
	json_t *j = parse_line(line);

	static const char *const nulls[] = {"target", "source_name",
					    "target_name", "date", "place",
					    "plover"};
	for (size_t i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++) {
		json_t *v = json_object_get(j, nulls[i]);
		assert_non_null(v);
		assert_true(json_is_null(v));
	}
	assert_null(json_object_get(j, "id")); /* id 0: not stored */
	assert_int_equal(json_array_size(json_object_get(j, "sectors")), 0);
	assert_true(json_is_false(json_object_get(j, "negated")));

	/* A missing sentence is null too. */
	json_decref(j);
	free(line);
	r.sentence = NULL;
	r.sentence_len = 0;
	line = write_json(&r);
	j = parse_line(line);
	assert_true(json_is_null(json_object_get(j, "sentence")));
	json_decref(j);
	free(line);
}

/* The sentence is a span: bytes after sentence_len are not written. */
static void test_json_span(void **state)
{
	(void)state;
	ent_record r = full_record();
	r.sentence = "First sentence. Second one.";
	r.sentence_len = 15;
	char *line = write_json(&r);
	json_t *j = parse_line(line);
	assert_string_equal(str_field(j, "sentence"), "First sentence.");
	json_decref(j);
	free(line);
}

/* Invalid UTF-8 becomes U+FFFD: the line stays valid JSON. */
static void test_json_bad_utf8(void **state)
{
	(void)state;
	static const char bad[] = "caf\xc3 \xff\xfe ok \xe2\x82 end \xed\xa0\x80";
	ent_record r = full_record();
	r.sentence = bad;
	r.sentence_len = sizeof(bad) - 1;
	r.place = "Hano\xefi";
	char *line = write_json(&r);
	json_t *j = parse_line(line);
	const char *s = str_field(j, "sentence");
	assert_non_null(strstr(s, "\xef\xbf\xbd"));
	assert_non_null(strstr(s, " ok "));
	assert_non_null(strstr(s, " end "));
	json_decref(j);
	free(line);
}

/* Numbers keep '.' whatever the locale. */
static void test_json_locale(void **state)
{
	(void)state;
	if (!setlocale(LC_NUMERIC, "fr_FR.UTF-8") &&
	    !setlocale(LC_NUMERIC, "de_DE.UTF-8"))
		skip();
	ent_record r = full_record();
	r.goldstein = -2.5;
	char *line = write_json(&r);
	setlocale(LC_NUMERIC, "C");
	json_t *j = parse_line(line);
	assert_true(json_number_value(json_object_get(j, "goldstein")) == -2.5);
	assert_true(json_number_value(json_object_get(j, "confidence")) ==
		    0.846);
	json_decref(j);
	free(line);
}

static void test_csv(void **state)
{
	(void)state;
	ent_record r = full_record();
	r.sentence = "He said \"yes, now\"\nthen left";
	r.sentence_len = strlen(r.sentence);
	r.target_name = NULL;
	r.place = "Washington, D.C.";
	char *out = write_csv(&r, true);
	assert_string_equal(out,
		"doc_id,code,source,target,source_name,target_name,date,place,"
		"sectors,negated,sentence,id,goldstein,quad_class,plover,"
		"confidence,sentence_start,trigger_start,trigger_len,"
		"source_start,source_len,target_start,target_len\n"
		"vn-2024-001,057,VNMGOV,RUSGOV,Tô Lâm,,2024-03-05,"
		"\"Washington, D.C.\",defense;energy,true,"
		"\"He said \"\"yes, now\"\"\nthen left\",42,8,1,AGREE,0.846,"
		"10,20,5,10,7,0,0\n");
	free(out);

	/* id 0 and NULL strings are empty fields; no sectors is empty. */
	memset(&r, 0, sizeof(r));
	r.doc_id = "d";
	r.code = "010";
	r.source = "VNM";
	r.quad = 1;
	r.goldstein = -0.5;
	r.sentence = "plain";
	r.sentence_len = 5;
	out = write_csv(&r, false);
	assert_string_equal(out,
		"d,010,VNM,,,,,,,false,plain,,-0.5,1,,0.000,0,0,0,0,0,0,0\n");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_full),
		cmocka_unit_test(test_json_order),
		cmocka_unit_test(test_json_nulls),
		cmocka_unit_test(test_json_span),
		cmocka_unit_test(test_json_bad_utf8),
		cmocka_unit_test(test_json_locale),
		cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
