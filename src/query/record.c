/*
 * record.c: an event as exported and stored (EVENTS.md section 2), and its
 * export formats: JSON Lines, CSV and GDELT 2.0's event table.
 *
 * It sits at the end of the pipeline: the CLI turns each ent_event of an
 * ent_doc into an ent_record (ent_record_from_event) or gets records from
 * the store (ent_store_events), then writes them with the functions here.
 *
 * Invariants:
 * - A record only borrows: nothing here allocates anything that outlives a
 *   call.
 * - r->sentence is r->sentence_len bytes and need not be NUL-terminated
 *   (from an ent_doc it points into the document text).
 * - The JSON writer escapes by hand so that every line is valid JSON for
 *   any input bytes: invalid UTF-8 becomes U+FFFD, control characters are
 *   escaped, everything else (accents, Vietnamese) is written as is.
 * - Numbers are written with the C locale's '.' whatever LC_NUMERIC says.
 */
#include "entente/entente.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "text/text.h"

/* "" means "none" in ent_event's fixed-size fields: NULL in a record. */
static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

void ent_record_from_event(ent_record *out, const ent_doc *d,
			   const ent_event *ev)
{
	size_t tlen = 0;
	const char *text = ent_doc_text(d, &tlen);

	memset(out, 0, sizeof(*out));
	out->id = 0;
	out->doc_id = ent_doc_id(d);
	out->code = or_null(ev->code);
	out->source = or_null(ev->source);
	out->target = or_null(ev->target);
	out->source_name = or_null(ev->source_name);
	out->target_name = or_null(ev->target_name);
	out->date = or_null(ev->date);
	out->place = or_null(ev->place);
	out->sectors = ev->sectors;
	out->negated = ev->negated;
	out->goldstein = ev->goldstein;
	out->quad = ev->quad;
	out->plover = or_null(ev->plover);
	out->confidence = ev->confidence;
	out->sentence_span = ev->sentence;
	out->trigger = ev->trigger;
	out->source_span = ev->source_span;
	out->target_span = ev->target_span;
	out->geo = ev->geo;
	out->latitude = ev->latitude;
	out->longitude = ev->longitude;

	/* The sentence is a span of the text; clamp a span that overruns it
	 * rather than read past the end. */
	if (text) {
		size_t start = ev->sentence.start, len = ev->sentence.len;
		if (start > tlen)
			start = tlen;
		if (len > tlen - start)
			len = tlen - start;
		out->sentence = text + start;
		out->sentence_len = len;
	}
}

/* ------------------------------------------------------------------ */
/* JSON                                                                 */

/* Appends s[0..n) as a JSON string literal (quotes included). */
static void json_str(ent_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	ent_buf_putc(b, '"');
	size_t i = 0;
	while (i < n) {
		/* a run of characters that need no escape, copied at once */
		size_t run = i;
		while (run < n && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7f &&
		       s[run] != '"' && s[run] != '\\')
			run++;
		if (run > i) {
			ent_buf_append(b, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			size_t at = i;
			if (ent_utf8_next(s, n, &i) < 0)
				ent_buf_puts(b, "\xef\xbf\xbd"); /* U+FFFD */
			else
				ent_buf_append(b, s + at, i - at);
			continue;
		}
		i++;
		switch (c) {
		case '"': ent_buf_puts(b, "\\\""); break;
		case '\\': ent_buf_puts(b, "\\\\"); break;
		case '\n': ent_buf_puts(b, "\\n"); break;
		case '\r': ent_buf_puts(b, "\\r"); break;
		case '\t': ent_buf_puts(b, "\\t"); break;
		case '\b': ent_buf_puts(b, "\\b"); break;
		case '\f': ent_buf_puts(b, "\\f"); break;
		default:
			if (c < 0x20 || c == 0x7f) {
				char u[7] = {'\\', 'u', '0', '0', hex[c >> 4],
					     hex[c & 15], 0};
				ent_buf_puts(b, u);
			} else {
				ent_buf_putc(b, (char)c);
			}
		}
	}
	ent_buf_putc(b, '"');
}

/* A NUL-terminated string, or null. */
static void json_cstr(ent_buf *b, const char *s)
{
	if (s)
		json_str(b, s, strlen(s));
	else
		ent_buf_puts(b, "null");
}

static void json_key(ent_buf *b, const char *key)
{
	if (b->len > 1)
		ent_buf_putc(b, ',');
	json_str(b, key, strlen(key));
	ent_buf_putc(b, ':');
}

/* Replaces a locale's decimal comma by '.', from offset `from` on. */
static void c_locale_point(ent_buf *b, size_t from)
{
	for (size_t i = from; i < b->len; i++)
		if (b->data[i] == ',')
			b->data[i] = '.';
}

/* A double with `fmt`, or null when it is not finite (JSON has no NaN). */
static void json_num(ent_buf *b, const char *fmt, double v)
{
	if (!isfinite(v)) {
		ent_buf_puts(b, "null");
		return;
	}
	size_t at = b->len;
	ent_buf_printf(b, fmt, v);
	c_locale_point(b, at);
}

/* Writes the buffer and reports a failed write as ENT_EIO. */
static int flush(FILE *f, ent_buf *b)
{
	int rc = ENT_OK;
	if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
		rc = ENT_EIO;
	if (ferror(f))
		rc = ENT_EIO;
	ent_buf_dispose(b);
	return rc;
}

int ent_record_write_json(FILE *f, const ent_record *r)
{
	ent_buf b = ENT_BUF_INIT;
	ent_buf_putc(&b, '{');

	json_key(&b, "doc_id");
	json_cstr(&b, r->doc_id);
	json_key(&b, "code");
	json_cstr(&b, r->code);
	json_key(&b, "source");
	json_cstr(&b, r->source);
	json_key(&b, "target");
	json_cstr(&b, r->target);
	json_key(&b, "source_name");
	json_cstr(&b, r->source_name);
	json_key(&b, "target_name");
	json_cstr(&b, r->target_name);
	json_key(&b, "date");
	json_cstr(&b, r->date);
	json_key(&b, "place");
	json_cstr(&b, r->place);

	json_key(&b, "sectors");
	ent_buf_putc(&b, '[');
	bool first = true;
	for (unsigned i = 0; i < ENT_SECTOR_COUNT; i++) {
		if (!(r->sectors & (UINT64_C(1) << i)))
			continue;
		if (!first)
			ent_buf_putc(&b, ',');
		json_cstr(&b, ent_sector_name(i));
		first = false;
	}
	ent_buf_putc(&b, ']');

	json_key(&b, "negated");
	ent_buf_puts(&b, r->negated ? "true" : "false");
	json_key(&b, "sentence");
	if (r->sentence)
		json_str(&b, r->sentence, r->sentence_len);
	else
		ent_buf_puts(&b, "null");

	/* Fields the engine adds (EVENTS.md section 2, last paragraph). */
	if (r->id != 0) {
		json_key(&b, "id");
		ent_buf_printf(&b, "%" PRId64, r->id);
	}
	json_key(&b, "goldstein");
	json_num(&b, "%.15g", r->goldstein);
	json_key(&b, "quad_class");
	ent_buf_printf(&b, "%d", r->quad);
	json_key(&b, "plover");
	json_cstr(&b, r->plover);
	json_key(&b, "confidence");
	json_num(&b, "%.3f", r->confidence);
	if (r->geo) {
		/* the place's coordinates (docs/gazetteer.md), when known */
		json_key(&b, "latitude");
		json_num(&b, "%.5f", r->latitude);
		json_key(&b, "longitude");
		json_num(&b, "%.5f", r->longitude);
	}
	json_key(&b, "sentence_start");
	ent_buf_printf(&b, "%" PRIu32, r->sentence_span.start);
	json_key(&b, "trigger_start");
	ent_buf_printf(&b, "%" PRIu32, r->trigger.start);
	json_key(&b, "trigger_len");
	ent_buf_printf(&b, "%" PRIu32, r->trigger.len);
	json_key(&b, "source_start");
	ent_buf_printf(&b, "%" PRIu32, r->source_span.start);
	json_key(&b, "source_len");
	ent_buf_printf(&b, "%" PRIu32, r->source_span.len);
	json_key(&b, "target_start");
	ent_buf_printf(&b, "%" PRIu32, r->target_span.start);
	json_key(&b, "target_len");
	ent_buf_printf(&b, "%" PRIu32, r->target_span.len);

	ent_buf_puts(&b, "}\n");
	return flush(f, &b);
}

/* ------------------------------------------------------------------ */
/* CSV (RFC 4180): same columns as the JSON fields, NULL as an empty     */
/* field, sectors joined with ';', lines ended by "\n".                 */

static const char CSV_HEADER[] =
	"doc_id,code,source,target,source_name,target_name,date,place,"
	"sectors,negated,sentence,id,goldstein,quad_class,plover,confidence,"
	"sentence_start,trigger_start,trigger_len,source_start,source_len,"
	"target_start,target_len\n";

/* Appends s[0..n) as one field, quoted when it holds a quote, a comma, a
 * line break or leading/trailing space (which some readers would trim). */
static void csv_field(ent_buf *b, const char *s, size_t n)
{
	bool quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
	for (size_t i = 0; i < n && !quote; i++)
		if (s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r')
			quote = true;
	if (!quote) {
		ent_buf_append(b, s, n);
		return;
	}
	ent_buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			ent_buf_putc(b, '"');
		ent_buf_putc(b, s[i]);
	}
	ent_buf_putc(b, '"');
}

static void csv_cstr(ent_buf *b, const char *s)
{
	if (s)
		csv_field(b, s, strlen(s));
}

static void csv_num(ent_buf *b, const char *fmt, double v)
{
	if (!isfinite(v))
		return;
	size_t at = b->len;
	ent_buf_printf(b, fmt, v);
	c_locale_point(b, at);
}

int ent_record_write_csv_header(FILE *f)
{
	if (fputs(CSV_HEADER, f) == EOF || ferror(f))
		return ENT_EIO;
	return ENT_OK;
}

int ent_record_write_csv(FILE *f, const ent_record *r)
{
	ent_buf b = ENT_BUF_INIT;

	csv_cstr(&b, r->doc_id);
	ent_buf_putc(&b, ',');
	csv_cstr(&b, r->code);
	ent_buf_putc(&b, ',');
	csv_cstr(&b, r->source);
	ent_buf_putc(&b, ',');
	csv_cstr(&b, r->target);
	ent_buf_putc(&b, ',');
	csv_cstr(&b, r->source_name);
	ent_buf_putc(&b, ',');
	csv_cstr(&b, r->target_name);
	ent_buf_putc(&b, ',');
	csv_cstr(&b, r->date);
	ent_buf_putc(&b, ',');
	csv_cstr(&b, r->place);
	ent_buf_putc(&b, ',');

	/* Sector names are identifiers (no ',', no quote): no quoting. */
	bool first = true;
	for (unsigned i = 0; i < ENT_SECTOR_COUNT; i++) {
		if (!(r->sectors & (UINT64_C(1) << i)))
			continue;
		if (!first)
			ent_buf_putc(&b, ';');
		ent_buf_puts(&b, ent_sector_name(i));
		first = false;
	}
	ent_buf_putc(&b, ',');

	ent_buf_puts(&b, r->negated ? "true" : "false");
	ent_buf_putc(&b, ',');
	if (r->sentence)
		csv_field(&b, r->sentence, r->sentence_len);
	ent_buf_putc(&b, ',');
	if (r->id != 0)
		ent_buf_printf(&b, "%" PRId64, r->id);
	ent_buf_putc(&b, ',');
	csv_num(&b, "%.15g", r->goldstein);
	ent_buf_printf(&b, ",%d,", r->quad);
	csv_cstr(&b, r->plover);
	ent_buf_putc(&b, ',');
	csv_num(&b, "%.3f", r->confidence);
	ent_buf_printf(&b,
		       ",%" PRIu32 ",%" PRIu32 ",%" PRIu32 ",%" PRIu32
		       ",%" PRIu32 ",%" PRIu32 ",%" PRIu32 "\n",
		       r->sentence_span.start, r->trigger.start, r->trigger.len,
		       r->source_span.start, r->source_span.len,
		       r->target_span.start, r->target_span.len);
	return flush(f, &b);
}

int ent_event_write_brief(FILE *f, const ent_event *ev)
{
	fprintf(f, "%s|%s|%s|%s|%s|%s|%s|", ev->code, ev->source[0] ? ev->source : "-",
		ev->source_name ? ev->source_name : "-", ev->target[0] ? ev->target : "-",
		ev->target_name ? ev->target_name : "-", ev->date[0] ? ev->date : "-",
		ev->place ? ev->place : "-");
	bool any = false;
	for (unsigned i = 0; i < ENT_SECTOR_COUNT; i++)
		if (ev->sectors & (1ULL << i)) {
			fprintf(f, "%s%s", any ? "," : "", ent_sector_name(i));
			any = true;
		}
	fprintf(f, "%s|%s\n", any ? "" : "-", ev->negated ? "negated" : "-");
	return ferror(f) ? ENT_EIO : ENT_OK;
}

/* ------------------------------------------------------------------ */
/* GDELT 2.0 event table: 61 tab-separated columns in the codebook's     */
/* order, no header. What entente has no value for stays empty.         */
/*                                                                      */
/* Choices (docs/storage.md, "GDELT export"): SQLDATE needs a real day,  */
/* so a month-precision date becomes its 1st and a year its 1 January    */
/* (MonthYear/Year stay true); no date leaves the four date columns      */
/* empty. FractionDate is YYYY + day of year / 365, 4 decimals, as GDELT */
/* computes it. ActorNCode is our actor code (ISO3 + role), its country  */
/* the first three letters, Type1/Type2 the following roles; ActorNName  */
/* is the canonical person when there is one. ActionGeo: type 4 and the  */
/* place name when there is a place; the geo country columns want FIPS   */
/* codes, which we do not have, so they stay empty rather than hold ISO3. */
/* AvgTone, the actor geos and coordinates are empty.                   */

/* Appends a tab then s with tabs and line breaks turned into spaces. */
static void tsv(ent_buf *b, const char *s)
{
	ent_buf_putc(b, '\t');
	if (!s)
		return;
	for (; *s; s++)
		ent_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r')
					? ' ' : *s);
}

/* Appends a tab then the n bytes of s from `at` (empty when s is shorter). */
static void tsv_part(ent_buf *b, const char *s, size_t at, size_t n)
{
	ent_buf_putc(b, '\t');
	if (!s || strlen(s) < at + n)
		return;
	ent_buf_append(b, s + at, n);
}

/* The ten actor columns for actor code c and name. */
static void gdelt_actor(ent_buf *b, const char *c, const char *name)
{
	tsv(b, c);
	tsv(b, name);
	tsv_part(b, c, 0, 3); /* CountryCode */
	tsv(b, NULL);         /* KnownGroupCode */
	tsv(b, NULL);         /* EthnicCode */
	tsv(b, NULL);         /* Religion1Code */
	tsv(b, NULL);         /* Religion2Code */
	tsv_part(b, c, 3, 3); /* Type1Code */
	tsv_part(b, c, 6, 3); /* Type2Code */
	tsv(b, NULL);         /* Type3Code */
}

int ent_record_write_gdelt_ex(FILE *f, const ent_record *r,
			      const ent_gdelt_extra *x)
{
	ent_buf b = ENT_BUF_INIT;
	int y = 0, m = 0, d = 0;
	int prec = r->date ? ent_date_parse(r->date, strlen(r->date), &y, &m,
					    &d) : 0;

	if (r->id != 0)
		ent_buf_printf(&b, "%" PRId64, r->id);
	if (prec > 0) {
		if (m == 0)
			m = 1;
		if (d == 0)
			d = 1;
		int doy = d;
		for (int k = 1; k < m; k++)
			doy += ent_days_in_month(y, k);
		ent_buf_printf(&b, "\t%04d%02d%02d\t%04d%02d\t%04d\t", y, m, d,
			       y, m, y);
		size_t at = b.len;
		ent_buf_printf(&b, "%.4f", y + doy / 365.0);
		c_locale_point(&b, at);
	} else {
		ent_buf_puts(&b, "\t\t\t\t");
	}
	gdelt_actor(&b, r->source, r->source_name);
	gdelt_actor(&b, r->target, r->target_name);
	ent_buf_puts(&b, "\t1"); /* IsRootEvent */
	tsv(&b, r->code);
	tsv_part(&b, r->code, 0, 3); /* EventBaseCode */
	tsv_part(&b, r->code, 0, 2); /* EventRootCode */
	ent_buf_printf(&b, "\t%d\t", r->quad);
	csv_num(&b, "%.1f", r->goldstein);
	ent_buf_printf(&b, "\t%ld\t%ld\t%ld",
		       x && x->mentions > 0 ? x->mentions : 1,
		       x && x->sources > 0 ? x->sources : 1,
		       x && x->articles > 0 ? x->articles : 1);
	tsv(&b, NULL);                      /* AvgTone */
	for (int k = 0; k < 16; k++)        /* Actor1Geo_*, Actor2Geo_* */
		tsv(&b, NULL);
	tsv(&b, r->place ? "4" : NULL);     /* ActionGeo_Type */
	tsv(&b, r->place);                  /* ActionGeo_FullName */
	for (int k = 0; k < 6; k++)         /* CountryCode .. FeatureID */
		tsv(&b, NULL);
	ent_buf_putc(&b, '\t');             /* DATEADDED */
	if (x && x->ingested_at) {
		for (const char *p = x->ingested_at; *p; p++)
			if (*p >= '0' && *p <= '9')
				ent_buf_putc(&b, *p);
	}
	tsv(&b, x ? x->url : NULL);         /* SOURCEURL */
	ent_buf_putc(&b, '\n');
	return flush(f, &b);
}

int ent_record_write_gdelt(FILE *f, const ent_record *r)
{
	return ent_record_write_gdelt_ex(f, r, NULL);
}
