/*
 * engine.c: the engine handle (lexicons plus the sector classes), the
 * coded document and its getters, language guessing, and calendar helpers.
 *
 * ent_code is the pipeline's entry for one document: it settles the
 * language and the article date (EVENTS.md section 3: metadata first, else
 * a dated dateline in the first lines), then hands over to ent_extract.
 */
#include "extract/engine.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- calendar ---- */

static int64_t days_from_civil(int y, int m, int d)
{
	/* H. Hinnant's algorithm */
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

void ent_date_add_days(ent_date *d, int days)
{
	if (d->prec < 3)
		return;
	civil_from_days(days_from_civil(d->y, d->m, d->d) + days, &d->y, &d->m, &d->d);
}

int ent_date_weekday(const ent_date *d)
{
	int64_t z = days_from_civil(d->y, d->m, d->d);
	/* 1970-01-01 was a Thursday (4) */
	int64_t w = (z % 7 + 7 + 3) % 7; /* Monday = 0 */
	return (int)w + 1;
}

void ent_date_format(const ent_date *d, char out[11])
{
	unsigned y = (unsigned)d->y % 10000u, m = (unsigned)d->m % 100u, dd = (unsigned)d->d % 100u;
	char tmp[32];
	if (d->prec >= 3)
		snprintf(tmp, sizeof tmp, "%04u-%02u-%02u", y, m, dd);
	else if (d->prec == 2)
		snprintf(tmp, sizeof tmp, "%04u-%02u", y, m);
	else if (d->prec == 1)
		snprintf(tmp, sizeof tmp, "%04u", y);
	else
		tmp[0] = 0;
	memcpy(out, tmp, 10);
	out[10] = 0;
}

int32_t ent_date_num(const ent_date *d)
{
	if (d->prec >= 3)
		return d->y * 10000 + d->m * 100 + d->d;
	if (d->prec == 2)
		return d->y * 10000 + d->m * 100 + 15;
	if (d->prec == 1)
		return d->y * 10000 + 701;
	return 0;
}

/* ---- errors ---- */

int ent_error_set(ent_error *err, int code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->message, sizeof err->message, fmt, ap);
		va_end(ap);
		err->code = code;
	}
	return code;
}

/* ---- engine ---- */

static int load_sector_classes(ent_engine *e, const char *dir, ent_buf *errors)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/sectors.tsv", dir);
	FILE *f = fopen(path, "r");
	if (!f) {
		ent_buf_printf(errors, "%s: cannot open: %s\n", path, strerror(errno));
		return 1;
	}
	char line[512];
	unsigned ln = 0;
	int nerr = 0;
	while (fgets(line, sizeof line, f)) {
		ln++;
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		char *tab = strchr(line, '\t');
		if (!tab || strchr(tab + 1, '\t')) {
			ent_buf_printf(errors, "%s:%u: expected 2 TAB-separated fields\n", path, ln);
			nerr++;
			continue;
		}
		*tab = 0;
		int s = ent_sector_index(line);
		const char *cls = tab + 1;
		static const char *const C[] = {"-", "economic", "military", "judicial", "intelligence",
						"security"};
		int k = -1;
		for (int i = 0; i < 6; i++)
			if (strcmp(cls, C[i]) == 0)
				k = i;
		if (s < 0 || k < 0) {
			ent_buf_printf(errors, "%s:%u: %s\n", path, ln,
				       s < 0 ? "unknown sector (see EVENTS.md section 5)"
					     : "class must be economic, military, judicial, intelligence, security or -");
			nerr++;
			continue;
		}
		e->sector_class[s] = (uint8_t)k;
	}
	fclose(f);
	return nerr;
}

int ent_engine_new(ent_engine **out, const char *data_dir, ent_error *err)
{
	*out = NULL;
	if (!data_dir)
		data_dir = ent_default_data_dir();
	struct stat st;
	if (stat(data_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		if (err) {
			err->code = ENT_EIO;
			snprintf(err->message, sizeof err->message,
				 "%s: lexicon folder not found (set ENTENTE_DATA or --data)", data_dir);
		}
		return ENT_EIO;
	}
	ent_fold_init();
	ent_engine *e = ent_xcalloc(1, sizeof *e);
	ent_buf errors = ENT_BUF_INIT;
	int n = lx_load(&e->lx, data_dir, &errors);
	n += load_sector_classes(e, data_dir, &errors);
	char gazetteer[4096];
	if (!n && gz_path(data_dir, gazetteer, sizeof gazetteer))
		n += gz_load(&e->gz, &e->lx, gazetteer, data_dir, &errors);
	if (n) {
		if (err) {
			err->code = ENT_EINVALID;
			/* the first lines of the report */
			snprintf(err->message, sizeof err->message, "%d lexicon problem%s:\n%s", n,
				 n > 1 ? "s" : "", errors.data ? errors.data : "");
		}
		ent_buf_dispose(&errors);
		ent_engine_free(e);
		return ENT_EINVALID;
	}
	ent_buf_dispose(&errors);
	*out = e;
	return ENT_OK;
}

int ent_lexicon_check(const char *data_dir, FILE *report)
{
	if (!data_dir)
		data_dir = ent_default_data_dir();
	struct stat st;
	if (stat(data_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(report, "%s: lexicon folder not found\n", data_dir);
		return 1;
	}
	ent_fold_init();
	ent_engine *e = ent_xcalloc(1, sizeof *e);
	ent_buf errors = ENT_BUF_INIT;
	int n = lx_load(&e->lx, data_dir, &errors);
	n += load_sector_classes(e, data_dir, &errors);
	char gazetteer[4096];
	if (!n && gz_path(data_dir, gazetteer, sizeof gazetteer))
		n += gz_load(&e->gz, &e->lx, gazetteer, data_dir, &errors);
	if (errors.data)
		fputs(errors.data, report);
	ent_buf_dispose(&errors);
	ent_engine_free(e);
	return n;
}

void ent_engine_free(ent_engine *e)
{
	if (!e)
		return;
	gz_dispose(&e->gz);
	lx_dispose(&e->lx);
	free(e);
}

const char *ent_default_data_dir(void)
{
	const char *env = getenv("ENTENTE_DATA");
	if (env && *env)
		return env;
	struct stat st;
#ifdef ENT_SOURCE_DATA_DIR
	if (stat(ENT_SOURCE_DATA_DIR "/cameo.tsv", &st) == 0)
		return ENT_SOURCE_DATA_DIR;
#endif
#ifdef ENT_INSTALL_DATA_DIR
	return ENT_INSTALL_DATA_DIR;
#else
	return "data";
#endif
}

bool ent_gazetteer_file(const char *data_dir, char *path, size_t n)
{
	return gz_path(data_dir ? data_dir : ent_default_data_dir(), path, n);
}

bool ent_place_coordinates(const char *data_dir, const char *place, const char *a,
			   const char *b, double *lat, double *lon)
{
	char path[4096];
	if (!place || !ent_gazetteer_file(data_dir, path, sizeof path))
		return false;
	return gz_lookup(path, place, a, b, lat, lon);
}

/* French or English: which language's function words are more frequent
 * in the first few hundred tokens. */
static const char *guess_lang(const ent_engine *e, const char *text, size_t len)
{
	size_t n = len > 4000 ? 4000 : len;
	ent_textinfo ti;
	ent_text_split(text, n, NULL, NULL, &ti);
	int score[2] = {0, 0};
	for (size_t i = 0; i < ti.toks.len; i++) {
		const ent_token *t = &ti.toks.items[i];
		if (t->kind != ENT_TOK_WORD)
			continue;
		for (int l = 0; l < 2; l++) {
			uint32_t *v = ent_map_get(&e->lx.langs[l].m.exact, ti.keys.data + t->key, t->klen);
			for (int32_t k = v ? (int32_t)*v : -1; k >= 0; k = e->lx.entries.items[k].next) {
				const lx_entry *en = &e->lx.entries.items[k];
				if (en->kind == LX_CUE && (en->sub == CUE_OF || en->sub == CUE_DET ||
							   en->sub == CUE_COORD)) {
					score[l]++;
					break;
				}
			}
		}
	}
	ent_textinfo_dispose(&ti);
	if (score[0] != score[1])
		return score[1] > score[0] ? "en" : "fr";
	/* a tie, often a one-line text with no function word ("Russian forces
	 * shelled Kharkiv on Friday."): French is the text with French letters
	 * (é è ê à â ç ô î ù û, as UTF-8 C3 xx) */
	for (size_t i = 0; i + 1 < n; i++)
		if ((unsigned char)text[i] == 0xC3 && text[i + 1] &&
		    strchr("\xA0\xA2\xA7\xA8\xA9\xAA\xAE\xB4\xB9\xBB\x89", text[i + 1]))
			return "fr";
	return "en";
}

int ent_code(ent_engine *e, const ent_input *in, ent_doc **out)
{
	ent_doc *d = ent_xcalloc(1, sizeof *d);
	d->id = in->id ? in->id : "";
	d->text = in->text;
	d->len = in->len;
	const char *lang = in->lang && (strcmp(in->lang, "fr") == 0 || strcmp(in->lang, "en") == 0)
		? in->lang : guess_lang(e, in->text, in->len);
	memcpy(d->lang, lang, 3);
	ent_date dd = {0};
	if (in->date) {
		int parts = ent_date_parse(in->date, strlen(in->date), &dd.y, &dd.m, &dd.d);
		dd.prec = parts;
	}
	ent_date_format(&dd, d->date);
	ent_extract(e, d->lang, &dd, in->text, in->len, in->title != NULL, d);
	*out = d;
	return ENT_OK;
}

void ent_doc_free(ent_doc *d)
{
	if (!d)
		return;
	ENT_VEC_FREE(d->events);
	ENT_VEC_FREE(d->levels);
	free(d);
}

const char *ent_doc_id(const ent_doc *d) { return d->id; }
const char *ent_doc_text(const ent_doc *d, size_t *len)
{
	if (len)
		*len = d->len;
	return d->text;
}
const char *ent_doc_lang(const ent_doc *d) { return d->lang; }
const char *ent_doc_date(const ent_doc *d) { return d->date; }
size_t ent_doc_sentence_count(const ent_doc *d) { return d->nsent; }
size_t ent_doc_event_count(const ent_doc *d) { return d->events.len; }
size_t ent_doc_level_count(const ent_doc *d) { return d->levels.len; }
const ent_level *ent_doc_level(const ent_doc *d, size_t i)
{
	return i < d->levels.len ? &d->levels.items[i] : NULL;
}
const ent_event *ent_doc_event(const ent_doc *d, size_t i)
{
	return i < d->events.len ? &d->events.items[i] : NULL;
}
