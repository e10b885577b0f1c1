/*
 * html.c: web pages as they come (html.h). reader.c hands over the bytes of
 * a file named *.html, *.htm or *.xhtml, or of any article file or standard
 * input whose content starts like an HTML document (ent_html_sniff); this
 * file turns them into the text of the article and its metadata.
 *
 * Characters. The bytes are decoded to UTF-8 here, before libxml2 sees
 * them (it is then told "UTF-8" and to ignore the page's own hints): a
 * UTF-16 byte order mark wins, then the charset of a <meta> tag in the
 * first 4096 bytes (<meta charset> or http-equiv content "...;
 * charset=X"), then an <?xml encoding>; with none, the page is UTF-8
 * when it has at least as many valid multi-byte UTF-8 sequences as bytes
 * that are not UTF-8 (so pure ASCII, and UTF-8 with a stray byte), and
 * Windows-1252 otherwise. ISO-8859-1, Latin-1 and US-ASCII are read
 * as Windows-1252 (as browsers do); a page declared as one of those that
 * is nonetheless valid UTF-8 with non-ASCII characters is read as UTF-8
 * (a stale declaration: Windows-1252 text is practically never valid
 * multi-byte UTF-8). Other charsets go through iconv; an unknown one counts
 * as no declaration. Invalid sequences become U+FFFD, as in a browser, so a
 * stray byte in a script does not cost the article.
 *
 * Parsing: htmlReadMemory with RECOVER | NONET | NOERROR | NOWARNING |
 * IGNORE_ENC: no network, no DTD, nothing printed.
 *
 * Metadata, first found wins:
 * - date: <meta property|name="article:published_time">; <meta name=
 *   "date|pubdate|publish-date|DC.date.issued|dcterms.date">; an element
 *   with itemprop="datePublished" (content or datetime; the article's own
 *   first, never one inside nav, aside, footer...); "datePublished"
 *   in a <script type="application/ld+json"> (an object whose @type is an
 *   article first, then any object); a <time datetime> inside the article
 *   (when the body is an <article>, articleBody or <main>, not the whole
 *   <body>). A value must start with an ISO date (YYYY-MM-DD, YYYYMMDD,
 *   YYYY-MM or YYYY); one with a time and a zone is cut to the day as
 *   written, not converted: "2025-03-12T23:30:00-05:00" is 2025-03-12, the
 *   publisher's own calendar day. Values that are not ISO are passed over.
 * - title: og:title; else <title> with a " - Site" / " | Site" suffix cut
 *   only when the suffix is clearly the site (it equals og:site_name or
 *   application-name, or names the host of the page's URL, "Le Monde" for
 *   www.lemonde.fr, or is itself a domain name); else the first <h1>.
 * - lang: <html lang> (or xml:lang), else og:locale: "fr-FR" is fr; only
 *   fr and en are kept, anything else is left to the engine's guess.
 * - url: <link rel="canonical">, else og:url; absolute http(s) only.
 *
 * Text: the body is the <article> with the most text (not counting nested
 * or dropped ones), else the element with itemprop="articleBody", else
 * <main> (or role="main"), else <body>. Dropped with their content:
 * script, style, noscript, template, nav, header, footer, aside, form,
 * button, select, textarea, iframe, object, svg, math, video, audio,
 * canvas, elements with the hidden attribute or aria-hidden="true", and
 * the ARIA roles navigation, banner, contentinfo, complementary, search;
 * comments are not text. Figure captions stay (the engine knows captions
 * and "Lire aussi" lines). Every block element (p, h1-h6, li, blockquote,
 * div, table cells, figcaption, ...) and <br> ends a line; white space is
 * collapsed inside a line and trimmed at its ends (no-break spaces
 * included); control characters count as spaces; soft hyphens are
 * dropped; <pre> keeps its line breaks. The text starts with the title on
 * a line of its own (as the title line of an article file) unless the body
 * already starts with an <h1> or with the title.
 *
 * Refused: an empty or white-space-only page, NUL bytes (outside UTF-16),
 * a page libxml2 cannot parse, and a page whose body has no text.
 */
#include "input/html.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "entente/entente.h"
#include "text/text.h"

#define PRESCAN_BYTES 4096
#define MAX_JSON_DEPTH 32

/* ------------------------------------------------------------------ */
/* Small string helpers.                                                */

static bool ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Case-insensitive prefix test on s[i..n). */
static bool at_ci(const char *s, size_t n, size_t i, const char *w)
{
	size_t k = strlen(w);
	if (i > n || n - i < k)
		return false;
	for (size_t j = 0; j < k; j++)
		if (lower(s[i + j]) != w[j])
			return false;
	return true;
}

/* Offset of w (lower case) in s[i..n), case-insensitive, or n. */
static size_t find_ci(const char *s, size_t n, size_t i, const char *w)
{
	for (; i < n; i++)
		if (at_ci(s, n, i, w))
			return i;
	return n;
}

static bool has_ext_ci(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && strcasecmp(path + n - e, ext) == 0;
}

bool ent_html_path(const char *path)
{
	return has_ext_ci(path, ".html") || has_ext_ci(path, ".htm") ||
	       has_ext_ci(path, ".xhtml");
}

bool ent_html_sniff(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (int guard = 0; guard < 16; guard++) {
		while (i < n && ascii_space((unsigned char)s[i]))
			i++;
		if (at_ci(s, n, i, "<!--")) {
			size_t e = i + 4;
			while (e + 3 <= n && memcmp(s + e, "-->", 3) != 0)
				e++;
			if (e + 3 > n)
				return false;
			i = e + 3;
		} else if (at_ci(s, n, i, "<?xml")) {
			size_t e = i + 5;
			while (e + 2 <= n && memcmp(s + e, "?>", 2) != 0)
				e++;
			if (e + 2 > n)
				return false;
			i = e + 2;
		} else {
			break;
		}
	}
	if (at_ci(s, n, i, "<!doctype")) {
		i += 9;
		while (i < n && ascii_space((unsigned char)s[i]))
			i++;
		return at_ci(s, n, i, "html");
	}
	if (at_ci(s, n, i, "<html"))
		return i + 5 == n || s[i + 5] == '>' || s[i + 5] == '/' ||
		       ascii_space((unsigned char)s[i + 5]);
	return false;
}

/* ------------------------------------------------------------------ */
/* Decoding to UTF-8.                                                   */

static void put_cp(ent_buf *b, uint32_t cp)
{
	char u[4];
	size_t k;
	if (cp < 0x80) {
		u[0] = (char)cp;
		k = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		k = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		k = 3;
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		k = 4;
	}
	ent_buf_append(b, u, k);
}

/* Windows-1252 0x80-0x9F (WHATWG: the five undefined bytes map to the C1
 * control of the same value). */
static const uint16_t CP1252[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178};

static void from_cp1252(const char *s, size_t n, ent_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80)
			ent_buf_putc(out, (char)c);
		else if (c < 0xa0)
			put_cp(out, CP1252[c - 0x80]);
		else
			put_cp(out, c);
	}
}

/* UTF-8 with each invalid byte replaced by U+FFFD. */
static void from_utf8(const char *s, size_t n, ent_buf *out)
{
	size_t i = 0;
	while (i < n) {
		size_t at = i;
		if (ent_utf8_next(s, n, &i) < 0)
			ent_buf_append(out, "\xEF\xBF\xBD", 3);
		else
			ent_buf_append(out, s + at, i - at);
	}
}

/* Through iconv; false when it does not know `charset`. */
static bool from_iconv(const char *charset, const char *s, size_t n,
		       ent_buf *out)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	if (cd == (iconv_t)-1)
		return false;
	char *in = (char *)s;
	size_t left = n;
	char chunk[4096];
	while (left > 0) {
		char *o = chunk;
		size_t room = sizeof chunk;
		size_t rc = iconv(cd, &in, &left, &o, &room);
		ent_buf_append(out, chunk, (size_t)(o - chunk));
		if (rc == (size_t)-1 && errno != E2BIG) {
			/* EILSEQ or EINVAL (truncated at the end): one byte */
			ent_buf_append(out, "\xEF\xBF\xBD", 3);
			in++;
			left--;
		}
	}
	char *o = chunk;
	size_t room = sizeof chunk;
	if (iconv(cd, NULL, NULL, &o, &room) != (size_t)-1)
		ent_buf_append(out, chunk, (size_t)(o - chunk));
	iconv_close(cd);
	return true;
}

/* The charset label after "charset" at s[i] (i just past the word), or
 * an empty label. */
static size_t charset_value(const char *s, size_t n, size_t i, char *lab,
			    size_t cap)
{
	while (i < n && ascii_space((unsigned char)s[i]))
		i++;
	if (i >= n || s[i] != '=')
		return 0;
	i++;
	while (i < n && (ascii_space((unsigned char)s[i]) || s[i] == '"' ||
			 s[i] == '\''))
		i++;
	size_t k = 0;
	while (i < n && k + 1 < cap &&
	       ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		(s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_' ||
		s[i] == '.' || s[i] == ':'))
		lab[k++] = lower(s[i++]);
	lab[k] = 0;
	return k;
}

/* The charset the page declares in its first bytes, lower case, or "". */
static void declared_charset(const char *s, size_t n, char *lab, size_t cap)
{
	size_t lim = n < PRESCAN_BYTES ? n : PRESCAN_BYTES;
	lab[0] = 0;
	for (size_t i = find_ci(s, lim, 0, "<meta"); i < lim;
	     i = find_ci(s, lim, i + 5, "<meta")) {
		size_t end = i + 5;
		while (end < lim && s[end] != '>')
			end++;
		size_t c = find_ci(s, end, i + 5, "charset");
		if (c < end && charset_value(s, end, c + 7, lab, cap))
			return;
	}
	if (at_ci(s, lim, 0, "<?xml") ||
	    (lim >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 &&
	     at_ci(s, lim, 3, "<?xml"))) {
		size_t end = find_ci(s, lim, 0, "?>");
		size_t c = find_ci(s, end, 0, "encoding");
		if (c < end)
			charset_value(s, end, c + 8, lab, cap);
	}
}

/* Valid multi-byte UTF-8 sequences and invalid bytes in s[0..n). */
static void utf8_census(const char *s, size_t n, size_t *good, size_t *bad)
{
	*good = *bad = 0;
	for (size_t i = 0; i < n;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (ent_utf8_next(s, n, &i) < 0)
			(*bad)++;
		else
			(*good)++;
	}
}

/* Decodes the page into out (valid UTF-8). Returns false when it holds
 * NUL characters. */
static bool decode(const char *s, size_t n, ent_buf *out)
{
	if (n >= 2 && ((unsigned char)s[0] == 0xff && (unsigned char)s[1] == 0xfe)) {
		from_iconv("UTF-16LE", s + 2, n - 2, out);
		return !out->data || !memchr(out->data, 0, out->len);
	}
	if (n >= 2 && ((unsigned char)s[0] == 0xfe && (unsigned char)s[1] == 0xff)) {
		from_iconv("UTF-16BE", s + 2, n - 2, out);
		return !out->data || !memchr(out->data, 0, out->len);
	}
	if (memchr(s, 0, n))
		return false;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		from_utf8(s + 3, n - 3, out);
		return true;
	}
	char lab[64];
	declared_charset(s, n, lab, sizeof lab);
	size_t good, bad;
	utf8_census(s, n, &good, &bad);
	if (!strcmp(lab, "utf-8") || !strcmp(lab, "utf8") ||
	    !strncmp(lab, "utf-16", 6) || !strcmp(lab, "unicode-1-1-utf-8")) {
		/* a page that says UTF-16 in ASCII is not UTF-16 (WHATWG) */
		from_utf8(s, n, out);
		return true;
	}
	bool western = !strcmp(lab, "iso-8859-1") || !strcmp(lab, "iso8859-1") ||
		       !strcmp(lab, "iso_8859-1") || !strcmp(lab, "latin1") ||
		       !strcmp(lab, "l1") || !strcmp(lab, "us-ascii") ||
		       !strcmp(lab, "ascii") || !strcmp(lab, "windows-1252") ||
		       !strcmp(lab, "cp1252") || !strcmp(lab, "x-cp1252");
	if (western) {
		if (good > 0 && bad == 0)
			ent_buf_append(out, s, n); /* a stale declaration */
		else
			from_cp1252(s, n, out);
		return true;
	}
	if (lab[0] && from_iconv(lab, s, n, out))
		return !out->data || !memchr(out->data, 0, out->len);
	ent_buf_clear(out);
	if (good >= bad)
		from_utf8(s, n, out);
	else
		from_cp1252(s, n, out);
	return true;
}

/* ------------------------------------------------------------------ */
/* The tree.                                                            */

static bool is_el(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

/* The value of attribute `name` of element n (borrowed), or NULL. */
static const char *attr(const xmlNode *n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (strcasecmp((const char *)a->name, name) != 0)
			continue;
		if (a->children && a->children->type == XML_TEXT_NODE &&
		    a->children->content)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

/* Whether space-separated list v holds word w (case-insensitive). */
static bool has_word(const char *v, const char *w)
{
	size_t k = strlen(w);
	for (const char *p = v; p && *p;) {
		while (*p && ascii_space((unsigned char)*p))
			p++;
		const char *e = p;
		while (*e && !ascii_space((unsigned char)*e))
			e++;
		if ((size_t)(e - p) == k && strncasecmp(p, w, k) == 0)
			return true;
		p = e;
	}
	return false;
}

static bool in_list(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

static bool in_list_ci(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcasecmp(name, list[i]) == 0)
			return true;
	return false;
}

static const char *const DROPPED[] = {
	"script", "style", "noscript", "template", "nav", "header", "footer",
	"aside", "form", "button", "select", "textarea", "iframe", "object",
	"svg", "math", "video", "audio", "canvas", "head", NULL};

static const char *const BLOCKS[] = {
	"address", "article", "aside", "blockquote", "body", "caption",
	"center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
	"h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
	"menu", "nav", "ol", "p", "pre", "section", "summary", "table",
	"tbody", "td", "tfoot", "th", "thead", "tr", "ul", NULL};

/* Whether element n is left out of the text with its content; `header`
 * says whether <header> is left out too (the walk for <time> keeps it). */
static bool dropped(const xmlNode *n, bool header)
{
	const char *name = (const char *)n->name;
	if (!header && strcmp(name, "header") == 0)
		return false;
	if (in_list(name, DROPPED))
		return true;
	if (attr(n, "hidden"))
		return true;
	const char *v = attr(n, "aria-hidden");
	if (v && strcasecmp(v, "true") == 0)
		return true;
	v = attr(n, "role");
	return v && (has_word(v, "navigation") || has_word(v, "banner") ||
		     has_word(v, "contentinfo") || has_word(v, "complementary") ||
		     has_word(v, "search"));
}

/* The node after n in document order under root, not entering n's
 * children unless `descend`. */
static xmlNode *next_in(xmlNode *n, const xmlNode *root, bool descend)
{
	if (descend && n->children)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Lines.                                                               */

typedef struct lines {
	ent_buf out;   /* finished lines, each ending in '\n' */
	ent_buf line;  /* the line being built */
	bool space;    /* white space seen since the last character */
	int pre, h1;   /* depth inside <pre> and <h1> */
	size_t nlines;
	bool first_h1; /* the first line came from an <h1> */
} lines;

/* The length of the (Unicode) space at s[i], or 0. */
static size_t space_at(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (c == ' ')
		return 1;
	if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0)
		return 2;
	if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
		unsigned char d = (unsigned char)s[i + 2];
		if (d <= 0x8b || d == 0xaf)
			return 3;
	}
	if (c == 0xe3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0x80)
		return 3;
	return 0;
}

static void end_line(lines *t)
{
	const char *s = t->line.data;
	size_t n = t->line.len, a = 0;
	size_t k;
	while (a < n && (k = space_at(s, n, a)) > 0)
		a += k;
	/* trailing spaces: walk forward, remembering where the last run began */
	size_t e = a, i = a;
	while (i < n) {
		if ((k = space_at(s, n, i)) > 0) {
			i += k;
		} else {
			i++;
			while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
				i++;
			e = i;
		}
	}
	if (e > a) {
		if (t->nlines == 0)
			t->first_h1 = t->h1 > 0;
		ent_buf_append(&t->out, s + a, e - a);
		ent_buf_putc(&t->out, '\n');
		t->nlines++;
	}
	ent_buf_clear(&t->line);
	t->space = false;
}

/* Appends the text s (UTF-8, NUL-terminated) to the current line. */
static void add_text(lines *t, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n' && t->pre) {
			end_line(t);
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			t->space = true;
			continue;
		}
		if (c == 0xc2 && i + 1 < n) {
			unsigned char d = (unsigned char)s[i + 1];
			if (d == 0xad) { /* soft hyphen */
				i++;
				continue;
			}
			if (d >= 0x80 && d <= 0x9f) { /* C1 control */
				i++;
				t->space = true;
				continue;
			}
		}
		if (c == ' ') {
			t->space = true;
			continue;
		}
		if (t->space && t->line.len)
			ent_buf_putc(&t->line, ' ');
		t->space = false;
		ent_buf_putc(&t->line, (char)c);
	}
}

static void enter(lines *t, const xmlNode *n)
{
	const char *name = (const char *)n->name;
	if (strcmp(name, "br") == 0 || in_list(name, BLOCKS))
		end_line(t);
	if (strcmp(name, "pre") == 0)
		t->pre++;
	if (strcmp(name, "h1") == 0)
		t->h1++;
}

static void leave(lines *t, const xmlNode *n)
{
	const char *name = (const char *)n->name;
	if (in_list(name, BLOCKS))
		end_line(t);
	if (strcmp(name, "pre") == 0)
		t->pre--;
	if (strcmp(name, "h1") == 0)
		t->h1--;
}

/* The lines of the text under root. */
static void extract(xmlNode *root, lines *t)
{
	xmlNode *n = root;
	for (;;) {
		bool descend = false;
		if (n->type == XML_ELEMENT_NODE) {
			if (n == root || !dropped(n, true)) {
				enter(t, n);
				if (n->children)
					descend = true;
				else
					leave(t, n);
			}
		} else if ((n->type == XML_TEXT_NODE ||
			    n->type == XML_CDATA_SECTION_NODE) && n->content) {
			add_text(t, (const char *)n->content);
		}
		if (descend) {
			n = n->children;
			continue;
		}
		while (n != root && !n->next) {
			n = n->parent;
			leave(t, n);
		}
		if (n == root)
			break;
		n = n->next;
	}
	end_line(t);
}

/* The text under n as one line (collapsed), malloc'ed, or NULL if blank. */
static char *line_of(xmlNode *n)
{
	lines t = {0};
	xmlChar *c = xmlNodeGetContent(n);
	if (c)
		add_text(&t, (const char *)c);
	xmlFree(c);
	end_line(&t);
	char *s = NULL;
	if (t.out.len) {
		t.out.data[t.out.len - 1] = 0; /* the '\n' */
		s = ent_xstrdup(t.out.data);
	}
	ent_buf_dispose(&t.out);
	ent_buf_dispose(&t.line);
	return s;
}

/* The same for a string. */
static char *line_str(const char *v)
{
	lines t = {0};
	add_text(&t, v);
	end_line(&t);
	char *s = NULL;
	if (t.out.len) {
		t.out.data[t.out.len - 1] = 0;
		s = ent_xstrdup(t.out.data);
	}
	ent_buf_dispose(&t.out);
	ent_buf_dispose(&t.line);
	return s;
}

/* Bytes of text under n, outside dropped elements. */
static size_t text_weight(xmlNode *root)
{
	size_t w = 0;
	for (xmlNode *n = root; n;) {
		bool descend = n->type == XML_ELEMENT_NODE &&
			       (n == root || !dropped(n, true));
		if (n->type == XML_TEXT_NODE && n->content)
			for (const xmlChar *p = n->content; *p; p++)
				w += !ascii_space(*p);
		n = next_in(n, root, descend);
	}
	return w;
}

/* ------------------------------------------------------------------ */
/* Dates.                                                               */

static bool digits(const char *s, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* The date a metadata value starts with, cut to the day (malloc'ed), or
 * NULL when it is not an ISO date. */
static char *iso_date(const char *v)
{
	if (!v)
		return NULL;
	while (ascii_space((unsigned char)*v))
		v++;
	size_t n = strlen(v);
	while (n > 0 && ascii_space((unsigned char)v[n - 1]))
		n--;
	char d[11];
	size_t k = 0;
	if (n >= 10 && digits(v, 4) && v[4] == '-' && digits(v + 5, 2) &&
	    v[7] == '-' && digits(v + 8, 2) && (n == 10 || !(v[10] >= '0' && v[10] <= '9'))) {
		memcpy(d, v, 10);
		k = 10;
	} else if (n >= 8 && digits(v, 8) &&
		   (n == 8 || v[8] == 'T' || v[8] == 't' || v[8] == ' ')) {
		memcpy(d, v, 4);
		d[4] = '-';
		memcpy(d + 5, v + 4, 2);
		d[7] = '-';
		memcpy(d + 8, v + 6, 2);
		k = 10;
	} else if (n == 7 && digits(v, 4) && v[4] == '-' && digits(v + 5, 2)) {
		memcpy(d, v, 7);
		k = 7;
	} else if (n == 4 && digits(v, 4)) {
		memcpy(d, v, 4);
		k = 4;
	}
	int y, m, dd;
	if (!k || !ent_date_parse(d, k, &y, &m, &dd))
		return NULL;
	return ent_xstrndup(d, k);
}

static bool article_type(json_t *o)
{
	json_t *t = json_object_get(o, "@type");
	json_t *one;
	size_t i;
	if (json_is_string(t)) {
		const char *s = json_string_value(t);
		return strstr(s, "Article") || strstr(s, "BlogPosting");
	}
	json_array_foreach(t, i, one)
		if (json_is_string(one) &&
		    (strstr(json_string_value(one), "Article") ||
		     strstr(json_string_value(one), "BlogPosting")))
			return true;
	return false;
}

/* The first ISO datePublished in v (of an article object when `article`). */
static char *ld_date(json_t *v, bool article, int depth)
{
	if (depth > MAX_JSON_DEPTH)
		return NULL;
	const char *key;
	json_t *x;
	size_t i;
	if (json_is_object(v)) {
		if (!article || article_type(v)) {
			json_t *d = json_object_get(v, "datePublished");
			char *got = json_is_string(d) ? iso_date(json_string_value(d)) : NULL;
			if (got)
				return got;
		}
		json_object_foreach(v, key, x) {
			char *got = ld_date(x, article, depth + 1);
			if (got)
				return got;
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x) {
			char *got = ld_date(x, article, depth + 1);
			if (got)
				return got;
		}
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Titles.                                                              */

/* Lower-case ASCII letters and digits of s[0..n) into key; false if any
 * other byte than those, spaces, dots and dashes is there. */
static bool alnum_key(const char *s, size_t n, char *key, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = lower(s[i]);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (k + 1 >= cap)
				return false;
			key[k++] = c;
		} else if (c != ' ' && c != '.' && c != '-' && c != '\'') {
			return false;
		}
	}
	key[k] = 0;
	return k > 0;
}

/* The host of an http(s) URL, lower case, into h. */
static bool url_host(const char *url, char *h, size_t cap)
{
	if (!url)
		return false;
	const char *p = strstr(url, "://");
	if (!p)
		return false;
	p += 3;
	size_t k = 0;
	while (*p && *p != '/' && *p != ':' && *p != '?' && *p != '#') {
		if (k + 1 >= cap)
			return false;
		h[k++] = lower(*p++);
	}
	h[k] = 0;
	return k > 0;
}

/* Whether suffix s[0..n) is clearly the name of the site. */
static bool site_suffix(const char *s, size_t n, const char *site,
			const char *url)
{
	if (n == 0 || n > 60)
		return false;
	if (site) {
		char *sn = line_str(site);
		bool same = sn && strlen(sn) == n && strncasecmp(sn, s, n) == 0;
		free(sn);
		if (same)
			return true;
	}
	/* a domain name: "lemonde.fr", "VnExpress.net" */
	size_t dot = n;
	bool word = true;
	for (size_t i = 0; i < n; i++) {
		char c = lower(s[i]);
		if (c == '.')
			dot = i;
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			word = false;
	}
	if (word && dot > 0 && dot < n && n - dot - 1 >= 2 && n - dot - 1 <= 6) {
		bool tld = true;
		for (size_t i = dot + 1; i < n; i++)
			tld = tld && lower(s[i]) >= 'a' && lower(s[i]) <= 'z';
		if (tld)
			return true;
	}
	/* the host's name: "Le Monde" for www.lemonde.fr */
	char key[64], host[256];
	if (!alnum_key(s, n, key, sizeof key) || strlen(key) < 3 ||
	    !url_host(url, host, sizeof host))
		return false;
	char joined[256];
	size_t j = 0;
	const char *h = host;
	if (!strncmp(h, "www.", 4))
		h += 4;
	else if (!strncmp(h, "m.", 2))
		h += 2;
	for (const char *p = h; *p; p++)
		if (*p != '.' && *p != '-')
			joined[j++] = *p;
	joined[j] = 0;
	if (!strcmp(key, joined))
		return true;
	for (const char *p = host; *p;) {
		const char *e = strchr(p, '.');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == strlen(key) && !strncmp(p, key, len))
			return true;
		p += len + (e ? 1 : 0);
	}
	return false;
}

/* Cuts a " - Site" / " | Site" suffix off title t when it is clearly the
 * site's name. */
static void strip_site(char *t, const char *site, const char *url)
{
	static const char *const SEPS[] = {" | ", " - ", " \xe2\x80\x93 ",
					   " \xe2\x80\x94 ", " \xc2\xb7 ",
					   " :: ", NULL};
	size_t n = strlen(t), best = 0, blen = 0;
	for (size_t k = 0; SEPS[k]; k++) {
		size_t sl = strlen(SEPS[k]);
		for (size_t i = 1; i + sl <= n; i++)
			if (!memcmp(t + i, SEPS[k], sl) && i > best) {
				best = i;
				blen = sl;
			}
	}
	if (!best || !site_suffix(t + best + blen, n - best - blen, site, url))
		return;
	t[best] = 0;
}

/* ------------------------------------------------------------------ */
/* The page.                                                            */

enum { D_PUBLISHED, D_NAMED, D_ITEMPROP, D_LD, D_TIME, D_COUNT };

typedef struct meta {
	char *date[D_COUNT];
	char *og_title, *og_url, *og_locale, *site, *canonical, *title;
	xmlNode *article, *body_prop, *main, *body, *h1;
	size_t article_w;
} meta;

static void set_once(char **slot, const char *v)
{
	if (!*slot && v && *v)
		*slot = line_str(v);
}

static void set_date(char **slot, const char *v)
{
	if (!*slot)
		*slot = iso_date(v);
}

static bool http_url(const char *u)
{
	return u && (strncasecmp(u, "http://", 7) == 0 ||
		     strncasecmp(u, "https://", 8) == 0);
}

/* One walk over the document for its metadata and the candidates for the
 * article's body. */
static void scan(xmlNode *root, meta *m)
{
	static const char *const DATE_NAMES[] = {
		"date", "pubdate", "publish-date", "dc.date.issued",
		"dcterms.date", NULL};
	for (xmlNode *n = root; n;) {
		bool descend = n->type == XML_ELEMENT_NODE;
		if (!descend) {
			n = next_in(n, root, false);
			continue;
		}
		const char *name = (const char *)n->name;
		if (!strcmp(name, "svg") || !strcmp(name, "math") ||
		    !strcmp(name, "template")) {
			n = next_in(n, root, false);
			continue;
		}
		const char *prop = attr(n, "property"), *nm = attr(n, "name");
		const char *content = attr(n, "content");
		const char *ip = attr(n, "itemprop");
		if (!strcmp(name, "meta") && content) {
			for (int k = 0; k < 2; k++) {
				const char *key = k ? nm : prop;
				if (!key)
					continue;
				if (!strcasecmp(key, "article:published_time"))
					set_date(&m->date[D_PUBLISHED], content);
				else if (in_list_ci(key, DATE_NAMES))
					set_date(&m->date[D_NAMED], content);
				else if (!strcasecmp(key, "og:title"))
					set_once(&m->og_title, content);
				else if (!strcasecmp(key, "og:url") && http_url(content))
					set_once(&m->og_url, content);
				else if (!strcasecmp(key, "og:locale"))
					set_once(&m->og_locale, content);
				else if (!strcasecmp(key, "og:site_name") ||
					 !strcasecmp(key, "application-name"))
					set_once(&m->site, content);
			}
		}
		if (ip && has_word(ip, "datePublished") && !m->date[D_ITEMPROP]) {
			bool aside = false; /* a related article's date */
			for (xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
				aside = aside || dropped(p, false);
			if (!aside)
				set_date(&m->date[D_ITEMPROP],
					 content ? content : attr(n, "datetime"));
		}
		if (ip && has_word(ip, "articleBody") && !m->body_prop)
			m->body_prop = n;
		if (!strcmp(name, "link")) {
			const char *rel = attr(n, "rel"), *href = attr(n, "href");
			if (rel && has_word(rel, "canonical") && http_url(href))
				set_once(&m->canonical, href);
		} else if (!strcmp(name, "title") && !m->title) {
			m->title = line_of(n);
		} else if (!strcmp(name, "script")) {
			const char *type = attr(n, "type");
			char *t = type ? line_str(type) : NULL;
			if (t && !strcasecmp(t, "application/ld+json") &&
			    !m->date[D_LD]) {
				xmlChar *c = xmlNodeGetContent(n);
				json_t *j = c ? json_loads((const char *)c, 0, NULL) : NULL;
				if (j) {
					m->date[D_LD] = ld_date(j, true, 0);
					if (!m->date[D_LD])
						m->date[D_LD] = ld_date(j, false, 0);
					json_decref(j);
				}
				xmlFree(c);
			}
			free(t);
		} else if (!strcmp(name, "body") && !m->body) {
			m->body = n;
		} else if (!strcmp(name, "main") && !m->main) {
			m->main = n;
		} else if (!strcmp(name, "h1") && !m->h1) {
			m->h1 = n;
		}
		const char *role = attr(n, "role");
		if (role && has_word(role, "main") && !m->main)
			m->main = n;
		if (!strcmp(name, "article")) {
			bool nested = false, hidden = false;
			for (xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
				nested = nested || is_el(p, "article");
				hidden = hidden || dropped(p, true);
			}
			if (!nested && !hidden && !dropped(n, true)) {
				size_t w = text_weight(n);
				if (w > m->article_w) {
					m->article = n;
					m->article_w = w;
				}
			}
		}
		n = next_in(n, root, true);
	}
}

static void meta_free(meta *m)
{
	for (int k = 0; k < D_COUNT; k++)
		free(m->date[k]);
	free(m->og_title);
	free(m->og_url);
	free(m->og_locale);
	free(m->site);
	free(m->canonical);
	free(m->title);
}

/* The first date under root outside nav, aside, footer...: of an element
 * with itemprop="datePublished" when `itemprop`, else of a <time
 * datetime>. */
static char *body_date(xmlNode *root, bool itemprop)
{
	for (xmlNode *n = root; n;) {
		bool el = n->type == XML_ELEMENT_NODE;
		if (el && n != root && dropped(n, false)) {
			n = next_in(n, root, false);
			continue;
		}
		const char *ip = el && itemprop ? attr(n, "itemprop") : NULL;
		if (ip && has_word(ip, "datePublished")) {
			const char *v = attr(n, "content");
			char *d = iso_date(v ? v : attr(n, "datetime"));
			if (d)
				return d;
		}
		if (el && !itemprop && is_el(n, "time")) {
			char *d = iso_date(attr(n, "datetime"));
			if (d)
				return d;
		}
		n = next_in(n, root, el);
	}
	return NULL;
}

/* "fr-FR", "fr_FR", "FR" -> "fr"; only fr and en. */
static char *lang_of(const char *v)
{
	if (!v)
		return NULL;
	while (ascii_space((unsigned char)*v))
		v++;
	char l[3] = {lower(v[0]), v[0] ? lower(v[1]) : 0, 0};
	if (v[0] && v[1] && (v[2] == 0 || v[2] == '-' || v[2] == '_' ||
			     ascii_space((unsigned char)v[2])) &&
	    (!strcmp(l, "fr") || !strcmp(l, "en")))
		return ent_xstrdup(l);
	return NULL;
}

int ent_html_read(const char *s, size_t n, ent_html_page *out,
		  const char **why)
{
	*why = NULL;
	bool blank = true;
	for (size_t i = 0; blank && i < n; i++)
		blank = ascii_space((unsigned char)s[i]);
	if (blank) {
		*why = "empty document";
		return ENT_EINVALID;
	}
	ent_buf u = ENT_BUF_INIT;
	if (!decode(s, n, &u)) {
		ent_buf_dispose(&u);
		*why = "binary file, not text";
		return ENT_EINVALID;
	}
	if (u.len > (size_t)INT32_MAX) {
		ent_buf_dispose(&u);
		*why = "too large for the HTML parser";
		return ENT_EINVALID;
	}
	xmlInitParser();
	htmlDocPtr doc = htmlReadMemory(u.data ? u.data : "", (int)u.len, NULL,
					"UTF-8",
					HTML_PARSE_RECOVER | HTML_PARSE_NONET |
						HTML_PARSE_NOERROR |
						HTML_PARSE_NOWARNING |
						HTML_PARSE_IGNORE_ENC);
	ent_buf_dispose(&u);
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		if (doc)
			xmlFreeDoc(doc);
		*why = "not parseable as HTML";
		return ENT_EINVALID;
	}

	meta m = {0};
	scan(root, &m);
	xmlNode *body = m.article ? m.article
		       : m.body_prop ? m.body_prop
		       : m.main ? m.main
		       : m.body ? m.body : root;
	if (body != m.body && body != root) {
		/* the article's own datePublished before one elsewhere */
		char *d = body_date(body, true);
		if (d) {
			free(m.date[D_ITEMPROP]);
			m.date[D_ITEMPROP] = d;
		}
		m.date[D_TIME] = body_date(body, false);
	}

	lines t = {0};
	extract(body, &t);
	int rc = 0;
	if (t.nlines == 0) {
		*why = "HTML page with no article text";
		rc = ENT_EINVALID;
		goto done;
	}

	for (int k = 0; k < D_COUNT && !out->date; k++)
		if (m.date[k])
			out->date = ent_xstrdup(m.date[k]);
	const char *url = m.canonical ? m.canonical : m.og_url;
	if (url)
		out->url = ent_xstrdup(url);
	if (m.og_title) {
		out->title = ent_xstrdup(m.og_title);
	} else if (m.title) {
		out->title = ent_xstrdup(m.title);
		strip_site(out->title, m.site, url);
	} else {
		xmlNode *h1 = NULL;
		for (xmlNode *x = body; x && !h1; x = next_in(x, body, true))
			if (is_el(x, "h1"))
				h1 = x;
		out->title = line_of(h1 ? h1 : m.h1);
	}
	const char *lang = attr(root, "lang");
	if (!lang || !*lang)
		lang = attr(root, "xml:lang");
	if (!lang || !*lang)
		lang = m.og_locale;
	out->lang = lang_of(lang);

	/* the title line, unless the body starts with its own */
	if (out->title && !t.first_h1) {
		size_t tl = strlen(out->title);
		bool same = t.out.len > tl && t.out.data[tl] == '\n' &&
			    memcmp(t.out.data, out->title, tl) == 0;
		if (!same) {
			ent_buf_puts(&out->text, out->title);
			ent_buf_putc(&out->text, '\n');
		}
	}
	ent_buf_append(&out->text, t.out.data, t.out.len);
	if (!ent_utf8_valid(out->text.data, out->text.len, NULL)) {
		*why = "invalid UTF-8 after decoding"; /* not expected */
		rc = ENT_EINVALID;
	}
done:
	if (rc < 0)
		ent_html_page_clear(out);
	ent_buf_dispose(&t.out);
	ent_buf_dispose(&t.line);
	meta_free(&m);
	xmlFreeDoc(doc);
	return rc;
}

void ent_html_page_clear(ent_html_page *p)
{
	ent_buf_dispose(&p->text);
	free(p->date);
	free(p->title);
	free(p->lang);
	free(p->url);
	memset(p, 0, sizeof *p);
}
