/*
 * split.c: tokens and sentences, with byte offsets into the original text
 * (STYLE.md habit 7: point into the text, don't copy it).
 *
 * Tokens: runs of letters, digits and combining marks are words; every
 * other visible character is a token of its own, hyphens and dashes
 * included, so "Vietnam–Russie" is three tokens and "Guinée-Bissau" in a
 * lexicon is tokenised the same way. An apostrophe between letters ends a
 * French elision when what comes before is one or two letters or ends in
 * "qu" (l', d', qu', jusqu'), also when a space follows it ("l' accord",
 * and patterns such as "lors de l'"); before a final "s" it starts the English
 * possessive token "'s"; elsewhere (aujourd'hui) it stays inside the word.
 *
 * Sentences never cross a line break (web text puts a paragraph, a caption
 * or a title on each line). Inside a line a sentence ends at . ! ? or …
 * when the next token opens a sentence (upper-case letter, digit, quote or
 * dash), even without a space ("Hanoï.Les deux parties"), unless the word
 * before the stop is a single letter (an initial) or an abbreviation.
 */
#include "text/text.h"

#include <string.h>
#include <utf8proc.h>

static bool is_space_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
	       cp == '\f' || cp == '\v' || cp == 0xa0 || cp == 0x202f ||
	       cp == 0x2009 || cp == 0x2007 || cp == 0x200b || cp == 0xfeff ||
	       cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200a);
}

static bool is_apos_cp(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02bc;
}

static bool is_word_cp(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);
}

static bool is_upper_cp(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static int32_t peek(const char *s, size_t n, size_t i, size_t *next)
{
	size_t j = i;
	int32_t cp = i < n ? ent_utf8_next(s, n, &j) : -1;
	if (next)
		*next = j;
	return cp;
}

static void push_token(ent_textinfo *t, const char *s, uint32_t start,
		       uint32_t end, uint8_t kind, uint8_t nl, uint8_t space)
{
	ent_token tok = {0};
	tok.start = start;
	tok.len = end - start;
	tok.kind = kind;
	tok.nl = nl;
	tok.space = space;
	size_t j = start;
	int32_t first = peek(s, end, j, NULL);
	tok.upper = first >= 0 && is_upper_cp(first);
	tok.key = (uint32_t)t->keys.len;
	ent_fold(s + start, end - start, &t->keys);
	/* Fold may turn an apostrophe variant into '; keys never hold spaces. */
	tok.klen = (uint32_t)(t->keys.len - tok.key);
	ent_buf_putc(&t->keys, 0);
	if (kind == ENT_TOK_WORD && tok.klen && t->keys.data[tok.key + tok.klen - 1] == '\'')
		tok.elided = 1;
	if (kind == ENT_TOK_WORD) {
		bool digits = true;
		for (uint32_t k = 0; k < tok.klen; k++)
			if (t->keys.data[tok.key + k] < '0' || t->keys.data[tok.key + k] > '9')
				digits = false;
		if (digits && tok.klen)
			tok.kind = ENT_TOK_NUM;
	}
	ENT_VEC_PUSH(t->toks, tok);
}

/* Is the word s[ws..we) an elision prefix (l, d, qu, jusqu, ...)? */
static bool elision_prefix(const char *s, size_t ws, size_t we)
{
	size_t letters = 0;
	for (size_t j = ws; j < we;) {
		if (ent_utf8_next(s, we, &j) < 0)
			return false;
		letters++;
	}
	if (letters >= 1 && letters <= 2)
		return true;
	return we - ws >= 2 && (s[we - 2] == 'q' || s[we - 2] == 'Q') &&
	       (s[we - 1] == 'u' || s[we - 1] == 'U');
}

static void tokenize(const char *s, size_t n, ent_textinfo *t)
{
	size_t i = 0;
	uint8_t nl = 2, space = 1;
	while (i < n) {
		size_t next;
		int32_t cp = peek(s, n, i, &next);
		if (cp < 0) { /* invalid byte: skip it */
			i = next;
			continue;
		}
		if (is_space_cp(cp)) {
			if (cp == '\n')
				nl = nl ? 2 : 1;
			space = 1;
			i = next;
			continue;
		}
		if (!is_word_cp(cp)) {
			push_token(t, s, (uint32_t)i, (uint32_t)next, ENT_TOK_PUNCT, nl, space);
			nl = space = 0;
			i = next;
			continue;
		}
		size_t ws = i;
		i = next;
		for (;;) {
			cp = peek(s, n, i, &next);
			if (cp < 0)
				break;
			if (is_word_cp(cp) || (cp >= 0x300 && cp <= 0x36f)) {
				i = next;
				continue;
			}
			if (is_apos_cp(cp)) {
				size_t after;
				int32_t c2 = peek(s, n, next, &after);
				if (c2 < 0 || !is_word_cp(c2)) {
					/* "l' accord", or "lors de l'" in a lexicon */
					if ((c2 < 0 || is_space_cp(c2)) && elision_prefix(s, ws, i))
						i = next;
					break;
				}
				if (elision_prefix(s, ws, i)) {
					i = next; /* keep the apostrophe, end here */
					break;
				}
				if ((c2 == 's' || c2 == 'S')) {
					int32_t c3 = peek(s, n, after, NULL);
					if (c3 < 0 || !is_word_cp(c3))
						break; /* possessive: 's is its own token */
				}
				i = next;
				continue;
			}
			break;
		}
		/* The possessive "'s" after a word. */
		push_token(t, s, (uint32_t)ws, (uint32_t)i, ENT_TOK_WORD, nl, space);
		nl = space = 0;
		cp = peek(s, n, i, &next);
		if (cp >= 0 && is_apos_cp(cp)) {
			size_t after;
			int32_t c2 = peek(s, n, next, &after);
			if (c2 == 's' || c2 == 'S') {
				int32_t c3 = peek(s, n, after, NULL);
				if (c3 < 0 || !is_word_cp(c3)) {
					push_token(t, s, (uint32_t)i, (uint32_t)after,
						   ENT_TOK_WORD, 0, 0);
					i = after;
				}
			}
		}
	}
}

static bool key_is(const ent_textinfo *t, const ent_token *k, const char *lit)
{
	size_t n = strlen(lit);
	return k->klen == n && memcmp(t->keys.data + k->key, lit, n) == 0;
}

static bool opens_sentence(const ent_textinfo *t, const ent_token *k)
{
	if (k->upper || k->kind == ENT_TOK_NUM)
		return true;
	return key_is(t, k, "\"") || key_is(t, k, "\xc2\xab") || key_is(t, k, "-") ||
	       key_is(t, k, "(") || key_is(t, k, "\xe2\x80\x9c");
}

void ent_text_split(const char *text, size_t n, ent_abbrev_fn abbrev, void *ctx,
		    ent_textinfo *out)
{
	memset(out, 0, sizeof *out);
	tokenize(text, n, out);
	size_t nt = out->toks.len;
	ent_token *tk = out->toks.items;
	uint32_t start = 0, para = 0;
	for (size_t i = 0; i <= nt; i++) {
		bool cut = false;
		if (i == nt) {
			cut = true;
		} else if (i > start && tk[i].nl) {
			cut = true;
		} else if (i > start && i >= 1) {
			const ent_token *p = &tk[i - 1];
			bool stop = key_is(out, p, ".") || key_is(out, p, "!") ||
				    key_is(out, p, "?") || key_is(out, p, "\xe2\x80\xa6");
			if (stop && opens_sentence(out, &tk[i])) {
				cut = true;
				if (key_is(out, p, ".") && i >= 2 && tk[i - 2].kind == ENT_TOK_NUM &&
				    tk[i].kind == ENT_TOK_NUM && !tk[i - 1].space && !tk[i].space)
					cut = false; /* "20.01.2022", "1.5" */
				else if (key_is(out, p, ".") && i >= 2) {
					const ent_token *w = &tk[i - 2];
					if (w->kind == ENT_TOK_WORD && !tk[i - 1].space) {
						if (w->upper && w->klen == 1)
							cut = false; /* an initial */
						else if (abbrev && abbrev(out->keys.data + w->key, w->klen, ctx))
							cut = false;
					}
				}
			}
		}
		if (!cut)
			continue;
		if (i > start) {
			ent_sentence se = {0};
			se.start = tk[start].start;
			se.len = tk[i - 1].start + tk[i - 1].len - se.start;
			se.tok = start;
			se.ntok = (uint32_t)(i - start);
			se.para = para;
			ENT_VEC_PUSH(out->sents, se);
		}
		if (i < nt && tk[i].nl)
			para++;
		start = (uint32_t)i;
	}
}

void ent_textinfo_dispose(ent_textinfo *t)
{
	ENT_VEC_FREE(t->toks);
	ENT_VEC_FREE(t->sents);
	ent_buf_dispose(&t->keys);
}

size_t ent_pattern_keys(const char *s, size_t n, ent_buf *out)
{
	ent_textinfo t = {0};
	tokenize(s, n, &t);
	for (size_t i = 0; i < t.toks.len; i++) {
		if (i)
			ent_buf_putc(out, ' ');
		ent_buf_append(out, t.keys.data + t.toks.items[i].key, t.toks.items[i].klen);
	}
	size_t count = t.toks.len;
	ent_textinfo_dispose(&t);
	return count;
}
