/*
 * utf8.c: UTF-8 validation and decoding (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). Used by the readers to refuse bad
 * input with the byte offset of the problem, and by the tokenizer.
 */
#include "text/text.h"

int32_t ent_utf8_next(const char *str, size_t n, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t p = *i;
	unsigned char c = s[p];
	if (c < 0x80) {
		*i = p + 1;
		return c;
	}
	int len;
	int32_t cp, min;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2; cp = c & 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3; cp = c & 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4; cp = c & 0x07; min = 0x10000;
	} else {
		*i = p + 1;
		return -1;
	}
	if (p + (size_t)len > n) {
		*i = p + 1;
		return -1;
	}
	for (int k = 1; k < len; k++) {
		unsigned char cc = s[p + (size_t)k];
		if ((cc & 0xc0) != 0x80) {
			*i = p + 1;
			return -1;
		}
		cp = (cp << 6) | (cc & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
		*i = p + 1;
		return -1;
	}
	*i = p + (size_t)len;
	return cp;
}

bool ent_utf8_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	while (i < n) {
		/* fast path for ASCII runs */
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t at = i;
		if (ent_utf8_next(s, n, &i) < 0) {
			if (bad)
				*bad = at;
			return false;
		}
	}
	return true;
}
