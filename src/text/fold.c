/*
 * fold.c: matching keys. Every word the engine compares (in the text and in
 * the lexicon files) goes through ent_fold, so that "Hanoï", "HANOI" and
 * "hanoi" meet, and "l’entretien" meets "l'entretien" (docs/lexicon.md).
 *
 * ASCII is lower-cased inline. Other code points up to U+2FFF come from a
 * table computed once from utf8proc (case fold, decomposition, marks
 * stripped), with the few letters Unicode does not decompose written out
 * (đ, œ, æ, ß, ı, ø, ł). Typographic apostrophes fold to ', dashes and
 * minus signs to -, and no-break spaces to a space. Code points above the
 * table are case-folded by utf8proc on the fly.
 */
#include "text/text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define FOLD_MAX 0x3000

typedef struct {
	uint8_t len;
	char s[7];
} fold_entry;

static fold_entry *fold_table;
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void set(fold_entry *e, const char *s)
{
	size_t n = strlen(s);
	e->len = (uint8_t)n;
	memcpy(e->s, s, n);
}

static void build(void)
{
	fold_entry *t = calloc(FOLD_MAX, sizeof *t);
	if (!t)
		abort();
	for (int32_t cp = 0x80; cp < FOLD_MAX; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		utf8proc_uint8_t in[4];
		utf8proc_ssize_t n = utf8proc_encode_char(cp, in);
		utf8proc_uint8_t *out = NULL;
		utf8proc_ssize_t m = utf8proc_map(in, n, &out,
			UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
		if (m > 0 && m < 7) {
			t[cp].len = (uint8_t)m;
			memcpy(t[cp].s, out, (size_t)m);
		} else if (m == 0) {
			t[cp].len = 0; /* a lone combining mark folds away */
		} else {
			t[cp].len = (uint8_t)n;
			memcpy(t[cp].s, in, (size_t)n);
		}
		free(out);
	}
	/* Letters with a stroke or ligatures that Unicode keeps whole. */
	set(&t[0x0111], "d"); set(&t[0x0110], "d");   /* đ Đ */
	set(&t[0x0153], "oe"); set(&t[0x0152], "oe"); /* œ Œ */
	set(&t[0x00e6], "ae"); set(&t[0x00c6], "ae"); /* æ Æ */
	set(&t[0x00df], "ss"); set(&t[0x0131], "i");  /* ß ı */
	set(&t[0x00f8], "o"); set(&t[0x00d8], "o");   /* ø Ø */
	set(&t[0x0142], "l"); set(&t[0x0141], "l");   /* ł Ł */
	/* Apostrophes and quotes used as apostrophes. */
	set(&t[0x2019], "'"); set(&t[0x2018], "'"); set(&t[0x02bc], "'");
	set(&t[0x2032], "'");
	/* Dashes, hyphens and minus signs. */
	for (int32_t cp = 0x2010; cp <= 0x2015; cp++)
		set(&t[cp], "-");
	set(&t[0x2212], "-");
	/* Spaces. */
	set(&t[0x00a0], " "); set(&t[0x202f], " "); set(&t[0x2009], " ");
	fold_table = t;
}

void ent_fold_init(void)
{
	pthread_once(&fold_once, build);
}

void ent_fold(const char *s, size_t n, ent_buf *out)
{
	ent_fold_init();
	ent_buf_grow(out, n + 8);
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c + 32);
			ent_buf_grow(out, 1);
			out->data[out->len++] = (char)c;
			i++;
			continue;
		}
		int32_t cp = ent_utf8_next(s, n, &i);
		if (cp < 0)
			continue;
		if (cp < FOLD_MAX) {
			const fold_entry *e = &fold_table[cp];
			ent_buf_grow(out, e->len);
			memcpy(out->data + out->len, e->s, e->len);
			out->len += e->len;
		} else {
			utf8proc_int32_t f = utf8proc_tolower(cp);
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t m = utf8proc_encode_char(f, enc);
			ent_buf_append(out, enc, (size_t)m);
		}
	}
	out->data[out->len] = 0;
}
