/*
 * test_text.c: folding, tokens and sentences (src/text). Each case states
 * the rule of split.c or fold.c it checks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "text/text.h"

static char *fold(const char *s)
{
	static ent_buf b;
	ent_buf_clear(&b);
	b.len = 0;
	ent_fold(s, strlen(s), &b);
	return b.data ? b.data : "";
}

static void test_fold(void **state)
{
	(void)state;
	assert_string_equal(fold("Hanoï"), "hanoi");
	assert_string_equal(fold("ÉTATS-UNIS"), "etats-unis");
	assert_string_equal(fold("Tô Lâm"), "to lam");
	assert_string_equal(fold("Bùi Thanh Sơn"), "bui thanh son");
	assert_string_equal(fold("Đà Nẵng"), "da nang");
	assert_string_equal(fold("cœur"), "coeur");
	assert_string_equal(fold("l’entretien"), "l'entretien");
	assert_string_equal(fold("Vietnam–Russie"), "vietnam-russie");
	assert_string_equal(fold("Łódź"), "lodz");
}

/* The tokens of s as "key key key". */
static char *toks(const char *s)
{
	static ent_buf out;
	ent_buf_clear(&out);
	out.len = 0;
	ent_textinfo t;
	ent_text_split(s, strlen(s), NULL, NULL, &t);
	for (size_t i = 0; i < t.toks.len; i++) {
		if (i)
			ent_buf_putc(&out, ' ');
		ent_buf_append(&out, t.keys.data + t.toks.items[i].key, t.toks.items[i].klen);
	}
	ent_textinfo_dispose(&t);
	return out.data ? out.data : "";
}

static void test_tokens(void **state)
{
	(void)state;
	/* French elision splits after the apostrophe */
	assert_string_equal(toks("l'entretien d’État qu’il"), "l' entretien d' etat qu' il");
	assert_string_equal(toks("jusqu'à aujourd'hui"), "jusqu' a aujourd'hui");
	/* dashes and hyphens are tokens of their own */
	assert_string_equal(toks("Vietnam–Russie a-t-il"), "vietnam - russie a - t - il");
	/* English possessive */
	assert_string_equal(toks("Vietnam's leader"), "vietnam 's leader");
	/* numbers and punctuation */
	assert_string_equal(toks("le 10 mai, 1945-2025."), "le 10 mai , 1945 - 2025 .");
}

static void test_offsets(void **state)
{
	(void)state;
	const char *s = "À Hanoï, l’accord";
	ent_textinfo t;
	ent_text_split(s, strlen(s), NULL, NULL, &t);
	assert_int_equal(t.toks.len, 5);
	/* "Hanoï" starts after "À " (2 bytes + space) and is 6 bytes long */
	assert_int_equal(t.toks.items[1].start, 3);
	assert_int_equal(t.toks.items[1].len, 6);
	assert_memory_equal(s + t.toks.items[4].start, "accord", 6);
	assert_true(t.toks.items[0].upper);
	ent_textinfo_dispose(&t);
}

static bool abbrev(const char *k, size_t n, void *ctx)
{
	(void)ctx;
	return (n == 1 && k[0] == 'm') || (n == 3 && memcmp(k, "mme", 3) == 0);
}

static int nsent(const char *s, char first[][64], int max)
{
	ent_textinfo t;
	ent_text_split(s, strlen(s), abbrev, NULL, &t);
	int n = (int)t.sents.len;
	for (int i = 0; i < n && i < max; i++) {
		const ent_sentence *se = &t.sents.items[i];
		size_t len = se->len < 63 ? se->len : 63;
		memcpy(first[i], s + se->start, len);
		first[i][len] = 0;
	}
	ent_textinfo_dispose(&t);
	return n;
}

static void test_sentences(void **state)
{
	(void)state;
	char s[8][64];
	/* a full stop before an upper-case word ends a sentence */
	assert_int_equal(nsent("Il est venu. Elle est partie.", s, 8), 2);
	assert_string_equal(s[1], "Elle est partie.");
	/* run-on: no space after the full stop */
	assert_int_equal(nsent("Il est venu à Hanoï.Les deux parties ont signé.", s, 8), 2);
	assert_string_equal(s[1], "Les deux parties ont signé.");
	/* abbreviations and initials do not end sentences */
	assert_int_equal(nsent("M. Attaf a reçu J. Smith. Puis il est parti.", s, 8), 2);
	/* a line break always does */
	assert_int_equal(nsent("Photo : VNA\nLe président a parlé", s, 8), 2);
	assert_string_equal(s[0], "Photo : VNA");
	/* a lower-case word after a stop does not */
	assert_int_equal(nsent("le 5 mai. et puis", s, 8), 1);
}

static void test_utf8(void **state)
{
	(void)state;
	size_t bad = 0;
	assert_true(ent_utf8_valid("Hanoï", 6, &bad));
	assert_false(ent_utf8_valid("ab\xc3(", 4, &bad));
	assert_int_equal(bad, 2);
	assert_false(ent_utf8_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
	assert_false(ent_utf8_valid("\xc0\xaf", 2, &bad));     /* overlong */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold), cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_offsets), cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_utf8)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
