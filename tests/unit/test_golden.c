/*
 * test_golden.c: runs every case of the tests/golden folder (*.txt files)
 * through the library
 * and compares the events with the expected lines (format in
 * tests/golden/README.md). Prints a diff for each failing case.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/core.h"
#include "entente/entente.h"

#ifndef GOLDEN_DIR
#define GOLDEN_DIR "tests/golden"
#endif

#include "engine_fixture.h"

/* The event's line in the golden form, malloc'ed. */
static char *brief(const ent_event *ev)
{
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);
	assert_non_null(f);
	ent_event_write_brief(f, ev);
	fclose(f);
	if (n && p[n - 1] == '\n')
		p[n - 1] = 0;
	return p;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct gcase {
	char name[256];
	char date[16];
	char lang[4];
	char title[512];
	ent_buf text;
	ENT_VEC(char *) want;
	unsigned line;
	bool needs_gazetteer; /* "requires: gazetteer" */
} gcase;

/* Runs one case; returns 1 when it failed (after printing why). */
static int run_case(const char *file, gcase *c)
{
	char gz[4096];
	if (c->needs_gazetteer && !ent_gazetteer_file(NULL, gz, sizeof gz)) {
		fprintf(stderr, "%s:%u: %s: skipped (this build has no gazetteer)\n", file, c->line,
			c->name);
		return 0;
	}
	ent_input in = {0};
	in.id = c->name;
	in.text = c->text.data ? c->text.data : "";
	in.len = c->text.len;
	in.date = c->date[0] ? c->date : NULL;
	in.lang = c->lang[0] ? c->lang : NULL;
	in.title = c->title[0] ? c->title : NULL;
	ent_doc *d = NULL;
	if (ent_code(engine, &in, &d) != 0) {
		fprintf(stderr, "%s:%u: %s: could not be coded\n", file, c->line, c->name);
		return 1;
	}
	size_t n = ent_doc_event_count(d);
	char **got = calloc(n + 1, sizeof *got);
	for (size_t i = 0; i < n; i++)
		got[i] = brief(ent_doc_event(d, i));
	ent_doc_free(d);
	qsort(got, n, sizeof *got, cmp_str);
	if (c->want.len) /* an empty case has no array at all */
		qsort(c->want.items, c->want.len, sizeof *c->want.items, cmp_str);
	int failed = n != c->want.len;
	for (size_t i = 0; !failed && i < n; i++)
		failed = strcmp(got[i], c->want.items[i]) != 0;
	if (failed) {
		fprintf(stderr, "%s:%u: case \"%s\" failed\n  expected:\n", file, c->line, c->name);
		for (size_t i = 0; i < c->want.len; i++)
			fprintf(stderr, "    %s\n", c->want.items[i]);
		fprintf(stderr, "  got:\n");
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "    %s\n", got[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(got[i]);
	free(got);
	return failed;
}

static void reset(gcase *c)
{
	for (size_t i = 0; i < c->want.len; i++)
		free(c->want.items[i]);
	c->want.len = 0;
	ent_buf_clear(&c->text);
	c->text.len = 0;
	c->name[0] = c->date[0] = c->lang[0] = c->title[0] = 0;
	c->needs_gazetteer = false;
}

static int run_file(const char *path, int *ncases)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	gcase c;
	memset(&c, 0, sizeof c);
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	unsigned ln = 0;
	int section = 0; /* 0 header, 1 text, 2 events */
	int failures = 0;
	bool open = false;
	while ((got = getline(&line, &cap, f)) >= 0) {
		ln++;
		while (got && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = 0;
		if (strncmp(line, "=== ", 4) == 0) {
			if (open) {
				failures += run_case(path, &c);
				(*ncases)++;
			}
			reset(&c);
			snprintf(c.name, sizeof c.name, "%s", line + 4);
			c.line = ln;
			section = 0;
			open = true;
			continue;
		}
		if (!open)
			continue;
		if (strcmp(line, "--- text") == 0) {
			section = 1;
			continue;
		}
		if (strcmp(line, "--- events") == 0) {
			section = 2;
			continue;
		}
		if (section == 0) {
			if (strncmp(line, "date: ", 6) == 0)
				snprintf(c.date, sizeof c.date, "%s", line + 6);
			else if (strncmp(line, "lang: ", 6) == 0)
				snprintf(c.lang, sizeof c.lang, "%s", line + 6);
			else if (strcmp(line, "requires: gazetteer") == 0)
				c.needs_gazetteer = true;
			else if (strncmp(line, "title: ", 7) == 0) {
				/* the title is the article's first line, as the reader
				 * hands it over for " date D TITLE" files */
				snprintf(c.title, sizeof c.title, "%s", line + 7);
				ent_buf_puts(&c.text, c.title);
			}
		} else if (section == 1) {
			if (c.text.len)
				ent_buf_putc(&c.text, '\n');
			ent_buf_puts(&c.text, line);
		} else if (line[0] && line[0] != '#') {
			ENT_VEC_PUSH(c.want, ent_xstrdup(line));
		}
	}
	if (open) {
		failures += run_case(path, &c);
		(*ncases)++;
	}
	reset(&c);
	ENT_VEC_FREE(c.want);
	ent_buf_dispose(&c.text);
	free(line);
	fclose(f);
	return failures;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_golden_cases(void **state)
{
	(void)state;
	DIR *dir = opendir(GOLDEN_DIR);
	assert_non_null(dir);
	ENT_VEC(char *) files = {0};
	struct dirent *de;
	while ((de = readdir(dir))) {
		size_t n = strlen(de->d_name);
		if (n > 4 && strcmp(de->d_name + n - 4, ".txt") == 0) {
			char path[1024];
			snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, de->d_name);
			ENT_VEC_PUSH(files, ent_xstrdup(path));
		}
	}
	closedir(dir);
	qsort(files.items, files.len, sizeof *files.items, cmp_name);
	int failures = 0, ncases = 0;
	for (size_t i = 0; i < files.len; i++) {
		failures += run_file(files.items[i], &ncases);
		free(files.items[i]);
	}
	ENT_VEC_FREE(files);
	fprintf(stderr, "golden: %d cases, %d failed\n", ncases, failures);
	assert_true(ncases > 0);
	assert_int_equal(failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_golden_cases)};
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
