/*
 * test_lexicon.c: the lexicon loader through the public API only
 * (ent_lexicon_check and ent_engine_new of entente.h).
 *
 * The real data folder ($ENTENTE_DATA, else the source tree's) is copied to
 * a temporary folder once per case; each case injects one fault into its
 * copy and checks the contract of docs/lexicon.md and entente.h: a bad
 * line is reported as "FILE:LINE: message" naming the file and line of the
 * fault and what was expected, ent_lexicon_check returns the number of
 * problems (exactly one here), and ent_engine_new refuses to start with
 * ENT_EINVALID and the same line in its message. The unchanged copy reports
 * nothing and codes a short French article. A case marked with a known gap
 * (a repeated line of fr/titles.tsv) is skipped while the loader reports
 * nothing for it, and checked in full once it does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "entente/entente.h"

/* The temporary folder holding every copy, and the data folder copied. */
static char root[64];
static const char *source_dir;

/* s single-quoted for the shell, written to out. */
static const char *shq(const char *s, char *out, size_t cap)
{
	size_t k = 0;
	out[k++] = '\'';
	for (; *s && k + 5 < cap; s++) {
		if (*s == '\'') {
			memcpy(out + k, "'\\''", 4);
			k += 4;
		} else {
			out[k++] = *s;
		}
	}
	out[k++] = '\'';
	out[k] = 0;
	return out;
}

static void run(const char *fmt, const char *a, const char *b)
{
	char qa[4200], qb[4200], cmd[8600];
	shq(a, qa, sizeof qa);
	if (b)
		shq(b, qb, sizeof qb);
	snprintf(cmd, sizeof cmd, fmt, qa, b ? qb : "");
	if (system(cmd) != 0)
		fail_msg("command failed: %s", cmd);
}

/* Copies the data folder to root/name and returns the copy's path. */
static void copy_data(const char *name, char *out, size_t cap)
{
	snprintf(out, cap, "%s/%s", root, name);
	run("cp -r %s %s", source_dir, out);
}

static void remove_dir(const char *dir)
{
	run("rm -rf %s%s", dir, NULL);
}

/* Inserts `text` as line `at` (1-based) of the file, or appends it when at
 * is 0 (or past the end). Returns the line number it ends up on. */
static unsigned insert_line(const char *path, unsigned at, const char *text)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *old = NULL;
	size_t oldlen = 0;
	FILE *mem = open_memstream(&old, &oldlen);
	assert_non_null(mem);
	int c;
	while ((c = fgetc(f)) != EOF)
		fputc(c, mem);
	fclose(f);
	fclose(mem);

	f = fopen(path, "wb");
	assert_non_null(f);
	unsigned line = 1;
	size_t i = 0;
	if (at) {
		for (; i < oldlen && line < at; i++)
			if (old[i] == '\n')
				line++;
		fwrite(old, 1, i, f);
	}
	if (!at || line < at) {
		/* append: after the whole file, ending its last line if needed */
		fwrite(old + i, 1, oldlen - i, f);
		for (; i < oldlen; i++)
			if (old[i] == '\n')
				line++;
		if (oldlen && old[oldlen - 1] != '\n') {
			fputc('\n', f);
			line++;
		}
		i = oldlen;
	}
	fputs(text, f);
	fputc('\n', f);
	fwrite(old + i, 1, oldlen - i, f);
	fclose(f);
	free(old);
	return line;
}

/* The report of ent_lexicon_check(dir), malloc'ed; *n gets its return. */
static char *check_report(const char *dir, int *n)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	*n = ent_lexicon_check(dir, f);
	fclose(f);
	return text;
}

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s; s++)
		if (*s == '\n')
			n++;
	return n;
}

/* ---- one fault a case ---- */

typedef struct fault {
	const char *name;
	const char *file; /* relative to the data folder */
	unsigned at;      /* insert as this line; 0 = append */
	const char *line; /* the bad line; NULL: delete the file */
	const char *msg;  /* what the message must say */
	const char *gap;  /* a known loader gap: skip while it reports nothing */
} fault;

static const fault FAULTS[] = {
	/* each_line: every entry line has exactly the file's field count */
	{"triggers_field_count", "fr/triggers.tsv", 0,
	 "rencontrer bidon\t040\tact", "expected 4 TAB-separated fields, found 3", NULL},
	/* on_trigger: the code must be a row of cameo.tsv */
	{"trigger_unknown_code", "fr/triggers.tsv", 12,
	 "zzzverbe\t999\tact\t-", "unknown CAMEO code \"999\"", NULL},
	/* on_trigger: the frame is one of four words */
	{"trigger_unknown_frame", "fr/triggers.tsv", 0,
	 "zzzverbe\t040\tfly\t-", "frame must be act, visit, receive or mutual: \"fly\"", NULL},
	/* on_trigger: flags are refine, noun, intent, agent */
	{"trigger_unknown_flag", "fr/triggers.tsv", 0,
	 "zzzverbe\t040\tact\trefine,bogus", "unknown flag \"bogus\" (refine, noun, intent, agent, adj)", NULL},
	/* add_pattern: a prefix pattern needs at least 3 characters */
	{"trigger_short_prefix", "fr/triggers.tsv", 0,
	 "ab*\t040\tact\t-", "a prefix pattern needs 3 to 63 characters before '*': \"ab*\"", NULL},
	/* on_actor: the code starts with a country of countries.tsv */
	{"actor_unknown_country", "fr/actors.tsv", 5,
	 "Zembla\tZZZ\tname", "known ISO3/IGO code with an optional agent: \"ZZZ\"", NULL},
	/* on_sector: sector names are the fixed list of EVENTS.md section 5 */
	{"sector_unknown", "fr/sectors.tsv", 0,
	 "zzzmot\tbogus", "unknown sector \"bogus\"", NULL},
	/* on_cue: cue kinds are the fixed list of docs/lexicon.md */
	{"cue_unknown_kind", "fr/cues.tsv", 0,
	 "zzzmot\tbogus\t-", "unknown cue kind \"bogus\"", NULL},
	/* on_time: a month is 1 to 12 */
	{"time_bad_month", "fr/time.tsv", 3,
	 "zzzmois\tmonth\t13", "bad value \"13\" for month", NULL},
	/* on_office: a term cannot end before it starts */
	{"office_end_before_start", "offices.tsv", 0,
	 "VNM\tparty_leader\tTô Lâm\t2024-08-03\t2024-01-01",
	 "end 2024-01-01 is before start 2024-08-03", NULL},
	/* on_office: holders are persons of persons.tsv */
	{"office_unknown_person", "offices.tsv", 0,
	 "VNM\thead_of_state\tJean Inconnu\t2020\t-",
	 "\"Jean Inconnu\" is not in persons.tsv", NULL},
	/* on_person: a canonical name appears once */
	{"person_twice", "persons.tsv", 0,
	 "Tô Lâm\t-\tVNM\tPTY", "person \"Tô Lâm\" is listed twice", NULL},
	/* add_pattern: the same pattern with the same meaning twice */
	{"sector_duplicate", "fr/sectors.tsv", 0,
	 "défense\tdefense", "duplicate pattern \"défense\"", NULL},
	/* add_pattern compares entry values, and a title's value is the index
	 * of its own line, so a repeated title line is never a duplicate (the
	 * same holds for actors, places and triggers). */
	{"title_duplicate", "fr/titles.tsv", 0,
	 "président\tGOV\thead_of_state", "duplicate pattern \"président\"",
	 "add_pattern does not see repeated title lines as duplicates"},
	/* each_line: every line is valid UTF-8 (0xC3 then 'f' is cut short) */
	{"invalid_utf8", "fr/sectors.tsv", 8,
	 "d\xc3" "fense\tdefense", "invalid UTF-8 at column 2", NULL},
	/* each_line: the French files are required */
	{"missing_triggers", "fr/triggers.tsv", 0, NULL, "cannot open", NULL},
	/* load_sector_classes: class is economic, military, judicial,
	 * intelligence or - */
	{"sector_class_unknown", "sectors.tsv", 0,
	 "defense\tnaval", "class must be economic, military, judicial, intelligence, security or -", NULL},
};

static void test_fault(void **state)
{
	const fault *ft = *state;
	char dir[256], path[512], where[600];
	copy_data(ft->name, dir, sizeof dir);
	snprintf(path, sizeof path, "%s/%s", dir, ft->file);
	if (ft->line) {
		unsigned ln = insert_line(path, ft->at, ft->line);
		if (ft->at)
			assert_int_equal(ln, ft->at);
		snprintf(where, sizeof where, "%s:%u: ", path, ln);
	} else {
		assert_int_equal(unlink(path), 0);
		snprintf(where, sizeof where, "%s: ", path);
	}

	/* the report names the file and line, once, with the message */
	int n = -1;
	char *report = check_report(dir, &n);
	if (ft->gap && n == 0) {
		free(report);
		remove_dir(dir);
		print_message("known gap: %s\n", ft->gap);
		skip();
	}
	if (n != 1 || count_lines(report) != 1 ||
	    strncmp(report, where, strlen(where)) != 0 ||
	    !strstr(report + strlen(where), ft->msg))
		fail_msg("%s: %d problem(s); want one line \"%s...%s\", got:\n%s",
			 ft->name, n, where, ft->msg, report);
	free(report);

	/* the engine refuses to start, with the same line in its message */
	ent_engine *e = NULL;
	ent_error err = {0};
	int rc = ent_engine_new(&e, dir, &err);
	assert_int_equal(rc, ENT_EINVALID);
	assert_int_equal(err.code, ENT_EINVALID);
	assert_null(e);
	char *at = strstr(err.message, where);
	if (!at || !strstr(at, ft->msg))
		fail_msg("%s: engine message lacks \"%s%s\": %s", ft->name, where,
			 ft->msg, err.message);
	remove_dir(dir);
}

/* ---- the clean copy ---- */

/* The unchanged copy has no problem, and the engine starts on it. */
static void test_clean(void **state)
{
	(void)state;
	char dir[256];
	copy_data("clean", dir, sizeof dir);
	int n = -1;
	char *report = check_report(dir, &n);
	if (n != 0)
		fail_msg("clean copy: %d problem(s):\n%s", n, report);
	assert_string_equal(report, "");
	free(report);
	remove_dir(dir);
}

static bool is_pair(const ent_event *ev, const char *a, const char *b)
{
	return (strncmp(ev->source, a, 3) == 0 && strncmp(ev->target, b, 3) == 0) ||
	       (strncmp(ev->source, b, 3) == 0 && strncmp(ev->target, a, 3) == 0);
}

/* An engine built from the clean copy codes a French meeting: "a reçu"
 * (receive frame) between the Russian and the Vietnamese presidents is a
 * 04x consultation between RUS and VNM. */
static void test_clean_codes(void **state)
{
	(void)state;
	char dir[256];
	copy_data("clean-code", dir, sizeof dir);
	ent_engine *e = NULL;
	ent_error err = {0};
	int rc = ent_engine_new(&e, dir, &err);
	if (rc != ENT_OK)
		fail_msg("engine on the clean copy: %s", err.message);

	static const char text[] =
		"Le 10 mai, à Moscou, le président russe a reçu le président vietnamien.";
	ent_input in = {0};
	in.id = "lexicon-test";
	in.text = text;
	in.len = strlen(text);
	in.date = "2025-05";
	in.lang = "fr";
	in.origin = "test_lexicon";
	ent_doc *d = NULL;
	assert_int_equal(ent_code(e, &in, &d), ENT_OK);
	assert_non_null(d);
	assert_string_equal(ent_doc_lang(d), "fr");
	bool found = false;
	for (size_t i = 0; i < ent_doc_event_count(d); i++) {
		const ent_event *ev = ent_doc_event(d, i);
		if (strncmp(ev->code, "04", 2) == 0 && is_pair(ev, "RUS", "VNM"))
			found = true;
	}
	if (!found) {
		char *list = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&list, &len);
		for (size_t i = 0; i < ent_doc_event_count(d); i++) {
			const ent_event *ev = ent_doc_event(d, i);
			fprintf(f, "  %s %s -> %s\n", ev->code, ev->source, ev->target);
		}
		fclose(f);
		fail_msg("no 04x event between RUS and VNM; events:\n%s", list);
	}
	ent_doc_free(d);
	ent_engine_free(e);
	remove_dir(dir);
}

/* ---- setup ---- */

static int setup(void **state)
{
	(void)state;
	source_dir = ent_default_data_dir(); /* $ENTENTE_DATA, else data/ */
	strcpy(root, "/tmp/ent-test-lexicon-XXXXXX");
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	if (root[0])
		run("rm -rf %s%s", root, NULL);
	return 0;
}

int main(void)
{
	enum { NF = sizeof FAULTS / sizeof FAULTS[0] };
	struct CMUnitTest tests[NF + 2];
	tests[0] = (struct CMUnitTest)cmocka_unit_test(test_clean);
	tests[1] = (struct CMUnitTest)cmocka_unit_test(test_clean_codes);
	for (size_t i = 0; i < NF; i++)
		tests[i + 2] = (struct CMUnitTest){.name = FAULTS[i].name,
						   .test_func = test_fault,
						   .initial_state = (void *)&FAULTS[i]};
	return _cmocka_run_group_tests("test_lexicon", tests, NF + 2, setup, teardown);
}
