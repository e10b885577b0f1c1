/*
 * test_robust.c: the engine on hostile text. A deterministic generator
 * (xorshift, fixed seeds) builds documents from lexicon-like words, digits,
 * punctuation, dashes, apostrophes, newlines, invalid UTF-8 and runs of a
 * single character, and codes them: every call must return with events
 * whose spans lie inside the text and whose strings are well formed. Run
 * under ASan/UBSan (make asan) it is a small fuzzer that CI repeats;
 * tests/fuzz/fuzz_code.c is the libFuzzer target for longer runs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "entente/entente.h"

#include "engine_fixture.h"

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static const char *const WORDS[] = {
	"Le", "la", "les", "l'", "d'", "du", "de", "des", "et", "à", "en", "au", "avec", "par",
	"entre", "président", "Premier", "ministre", "russe", "vietnamien", "Vietnam", "Russie",
	"Moscou", "Hanoï", "Tô", "Lâm", "Vladimir", "Poutine", "a", "reçu", "entretien",
	"visite", "convenu", "signé", "accord", "déclaration", "conjointe", "les", "deux",
	"parties", "son", "homologue", "il", "n'", "pas", "effectuera", "mai", "juin", "10",
	"2025", "1er", "lundi", "hier", "dernier", "du", "au", "-", "–", "—", ",", ".", ";", ":",
	"(", ")", "«", "»", "\"", "'", "’", ">>", "Photo", "M.", "Mme", "20.01.2022",
	"2025-04-22", "12/23/2023", "met", "with", "the", "President", "his", "counterpart",
	"Russian", "visited", "summoned", "sanctions", "partenariat", "stratégique", "intégral",
	"défense", "énergie", "commerce", "ont", "été", "expulsés", "Canada", "Iran", "trois",
	"dirigeants", "ces", "cette", "sept", "accords", "Ils", "Elle", "sa", "tournée",
	"Kazakhstan", "Azerbaïdjan", "Biélorussie", "Alger", "ALGER", "\xff", "\xc3", "\xe2\x80",
	"\n", "\n\n", "\t", "é", "œ", "ﬁ", "İ", "ß", "đ", "🙂", "\xcc\x81"};

static size_t gen(char *buf, size_t cap)
{
	size_t n = 0, words = 1 + next() % 400;
	for (size_t i = 0; i < words; i++) {
		const char *w;
		char tmp[16];
		uint64_t r = next() % 100;
		if (r < 85) {
			w = WORDS[next() % (sizeof WORDS / sizeof WORDS[0])];
		} else if (r < 92) {
			snprintf(tmp, sizeof tmp, "%u", (unsigned)(next() % 4000));
			w = tmp;
		} else {
			size_t k = 1 + next() % 12;
			char ch = "a.-'(,\n "[next() % 8];
			for (size_t j = 0; j < k && j < sizeof tmp - 1; j++)
				tmp[j] = ch;
			tmp[k < sizeof tmp - 1 ? k : sizeof tmp - 1] = 0;
			w = tmp;
		}
		size_t len = strlen(w);
		if (n + len + 2 >= cap)
			break;
		memcpy(buf + n, w, len);
		n += len;
		if (next() % 5)
			buf[n++] = ' ';
	}
	buf[n] = 0;
	return n;
}

static void check_doc(const ent_doc *d, size_t len)
{
	for (size_t i = 0; i < ent_doc_event_count(d); i++) {
		const ent_event *ev = ent_doc_event(d, i);
		assert_true(strlen(ev->code) >= 2 && strlen(ev->code) <= 4);
		assert_true(strlen(ev->source) >= 3);
		assert_true((size_t)ev->sentence.start + ev->sentence.len <= len);
		assert_true((size_t)ev->trigger.start + ev->trigger.len <= len);
		assert_true((size_t)ev->source_span.start + ev->source_span.len <= len);
		assert_true((size_t)ev->target_span.start + ev->target_span.len <= len);
		assert_true(ev->confidence >= 0.0 && ev->confidence <= 1.0);
	}
	for (size_t i = 0; i < ent_doc_level_count(d); i++) {
		const ent_level *l = ent_doc_level(d, i);
		assert_true((size_t)l->sentence.start + l->sentence.len <= len);
	}
}

static void test_random_documents(void **state)
{
	(void)state;
	static char buf[16384];
	static const char *const DATES[] = {NULL, "2025", "2025-05", "2025-05-10", "1999-12-31"};
	static const char *const LANGS[] = {NULL, "fr", "en"};
	for (int iter = 0; iter < 3000; iter++) {
		size_t n = gen(buf, sizeof buf);
		ent_input in = {0};
		in.id = "fuzz";
		in.text = buf;
		in.len = n;
		in.date = DATES[next() % 5];
		in.lang = LANGS[next() % 3];
		in.title = next() % 2 ? "t" : NULL;
		ent_doc *d = NULL;
		assert_int_equal(ent_code(engine, &in, &d), 0);
		check_doc(d, n);
		ent_doc_free(d);
	}
}

/* Degenerate inputs: empty, one byte, only punctuation, one huge word,
 * one huge sentence without a stop. */
static void test_degenerate(void **state)
{
	(void)state;
	static char big[200000];
	const char *small[] = {"", ".", "'", "-", "\n\n\n", "«»", "l'", "d'l'", "1er", "M.", "é"};
	for (size_t i = 0; i < sizeof small / sizeof small[0]; i++) {
		ent_input in = {.id = "x", .text = small[i], .len = strlen(small[i]), .date = "2025-05"};
		ent_doc *d = NULL;
		assert_int_equal(ent_code(engine, &in, &d), 0);
		ent_doc_free(d);
	}
	memset(big, 'a', sizeof big - 1);
	ent_input in = {.id = "x", .text = big, .len = sizeof big - 1};
	ent_doc *d = NULL;
	assert_int_equal(ent_code(engine, &in, &d), 0);
	ent_doc_free(d);
	/* one sentence of many actors and triggers */
	size_t n = 0;
	while (n + 64 < sizeof big) {
		const char *w = "le Vietnam, la Russie et la France ont signé, reçu, ";
		memcpy(big + n, w, strlen(w));
		n += strlen(w);
	}
	big[n] = 0;
	in.len = n;
	in.date = "2025-05-10";
	assert_int_equal(ent_code(engine, &in, &d), 0);
	check_doc(d, n);
	ent_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_random_documents),
					   cmocka_unit_test(test_degenerate)};
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
