/*
 * files_fixture.h: a temporary folder for the unit tests that read files
 * (test_reader.c, test_html.c): made before the group, removed after it,
 * with helpers to write a file in it and to check a document's text.
 * Include after cmocka.h and entente.h; define FILES_PREFIX (e.g.
 * "/tmp/ent_reader_") first, then pass files_setup and files_teardown to
 * cmocka_run_group_tests.
 */
#ifndef ENT_TEST_FILES_FIXTURE_H
#define ENT_TEST_FILES_FIXTURE_H

static char tmpdir[256];

static int files_setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%sXXXXXX", FILES_PREFIX);
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int files_teardown(void **state)
{
	(void)state;
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", tmpdir);
	return 0;
}

/* The path of `name` in the temporary folder (static buffer rotation). */
static const char *tpath(const char *name)
{
	static char bufs[8][512];
	static int i;
	char *b = bufs[i++ % 8];
	snprintf(b, 512, "%s/%s", tmpdir, name);
	return b;
}

static const char *write_file(const char *name, const char *data, size_t n)
{
	const char *p = tpath(name);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
	return p;
}

static const char *write_str(const char *name, const char *s)
{
	return write_file(name, s, strlen(s));
}

/* The document's text is exactly `want` (shown in full when not). */
static void assert_text(const ent_input *in, const char *want)
{
	if (in->len != strlen(want) || memcmp(in->text, want, in->len) != 0)
		fail_msg("text:\n%.*s\nwanted:\n%s", (int)in->len, in->text, want);
}

#endif
