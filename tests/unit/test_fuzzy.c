/*
 * test_fuzzy.c: the typo-tolerant name look-up of src/lexicon/lexicon.c
 * (lx_edit1, lx_fuzzy, lx_fuzzy_veto; docs/lexicon.md, "Misspelt names"),
 * on the real data folder ($ENTENTE_DATA).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lexicon/lexicon.h"

static bool e1(const char *a, const char *b)
{
	return lx_edit1(a, strlen(a), b, strlen(b));
}

/* One typo: a letter dropped, added or doubled, two neighbours swapped, a
 * neighbouring key or another vowel; never the first letter, never 0 or 2. */
static void test_edit1(void **state)
{
	(void)state;
	assert_true(e1("mozambique", "mozambiqe"));   /* dropped */
	assert_true(e1("mozambiqe", "mozambique"));
	assert_true(e1("portugal", "portuggal"));     /* doubled */
	assert_true(e1("portugal", "portugual"));     /* added */
	assert_true(e1("honduras", "hondruas"));      /* swapped */
	assert_true(e1("honduras", "hinduras"));      /* vowel for vowel */
	assert_true(e1("honduras", "hondueas"));      /* r, e: neighbouring keys */
	assert_false(e1("japanese", "javanese"));     /* p, v: no typo */
	assert_false(e1("honduras", "honduras"));     /* the same */
	assert_false(e1("honduras", "hodnuars"));     /* two edits */
	assert_false(e1("honduras", "londuras"));     /* the first letter */
	assert_false(e1("honduras", "onduras"));
	assert_false(e1("honduras", "hondurasss"));
}

static lx_lexicon lx;
static const lx_matcher *en;

static int setup(void **state)
{
	(void)state;
	const char *dir = getenv("ENTENTE_DATA");
	ent_buf errors = ENT_BUF_INIT;
	int n = lx_load(&lx, dir ? dir : "data", &errors);
	ent_buf_dispose(&errors);
	en = &lx_language(&lx, "en")->m;
	return n;
}

static int teardown(void **state)
{
	(void)state;
	lx_dispose(&lx);
	return 0;
}

/* The kind and code of the first actor or person behind a chain. */
static const char *fuzzy(const char *word)
{
	static char out[16];
	int32_t e = lx_fuzzy(&lx, en, word, strlen(word));
	for (; e >= 0; e = lx.entries.items[e].next) {
		const lx_entry *x = &lx.entries.items[e];
		if (x->kind == LX_ACTOR)
			return strcpy(out, lx.actors.items[x->value].code);
		if (x->kind == LX_PERSON)
			return strcpy(out, lx.persons.items[x->value].country);
	}
	return "-";
}

static void test_lookup(void **state)
{
	(void)state;
	assert_string_equal(fuzzy("mozambiqe"), "MOZ");   /* a name */
	assert_string_equal(fuzzy("portuguesse"), "PRT"); /* an adjective */
	assert_string_equal(fuzzy("hondruas"), "HND");
	assert_string_equal(fuzzy("ramaphossa"), "ZAF");  /* a person */
	assert_string_equal(fuzzy("mozambique"), "-");    /* exact: no fallback */
	assert_string_equal(fuzzy("indiana"), "-");       /* a place, not Indians */
	assert_string_equal(fuzzy("javanese"), "-");      /* no typo of Japanese */
	assert_string_equal(fuzzy("mozam"), "-");         /* too short */
	lx_fuzzy_veto((lx_matcher *)en, "hondruas", 8);
	assert_string_equal(fuzzy("hondruas"), "-");      /* vetoed */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit1),
		cmocka_unit_test_setup_teardown(test_lookup, setup, teardown)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
