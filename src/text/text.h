/*
 * text.h: UTF-8 checking, folding to matching keys, sentence and token
 * splitting. A leaf module: it includes core.h and utf8proc only.
 */
#ifndef ENT_TEXT_H
#define ENT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

/* True when s[0..n) is valid UTF-8 (no overlongs, no surrogates). On
 * failure *bad is the byte offset of the first invalid sequence. */
bool ent_utf8_valid(const char *s, size_t n, size_t *bad);

/* Decodes one code point at s[*i] (advancing *i); returns -1 on bad input
 * (and advances one byte). */
int32_t ent_utf8_next(const char *s, size_t n, size_t *i);

/* Appends the folded matching key of s[0..n) to out: lower case, marks
 * stripped, ligatures expanded, typographic apostrophes to ', dashes to -.
 * (docs/lexicon.md "Common rules"). */
void ent_fold(const char *s, size_t n, ent_buf *out);
/* Must be called once before ent_fold is used from several threads. */
void ent_fold_init(void);

/* A token: a span of the original text and its folded key. */
enum ent_tok_kind {
	ENT_TOK_WORD = 1, /* letters, digits, inner hyphens/apostrophes */
	ENT_TOK_NUM,      /* digits only */
	ENT_TOK_PUNCT     /* one punctuation mark */
};
typedef struct ent_token {
	uint32_t start, len;  /* in the document text */
	uint32_t key, klen;   /* offset/len of the folded key in the key buffer */
	uint8_t kind;
	uint8_t upper;        /* first letter upper case */
	uint8_t elided;       /* ends with an elision apostrophe: l' d' qu' */
	uint8_t nl;           /* line breaks before it: 0, 1, or 2 (blank line) */
	uint8_t space;        /* white space before it */
} ent_token;

typedef struct ent_sentence {
	uint32_t start, len;  /* in the document text */
	uint32_t tok, ntok;   /* range in the token array */
	uint32_t para;        /* paragraph number (0-based) */
	uint8_t noise;        /* caption, related-link line or boilerplate */
} ent_sentence;

typedef struct ent_textinfo {
	ENT_VEC(ent_token) toks;
	ENT_VEC(ent_sentence) sents;
	ent_buf keys;         /* folded keys, NUL-separated */
} ent_textinfo;

/* Splits text into paragraphs, sentences and tokens. `abbrev` tells
 * whether a folded word (without its final '.') is an abbreviation that
 * does not end a sentence; it may be NULL. */
typedef bool (*ent_abbrev_fn)(const char *key, size_t n, void *ctx);
void ent_text_split(const char *text, size_t n, ent_abbrev_fn abbrev,
		    void *ctx, ent_textinfo *out);
void ent_textinfo_dispose(ent_textinfo *t);

/* Tokenises a pattern from a lexicon file into folded keys separated by
 * single spaces (appended to out). Returns the number of tokens. */
size_t ent_pattern_keys(const char *s, size_t n, ent_buf *out);

#endif
