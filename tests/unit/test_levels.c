/*
 * test_levels.c: declared levels of relationship (data/LANG/levels.tsv,
 * extract.c code_levels): the pair a level is stated between, its date,
 * and the highest rank winning a longest match.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "entente/entente.h"

#include "engine_fixture.h"

static ent_doc *code(const char *text, const char *date)
{
	ent_input in = {0};
	in.id = "t";
	in.text = text;
	in.len = strlen(text);
	in.date = date;
	ent_doc *d = NULL;
	assert_int_equal(ent_code(engine, &in, &d), 0);
	return d;
}

/* Two countries named in the sentence, the longest pattern wins. */
static void test_named_pair(void **state)
{
	(void)state;
	ent_doc *d = code("Le 10 mai, les deux dirigeants ont salué le partenariat stratégique "
			  "intégral Vietnam–Russie.", "2025-05");
	assert_int_equal(ent_doc_level_count(d), 1);
	const ent_level *l = ent_doc_level(d, 0);
	assert_string_equal(l->a, "RUS");
	assert_string_equal(l->b, "VNM");
	assert_string_equal(l->level, "comprehensive strategic partnership");
	assert_int_equal(l->rank, 6);
	assert_string_equal(l->date, "2025-05-10");
	ent_doc_free(d);
}

/* One country named, the other from the meeting of the article. */
static void test_frame_side(void **state)
{
	(void)state;
	ent_doc *d = code("Le 3 mars, le président Emmanuel Macron a reçu le président "
			  "indonésien Prabowo Subianto.\nIls ont salué le partenariat stratégique "
			  "avec l'Indonésie.", "2025-03");
	assert_int_equal(ent_doc_level_count(d), 1);
	const ent_level *l = ent_doc_level(d, 0);
	assert_string_equal(l->a, "FRA");
	assert_string_equal(l->b, "IDN");
	assert_string_equal(l->level, "strategic partnership");
	assert_string_equal(l->date, "2025-03-03");
	ent_doc_free(d);
}

/* A list of partners: one level with each. */
static void test_list(void **state)
{
	(void)state;
	ent_doc *d = code("L'Indonésie a rehaussé ses relations avec le Brésil, l'Égypte "
			  "et le Kenya au rang de partenariats stratégiques.", "2025-05");
	assert_int_equal(ent_doc_level_count(d), 3);
	const char *want[] = {"BRA", "EGY", "KEN"};
	for (size_t i = 0; i < 3; i++) {
		const ent_level *l = ent_doc_level(d, i);
		assert_string_equal(strcmp(l->a, "IDN") ? l->a : l->b, want[i]);
		assert_int_equal(l->rank, 5);
	}
	ent_doc_free(d);
}

/* English, and no level where none is stated. */
static void test_english_and_none(void **state)
{
	(void)state;
	ent_doc *d = code("Japan and Indonesia agreed on Tuesday to deepen their comprehensive "
			  "strategic partnership.", "2025-06-24");
	assert_int_equal(ent_doc_level_count(d), 1);
	assert_string_equal(ent_doc_level(d, 0)->a, "IDN");
	assert_string_equal(ent_doc_level(d, 0)->b, "JPN");
	ent_doc_free(d);
	d = code("Le Vietnam et la Russie ont signé un accord.", "2025-05");
	assert_int_equal(ent_doc_level_count(d), 0);
	ent_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_named_pair), cmocka_unit_test(test_frame_side),
		cmocka_unit_test(test_list), cmocka_unit_test(test_english_and_none)};
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
