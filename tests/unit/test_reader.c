/*
 * test_reader.c: the input readers (src/input/reader.c) on files written
 * to a temporary folder: the seed-format date line, BOM, directory order,
 * JSON Lines with good and bad lines, standard input, and every refusal
 * (empty, binary, invalid UTF-8, too large, missing) with its message,
 * each followed by the next input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entente/entente.h"

#define FILES_PREFIX "/tmp/ent_reader_"
#include "files_fixture.h"

static ent_reader *open1(const char *path, size_t max_bytes)
{
	ent_reader *r = NULL;
	ent_error err;
	ent_reader_options o = ENT_READER_OPTIONS_INIT;
	o.max_bytes = max_bytes;
	const char *paths[1] = {path};
	assert_int_equal(ent_reader_new(&r, paths, 1, &o, &err), 0);
	return r;
}

static void test_seed_date_month(void **state)
{
	(void)state;
	const char *p = write_str("000_abc.txt",
				  " date 2025-05 Le titre de l'article\n\n"
				  "Le corps.\n");
	ent_reader *r = open1(p, 0);
	ent_input in;
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "000_abc");
	assert_string_equal(in.date, "2025-05");
	assert_string_equal(in.title, "Le titre de l'article");
	assert_text(&in, "Le titre de l'article\n\nLe corps.\n");
	assert_string_equal(in.origin, p);
	assert_int_equal(in.line, 0);
	assert_null(in.lang);
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
}

static void test_seed_date_day(void **state)
{
	(void)state;
	const char *p = write_str("dev-en-001.txt",
				  "date 2023-12-14 Ministers hold talks\r\n"
				  "Body.");
	ent_reader *r = open1(p, 0);
	ent_input in;
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "dev-en-001");
	assert_string_equal(in.date, "2023-12-14");
	assert_string_equal(in.title, "Ministers hold talks");
	assert_text(&in, "Ministers hold talks\r\nBody.");
	ent_reader_free(r);

	/* The date alone on its line: no title, the text starts below. */
	p = write_str("alone.txt", " date 2024-02\nBody.");
	r = open1(p, 0);
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.date, "2024-02");
	assert_null(in.title);
	assert_text(&in, "Body.");
	ent_reader_free(r);
}

static void test_no_date_line(void **state)
{
	(void)state;
	const char *cases[] = {
		"Entrevue entre le chef du Parti\n\nTexte.",
		" date 2025 Only a year\nText.",     /* YYYY is not taken */
		" date 2025-13 Bad month\nText.",
		" date 2025-05-10x Glued\nText.",
		" dated 2025-05 Not the keyword\nText.",
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *p = write_str("nodate.md", cases[i]);
		ent_reader *r = open1(p, 0);
		ent_input in;
		assert_int_equal(ent_reader_next(r, &in), 1);
		assert_string_equal(in.id, "nodate");
		assert_null(in.date);
		assert_null(in.title);
		assert_text(&in, cases[i]);
		ent_reader_free(r);
	}
}

static void test_bom(void **state)
{
	(void)state;
	const char *p = write_str("bom.txt",
				  "\xEF\xBB\xBF date 2025-04 Titre\nCorps.");
	ent_reader *r = open1(p, 0);
	ent_input in;
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.date, "2025-04");
	assert_text(&in, "Titre\nCorps.");
	ent_reader_free(r);

	p = write_str("bom2.txt", "\xEF\xBB\xBFPlain text.");
	r = open1(p, 0);
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_null(in.date);
	assert_text(&in, "Plain text.");
	ent_reader_free(r);
}

static void test_directory_order(void **state)
{
	(void)state;
	const char *dirs[] = {"tree", "tree/a", "tree/.git", "tree/c"};
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(mkdir(tpath(dirs[i]), 0700), 0);
	write_str("tree/b.txt", "B");
	write_str("tree/a/z.txt", "AZ");
	write_str("tree/a/y.ndjson", "{\"id\":\"ay\",\"text\":\"AY\"}\n");
	write_str("tree/a/.hidden.txt", "hidden");
	write_str("tree/.git/x.txt", "git");
	write_str("tree/c.md", "not taken inside a directory");
	write_str("tree/c/d.jsonl",
		  "{\"id\":\"d1\",\"text\":\"D1\"}\n{\"id\":\"d2\",\"text\":\"D2\"}");
	write_str("tree/A.txt", "upper case sorts first");

	ent_reader *r = open1(tpath("tree/"), 0);
	const char *want[] = {"A", "ay", "z", "b", "d1", "d2"};
	ent_input in;
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(ent_reader_next(r, &in), 1);
		assert_string_equal(in.id, want[i]);
	}
	assert_int_equal(in.line, 2);
	assert_non_null(strstr(in.origin, "tree/c/d.jsonl"));
	assert_int_equal(ent_reader_next(r, &in), 0);
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
}

static void test_jsonl(void **state)
{
	(void)state;
	const char *p = write_str(
		"docs.jsonl",
		"{\"id\": \"a\", \"text\": \"Alpha.\", \"date\": \"2025-05-10\","
		" \"title\": \"T\", \"lang\": \"fr\", \"url\": \"http://x\"}\n"
		"\n"
		"{not json\n"
		"{\"id\": \"b\"}\n"
		"{\"id\": \"c\", \"text\": 3}\n"
		"{\"id\": \"d\", \"text\": \"x\", \"date\": \"10/05/2025\"}\n"
		"{\"text\": \"no id\"}\n"
		"[1, 2]\n"
		"{\"id\": 42, \"text\": \"Numbered.\", \"date\": \"2024\","
		" \"title\": \"Other title\"}\n"
		"{\"id\": \"e\", \"text\": \"   \"}\n"
		"{\"id\": \"f\", \"text\": \"x\", \"lang\": 5}\n"
		"{\"id\": \"g\", \"text\": \"x\", \"date\": 2025}\n"
		"   \r\n"
		"{\"id\": \"h\", \"text\": \"Last.\", \"date\": null}\r\n");
	ent_reader *r = open1(p, 0);
	ent_input in;
	char want[512];

	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "a");
	assert_text(&in, "Alpha.");
	assert_string_equal(in.date, "2025-05-10");
	assert_string_equal(in.title, "T");
	assert_string_equal(in.lang, "fr");
	assert_string_equal(in.url, "http://x");
	assert_string_equal(in.origin, p);
	assert_int_equal(in.line, 1);

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s:3: not JSON: ", p);
	assert_memory_equal(ent_reader_error(r), want, strlen(want));
	assert_true(strlen(ent_reader_error(r)) > strlen(want));

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s:4: field \"text\" must be a string", p);
	assert_string_equal(ent_reader_error(r), want);

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s:5: field \"text\" must be a string", p);
	assert_string_equal(ent_reader_error(r), want);

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want,
		 "%s:6: field \"date\": expected YYYY, YYYY-MM or YYYY-MM-DD,"
		 " got \"10/05/2025\"", p);
	assert_string_equal(ent_reader_error(r), want);

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s:7: field \"id\" must be a string", p);
	assert_string_equal(ent_reader_error(r), want);

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s:8: expected a JSON object", p);
	assert_string_equal(ent_reader_error(r), want);

	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "42");
	assert_string_equal(in.date, "2024");
	/* The title is not prepended to a text that lacks it. */
	assert_string_equal(in.title, "Other title");
	assert_text(&in, "Numbered.");
	assert_int_equal(in.line, 9);
	assert_string_equal(ent_reader_error(r), "");

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s:10: empty document", p);
	assert_string_equal(ent_reader_error(r), want);

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s:11: field \"lang\" must be a string", p);
	assert_string_equal(ent_reader_error(r), want);

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want,
		 "%s:12: field \"date\": expected YYYY, YYYY-MM or YYYY-MM-DD,"
		 " got \"2025\"", p);
	assert_string_equal(ent_reader_error(r), want);

	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "h");
	assert_text(&in, "Last.");
	assert_null(in.date);
	assert_int_equal(in.line, 14);

	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
}

/* Every refusal names the file, and the next input is read after it. */
static void test_refusals(void **state)
{
	(void)state;
	const char *good = write_str("good.txt", "Good.");
	const char *empty = write_str("empty.txt", "");
	const char *blank = write_str("blank.txt", " \n\t\r\n  ");
	const char *dateonly = write_str("dateonly.txt", " date 2025-05\n\n");
	const char *bin = write_file("bin.txt", "ab\0cd", 5);
	const char *bad = write_str("bad.txt", "ok\nd\xc3\xa9j\xe0 vu\n");
	const char *big = write_str("big.txt", "0123456789abcdef");
	const char *missing = tpath("missing.txt");
	const char *paths[] = {missing, empty, blank, dateonly, bin,
			       bad, big, good};
	ent_reader *r = NULL;
	ent_error err;
	ent_reader_options o = {.max_bytes = 15};
	assert_int_equal(ent_reader_new(&r, paths, 8, &o, &err), 0);
	ent_input in;
	char want[512];

	assert_int_equal(ent_reader_next(r, &in), ENT_EIO);
	snprintf(want, sizeof want, "%s: cannot read: ", missing);
	assert_memory_equal(ent_reader_error(r), want, strlen(want));
	assert_null(in.text);

	const char *empties[] = {empty, blank, dateonly};
	for (int i = 0; i < 3; i++) {
		assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
		snprintf(want, sizeof want, "%s: empty document", empties[i]);
		assert_string_equal(ent_reader_error(r), want);
	}

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s: binary file, not text", bin);
	assert_string_equal(ent_reader_error(r), want);

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s: invalid UTF-8 at byte 7 (line 2)", bad);
	assert_string_equal(ent_reader_error(r), want);

	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s: 16 bytes, more than the limit of 15",
		 big);
	assert_string_equal(ent_reader_error(r), want);

	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "good");
	assert_text(&in, "Good.");
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
}

/* A binary JSON Lines file: its good first line, one error, and the rest
 * of the file is skipped. */
static void test_jsonl_binary(void **state)
{
	(void)state;
	static const char data[] = "{\"id\":\"x\",\"text\":\"y\"}\n\0\0\n"
				   "{\"id\":\"z\",\"text\":\"w\"}\n";
	const char *jbin = write_file("bin.jsonl", data, sizeof data - 1);
	const char *good = write_str("good2.txt", "Good.");
	const char *paths[] = {jbin, good};
	ent_reader *r = NULL;
	ent_error err;
	assert_int_equal(ent_reader_new(&r, paths, 2, NULL, &err), 0);
	ent_input in;
	char want[512];
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "x");
	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s:2: binary file, not text", jbin);
	assert_string_equal(ent_reader_error(r), want);
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "good2");
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
}

static void test_jsonl_limits(void **state)
{
	(void)state;
	const char *p = write_str("lim.jsonl",
				  "{\"id\":\"long\",\"text\":\"0123456789012345678901234567890123456789\"}\n"
				  "{\"id\":\"bad\",\"text\":\"\xff\"}\n"
				  "{\"id\":\"s\",\"text\":\"ok\"}\n");
	ent_reader *r = open1(p, 40);
	ent_input in;
	char want[512];
	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s:1: 63 bytes, more than the limit of 40",
		 p);
	assert_string_equal(ent_reader_error(r), want);
	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s:2: invalid UTF-8 at byte 20 of the line",
		 p);
	assert_string_equal(ent_reader_error(r), want);
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "s");
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
}

static void test_stdin(void **state)
{
	(void)state;
	const char *p = write_str("in1", " date 2025-05-02 Titre\nCorps.");
	assert_non_null(freopen(p, "r", stdin));
	ent_reader *r = open1("-", 0);
	ent_input in;
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "stdin");
	assert_string_equal(in.origin, "-");
	assert_string_equal(in.date, "2025-05-02");
	assert_text(&in, "Titre\nCorps.");
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);

	p = write_str("in2", "\n  {\"id\":\"j1\",\"text\":\"One.\"}\n"
			     "{\"id\":\"j2\",\"text\":\"Two.\"}\n");
	assert_non_null(freopen(p, "r", stdin));
	r = open1("-", 0);
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "j1");
	assert_int_equal(in.line, 2);
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "j2");
	assert_int_equal(in.line, 3);
	assert_string_equal(in.origin, "-");
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);

	p = write_str("in3", "  \n");
	assert_non_null(freopen(p, "r", stdin));
	r = open1("-", 0);
	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	assert_string_equal(ent_reader_error(r), "-: empty document");
	ent_reader_free(r);
}

static void test_new_usage(void **state)
{
	(void)state;
	ent_reader *r = (ent_reader *)1;
	ent_error err;
	const char *paths[] = {NULL};
	assert_int_equal(ent_reader_new(&r, paths, 1, NULL, &err), ENT_EUSAGE);
	assert_null(r);
	assert_int_equal(err.code, ENT_EUSAGE);
	/* No paths: nothing to read. */
	assert_int_equal(ent_reader_new(&r, NULL, 0, NULL, &err), 0);
	ent_input in;
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
	ent_reader_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_date_month),
		cmocka_unit_test(test_seed_date_day),
		cmocka_unit_test(test_no_date_line),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_directory_order),
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_jsonl_binary),
		cmocka_unit_test(test_jsonl_limits),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_new_usage),
	};
	return cmocka_run_group_tests(tests, files_setup, files_teardown);
}
