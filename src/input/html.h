/*
 * html.h: the HTML reader behind reader.c (html.c). A web page, as saved
 * from the web, becomes the text of its article (one line per block) and
 * its metadata: publication date, title, language and URL.
 */
#ifndef ENT_INPUT_HTML_H
#define ENT_INPUT_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "core/core.h"

/* What ent_html_read takes from a page. Every string is UTF-8 and NULL
 * when the page does not say. */
typedef struct ent_html_page {
	ent_buf text; /* the title line (when there is a title), then one line
		       * per block of the article body, each ending in '\n' */
	char *date;   /* "YYYY-MM-DD" (or "YYYY-MM", "YYYY") */
	char *title;
	char *lang;   /* "fr" or "en" */
	char *url;
} ent_html_page;

/* True for a path ending in .html, .htm or .xhtml (any case). */
bool ent_html_path(const char *path);

/* True when s[0..n) starts (after a byte order mark, white space and
 * comments) with <!DOCTYPE html or an <html> tag. */
bool ent_html_sniff(const char *s, size_t n);

/* Reads the page s[0..n) into *out (which must be zeroed or cleared).
 * Returns 0, or ENT_EINVALID with *why saying what is wrong with the page
 * (a static string: empty, binary, not parseable, no article text). */
int ent_html_read(const char *s, size_t n, ent_html_page *out,
		  const char **why);

/* Frees the strings of *p and zeroes it. */
void ent_html_page_clear(ent_html_page *p);

#endif
