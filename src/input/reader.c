/*
 * reader.c: the first stage of the pipeline. It turns the paths the user
 * names into ent_input documents: article files, JSON Lines files,
 * directories (walked recursively in name order) and standard input ("-").
 *
 * Article files: one document each; the id is the file name without its
 * directory and extension. A first line " date YYYY-MM[-DD] Title..." (the
 * seed format of shared/seeds; the leading space is optional) gives the
 * document date; the text handed out starts right after the date token and
 * its following space, so the title stays in the text as its first
 * paragraph. A UTF-8 byte order mark is dropped.
 *
 * HTML pages (.html, .htm, .xhtml, and any article file or standard input
 * whose content starts with <!DOCTYPE html or <html>): one document each,
 * id as for article files; html.c takes the article's text (one line per
 * block), its date, title, language and URL from the page.
 *
 * JSON Lines files (.jsonl, .ndjson): one object a line with "id" and
 * "text" (required) and "date", "title", "lang", "url" (optional). They are
 * read line by line, so a large file never sits in memory whole.
 *
 * Invariants:
 * - Every refused input (missing, unreadable, empty, binary, invalid UTF-8,
 *   too large, bad JSON or fields, an HTML page without article text)
 *   gives one error from ent_reader_next with a message naming the file
 *   (and line); the next call goes on with the next input. Nothing is
 *   fatal after ent_reader_new.
 * - The strings of the last ent_input belong to the reader and live until
 *   the next ent_reader_next or ent_reader_free.
 * - Inside directories hidden entries are skipped and only .txt, .jsonl,
 *   .ndjson, .html, .htm and .xhtml files are taken; a path named
 *   explicitly is always read.
 */
#include "entente/entente.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "core/core.h"
#include "input/html.h"
#include "text/text.h"

#define DEFAULT_MAX_BYTES ((size_t)16 << 20)

struct ent_reader {
	size_t max_bytes;
	ENT_VEC(char *) todo; /* paths still to read, the next one last */
	ent_buf err;          /* message of the last refused input */

	/* The JSON Lines file being read, if any. */
	FILE *jf;
	char *jpath;          /* its path, for origin and messages */
	unsigned jline;       /* number of the last line read */
	char *line;           /* getline's buffer */
	size_t line_cap;

	/* The strings of the last document handed out. */
	ent_buf text;         /* article files: the whole file */
	char *cur;            /* the path popped last (out->origin) */
	char *id, *date, *title;
	json_t *json;         /* JSON Lines: the object the strings borrow */
	ent_html_page html;   /* HTML pages: their text and metadata */
	char numid[32];       /* a numeric JSON id, printed */
};

/* Sets the reader's message (printf-style) and returns `code`. */
__attribute__((format(printf, 3, 4)))
static int set_error(ent_reader *r, int code, const char *fmt, ...)
{
	va_list ap;
	ent_buf_clear(&r->err);
	va_start(ap, fmt);
	char small[256];
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= 0 && (size_t)n < sizeof small) {
		ent_buf_append(&r->err, small, (size_t)n);
	} else if (n >= 0) {
		ent_buf_grow(&r->err, (size_t)n);
		vsnprintf(r->err.data, (size_t)n + 1, fmt, ap2);
		r->err.len = (size_t)n;
	}
	va_end(ap2);
	va_end(ap);
	return code;
}

static void release_doc(ent_reader *r)
{
	ent_buf_clear(&r->text);
	free(r->id);
	free(r->date);
	free(r->title);
	free(r->cur);
	r->id = r->date = r->title = r->cur = NULL;
	if (r->json)
		json_decref(r->json);
	r->json = NULL;
	ent_html_page_clear(&r->html);
}

static void close_jsonl(ent_reader *r)
{
	if (r->jf && r->jf != stdin)
		fclose(r->jf);
	r->jf = NULL;
	free(r->jpath);
	r->jpath = NULL;
	r->jline = 0;
}

static bool has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && strcmp(path + n - e, ext) == 0;
}

static bool is_jsonl(const char *path)
{
	return has_ext(path, ".jsonl") || has_ext(path, ".ndjson");
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_space(s[i]))
			return false;
	return true;
}

/* The file name of `path` without directory and extension (malloc'ed). A
 * leading dot does not start an extension. */
static char *doc_id_of(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	size_t b = n;
	while (b > 0 && path[b - 1] != '/')
		b--;
	size_t e = n;
	for (size_t i = n; i > b + 1; i--)
		if (path[i - 1] == '.') {
			e = i - 1;
			break;
		}
	return ent_xstrndup(path + b, e - b);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Pushes the entries of directory `dir` onto the to-do stack so that they
 * come out in name order. Returns 0 or an error for the directory. */
static int expand_dir(ent_reader *r, const char *dir)
{
	ENT_VEC(char *) names = {0};
	int rc = 0;
	DIR *d = opendir(dir);
	if (!d) {
		rc = set_error(r, ENT_EIO, "%s: cannot open directory: %s", dir,
			  strerror(errno));
		goto done;
	}
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		ENT_VEC_PUSH(names, ent_xstrdup(de->d_name));
	}
	if (names.len > 1)
		qsort(names.items, names.len, sizeof(char *), cmp_names);

	size_t dl = strlen(dir);
	bool slash = dl > 0 && dir[dl - 1] == '/';
	for (size_t i = names.len; i-- > 0;) {
		ent_buf p = ENT_BUF_INIT;
		ent_buf_puts(&p, dir);
		if (!slash)
			ent_buf_putc(&p, '/');
		ent_buf_puts(&p, names.items[i]);
		struct stat st, lst;
		bool take;
		bool link = lstat(p.data, &lst) == 0 && S_ISLNK(lst.st_mode);
		if (stat(p.data, &st) == 0 && S_ISDIR(st.st_mode))
			take = !link; /* a linked folder may loop back: not followed */
		else
			take = has_ext(p.data, ".txt") || is_jsonl(p.data) ||
			       ent_html_path(p.data);
		if (take)
			ENT_VEC_PUSH(r->todo, ent_buf_detach(&p));
		else
			ent_buf_dispose(&p);
	}
done:
	for (size_t i = 0; i < names.len; i++)
		free(names.items[i]);
	ENT_VEC_FREE(names);
	if (d)
		closedir(d);
	return rc;
}

/* The 1-based line of byte `at` in s. */
static size_t line_of(const char *s, size_t at)
{
	size_t line = 1;
	for (size_t i = 0; i < at; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

/* Fills `out` from the article in r->text (the whole file, already read):
 * checks it, strips the BOM and the date line. `origin` names it. */
static int take_article(ent_reader *r, const char *origin, const char *id,
			ent_input *out)
{
	const char *s = r->text.data ? r->text.data : "";
	size_t n = r->text.len;
	if (memchr(s, 0, n))
		return set_error(r, ENT_EINVALID, "%s: binary file, not text",
			    origin);
	size_t bad;
	if (!ent_utf8_valid(s, n, &bad))
		return set_error(r, ENT_EINVALID,
			    "%s: invalid UTF-8 at byte %zu (line %zu)", origin,
			    bad, line_of(s, bad));
	size_t at = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		at = 3;

	/* " date YYYY-MM[-DD] Title..." (EVENTS.md section 3). */
	size_t p = at;
	if (p < n && s[p] == ' ')
		p++;
	if (n - p > 5 && memcmp(s + p, "date ", 5) == 0) {
		size_t t = p + 5, e = t;
		while (e < n && ((s[e] >= '0' && s[e] <= '9') || s[e] == '-'))
			e++;
		int y, m, d;
		int parts = ent_date_parse(s + t, e - t, &y, &m, &d);
		bool ends = e == n || s[e] == ' ' || s[e] == '\n' ||
			    (s[e] == '\r' && (e + 1 == n || s[e + 1] == '\n'));
		if (parts >= 2 && ends) {
			r->date = ent_xstrndup(s + t, e - t);
			if (e < n && s[e] == ' ') {
				at = e + 1;
				size_t le = at;
				while (le < n && s[le] != '\n')
					le++;
				size_t te = le;
				while (te > at && is_space(s[te - 1]))
					te--;
				if (te > at)
					r->title = ent_xstrndup(s + at, te - at);
			} else {
				at = e;
				if (at < n && s[at] == '\r')
					at++;
				if (at < n && s[at] == '\n')
					at++;
			}
		}
	}
	if (blank(s + at, n - at))
		return set_error(r, ENT_EINVALID, "%s: empty document", origin);
	r->id = ent_xstrdup(id);
	out->id = r->id;
	out->text = s + at;
	out->len = n - at;
	out->date = r->date;
	out->title = r->title;
	out->origin = origin;
	out->line = 0;
	return 1;
}

/* Fills `out` from the HTML page in r->text (src/input/html.c). */
static int take_html(ent_reader *r, const char *origin, const char *id,
		     ent_input *out)
{
	const char *why;
	if (ent_html_read(r->text.data ? r->text.data : "", r->text.len,
			  &r->html, &why) < 0)
		return set_error(r, ENT_EINVALID, "%s: %s", origin, why);
	r->id = ent_xstrdup(id);
	out->id = r->id;
	out->text = r->html.text.data;
	out->len = r->html.text.len;
	out->date = r->html.date;
	out->title = r->html.title;
	out->lang = r->html.lang;
	out->url = r->html.url;
	out->origin = origin;
	out->line = 0;
	return 1;
}

/* Reads the article file `path` whole and hands it out. */
static int read_article(ent_reader *r, const char *path, ent_input *out)
{
	int rc;
	char *id = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		rc = set_error(r, ENT_EIO, "%s: cannot read: %s", path,
			  strerror(errno));
		goto done;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > r->max_bytes) {
		rc = set_error(r, ENT_EINVALID,
			  "%s: %jd bytes, more than the limit of %zu", path,
			  (intmax_t)st.st_size, r->max_bytes);
		goto done;
	}
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		ent_buf_append(&r->text, chunk, got);
		if (r->text.len > r->max_bytes) {
			rc = set_error(r, ENT_EINVALID,
				  "%s: more than the limit of %zu bytes", path,
				  r->max_bytes);
			goto done;
		}
	}
	if (ferror(f)) {
		rc = set_error(r, ENT_EIO, "%s: cannot read: %s", path,
			  strerror(errno));
		goto done;
	}
	id = doc_id_of(path);
	if (ent_html_path(path) || ent_html_sniff(r->text.data, r->text.len))
		rc = take_html(r, path, id, out);
	else
		rc = take_article(r, path, id, out);
done:
	free(id);
	if (f)
		fclose(f);
	return rc;
}

/* Standard input: JSON Lines when its first non-space byte is '{', else one
 * article with id "stdin". The leading white space is kept for the
 * article case (it may be the " date" line's space). */
static int read_stdin(ent_reader *r, ent_input *out)
{
	int c;
	unsigned newlines = 0;
	while ((c = getc(stdin)) != EOF && is_space((char)c)) {
		ent_buf_putc(&r->text, (char)c);
		if (c == '\n')
			newlines++;
	}
	if (c == '{') {
		ungetc(c, stdin);
		ent_buf_clear(&r->text);
		r->jf = stdin;
		r->jpath = ent_xstrdup("-");
		r->jline = newlines;
		return 0;
	}
	if (c != EOF) {
		ent_buf_putc(&r->text, (char)c);
		char chunk[65536];
		size_t got;
		while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
			ent_buf_append(&r->text, chunk, got);
			if (r->text.len > r->max_bytes)
				return set_error(r, ENT_EINVALID,
					    "-: more than the limit of %zu bytes",
					    r->max_bytes);
		}
	}
	if (ferror(stdin))
		return set_error(r, ENT_EIO, "-: cannot read: %s", strerror(errno));
	if (ent_html_sniff(r->text.data, r->text.len))
		return take_html(r, "-", "stdin", out);
	return take_article(r, "-", "stdin", out);
}

/* An optional string field of object o: NULL when absent, null or "".
 * Returns 0, or an error naming the field. */
static int opt_string(ent_reader *r, json_t *o, const char *name,
		      const char **out)
{
	json_t *v = json_object_get(o, name);
	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return set_error(r, ENT_EINVALID, "%s:%u: field \"%s\" must be a string",
			    r->jpath, r->jline, name);
	if (json_string_length(v) > 0)
		*out = json_string_value(v);
	return 0;
}

/* Parses one non-blank line of the JSON Lines file (r->line, n bytes). */
static int take_json_line(ent_reader *r, size_t n, ent_input *out)
{
	const char *s = r->line;
	if (r->jline == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (n > r->max_bytes)
		return set_error(r, ENT_EINVALID,
			    "%s:%u: %zu bytes, more than the limit of %zu",
			    r->jpath, r->jline, n, r->max_bytes);
	size_t bad;
	if (!ent_utf8_valid(s, n, &bad))
		return set_error(r, ENT_EINVALID,
			    "%s:%u: invalid UTF-8 at byte %zu of the line",
			    r->jpath, r->jline, bad);
	json_error_t je;
	r->json = json_loadb(s, n, 0, &je);
	if (!r->json)
		return set_error(r, ENT_EINVALID, "%s:%u: not JSON: %s", r->jpath,
			    r->jline, je.text);
	json_t *o = r->json;
	if (!json_is_object(o))
		return set_error(r, ENT_EINVALID, "%s:%u: expected a JSON object",
			    r->jpath, r->jline);

	json_t *id = json_object_get(o, "id");
	if (json_is_string(id) && json_string_length(id) > 0) {
		out->id = json_string_value(id);
	} else if (json_is_integer(id)) {
		snprintf(r->numid, sizeof r->numid, "%" JSON_INTEGER_FORMAT,
			 json_integer_value(id));
		out->id = r->numid;
	} else if (json_is_real(id)) {
		snprintf(r->numid, sizeof r->numid, "%.17g",
			 json_real_value(id));
		out->id = r->numid;
	} else if (json_is_string(id)) {
		return set_error(r, ENT_EINVALID, "%s:%u: field \"id\" is empty",
			    r->jpath, r->jline);
	} else {
		return set_error(r, ENT_EINVALID,
			    "%s:%u: field \"id\" must be a string",
			    r->jpath, r->jline);
	}

	json_t *text = json_object_get(o, "text");
	if (!json_is_string(text))
		return set_error(r, ENT_EINVALID,
			    "%s:%u: field \"text\" must be a string", r->jpath,
			    r->jline);
	out->text = json_string_value(text);
	out->len = json_string_length(text);
	if (memchr(out->text, 0, out->len))
		return set_error(r, ENT_EINVALID,
			    "%s:%u: field \"text\" contains a NUL character",
			    r->jpath, r->jline);
	if (blank(out->text, out->len))
		return set_error(r, ENT_EINVALID, "%s:%u: empty document", r->jpath,
			    r->jline);

	json_t *date = json_object_get(o, "date");
	if (date && !json_is_null(date) &&
	    !(json_is_string(date) && json_string_length(date) == 0)) {
		int y, m, d;
		if (!json_is_string(date) ||
		    !ent_date_parse(json_string_value(date),
				    json_string_length(date), &y, &m, &d)) {
			char *shown = json_is_string(date)
					      ? NULL
					      : json_dumps(date, JSON_ENCODE_ANY);
			int rc = set_error(r, ENT_EINVALID,
				      "%s:%u: field \"date\": expected YYYY, "
				      "YYYY-MM or YYYY-MM-DD, got \"%s\"",
				      r->jpath, r->jline,
				      shown ? shown : json_string_value(date));
			free(shown);
			return rc;
		}
		out->date = json_string_value(date);
	}
	int rc;
	if ((rc = opt_string(r, o, "title", &out->title)) < 0 ||
	    (rc = opt_string(r, o, "lang", &out->lang)) < 0 ||
	    (rc = opt_string(r, o, "url", &out->url)) < 0)
		return rc;
	out->origin = r->jpath;
	out->line = r->jline;
	return 1;
}

/* The next document of the open JSON Lines file: 1, an error, or 0 at its
 * end (the file is then closed). */
static int next_json_line(ent_reader *r, ent_input *out)
{
	for (;;) {
		errno = 0;
		ssize_t got = getline(&r->line, &r->line_cap, r->jf);
		if (got < 0) {
			int rc = 0;
			if (ferror(r->jf))
				rc = set_error(r, ENT_EIO, "%s: cannot read: %s",
					  r->jpath, strerror(errno));
			close_jsonl(r);
			return rc;
		}
		r->jline++;
		size_t n = (size_t)got;
		if (memchr(r->line, 0, n)) {
			/* A binary file: one error, and the rest is skipped. */
			int rc = set_error(r, ENT_EINVALID,
				      "%s:%u: binary file, not text", r->jpath,
				      r->jline);
			close_jsonl(r);
			return rc;
		}
		while (n > 0 && (r->line[n - 1] == '\n' || r->line[n - 1] == '\r'))
			n--;
		if (blank(r->line, n))
			continue;
		return take_json_line(r, n, out);
	}
}

int ent_reader_new(ent_reader **out, const char *const *paths, size_t npaths,
		   const ent_reader_options *opts, ent_error *err)
{
	if (err) {
		err->code = 0;
		err->message[0] = 0;
	}
	if (out)
		*out = NULL;
	bool bad = !out || (npaths && !paths);
	for (size_t i = 0; !bad && i < npaths; i++)
		bad = paths[i] == NULL;
	if (bad) {
		if (err) {
			err->code = ENT_EUSAGE;
			snprintf(err->message, sizeof err->message,
				 "ent_reader_new: no output or a NULL path");
		}
		return ENT_EUSAGE;
	}
	ent_reader *r = ent_xcalloc(1, sizeof *r);
	r->max_bytes = opts && opts->max_bytes ? opts->max_bytes
					       : DEFAULT_MAX_BYTES;
	for (size_t i = npaths; i-- > 0;)
		ENT_VEC_PUSH(r->todo, ent_xstrdup(paths[i]));
	*out = r;
	return ENT_OK;
}

int ent_reader_next(ent_reader *r, ent_input *out)
{
	memset(out, 0, sizeof *out);
	release_doc(r);
	ent_buf_clear(&r->err);
	for (;;) {
		if (r->jf) {
			int rc = next_json_line(r, out);
			if (rc < 0)
				memset(out, 0, sizeof *out);
			if (rc != 0)
				return rc;
			continue;
		}
		if (r->todo.len == 0)
			return 0;
		/* The path stays on the reader until the next call: out->origin
		 * borrows it. */
		r->cur = r->todo.items[--r->todo.len];
		const char *path = r->cur;
		int rc;
		struct stat st;
		if (strcmp(path, "-") == 0) {
			rc = read_stdin(r, out);
		} else if (stat(path, &st) != 0) {
			rc = set_error(r, ENT_EIO, "%s: cannot read: %s", path,
				  strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			rc = expand_dir(r, path);
		} else if (is_jsonl(path)) {
			r->jf = fopen(path, "rb");
			if (r->jf) {
				r->jpath = r->cur;
				r->cur = NULL;
				rc = 0;
			} else {
				rc = set_error(r, ENT_EIO, "%s: cannot read: %s",
					  path, strerror(errno));
			}
		} else {
			rc = read_article(r, path, out);
		}
		if (rc < 0) {
			memset(out, 0, sizeof *out);
			return rc;
		}
		if (rc == 1)
			return 1;
		free(r->cur);
		r->cur = NULL;
	}
}

const char *ent_reader_error(const ent_reader *r)
{
	return r && r->err.data ? r->err.data : "";
}

void ent_reader_free(ent_reader *r)
{
	if (!r)
		return;
	release_doc(r);
	close_jsonl(r);
	for (size_t i = 0; i < r->todo.len; i++)
		free(r->todo.items[i]);
	ENT_VEC_FREE(r->todo);
	ent_buf_dispose(&r->err);
	ent_buf_dispose(&r->text);
	free(r->line);
	free(r);
}
