/*
 * gen-gazetteer.c: writes the gazetteer (docs/gazetteer.md) at build time.
 *
 * usage: gen-gazetteer OUT.tsv COUNTRIES.tsv [ISO_3166_JSON [LOCALEDIR]]
 *
 * Inputs, all from Debian packages:
 * - libgeonames (libgeonames0/-dev 0.3.0): the GeoNames cities of 15,000
 *   people or more compiled into the library, read with
 *   geonames_get_n_cities/geonames_get_city: GeoNames id, English name,
 *   ISO 3166-1 alpha-2 country, latitude, longitude, population;
 * - libgeonames-common: /usr/share/locale/fr/LC_MESSAGES/geonames.mo, the
 *   French names of the cities, keyed by GeoNames id (read directly: the
 *   C locale of a build machine would hide it from gettext);
 * - iso-codes: /usr/share/iso-codes/json/iso_3166-1.json, alpha-2 to
 *   alpha-3;
 * - data/countries.tsv: only countries the engine knows are kept.
 *
 * Output: one line a name, best known first (population, descending):
 *   key  name  lang  english_name  country  latitude  longitude  population
 * `key` is the folded matching key (ent_pattern_keys, the engine's own
 * folding), `lang` is `fr` for a French-only name (Tachkent, Pékin, and
 * "Caire" for "au Caire") or `*` for a name of both languages. A name is
 * listed once per country (the most populous city of that name). Names of
 * fewer than three letters ("Of", "Bo") are left out.
 *
 * Exit status 0 when the file was written, 1 on a problem (message on
 * stderr). The output is deterministic: same packages, same bytes.
 */
#include <geonames/geonames.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "text/text.h"

typedef struct row {
	char *key, *name, *en;
	char lang; /* 'f' (French only) or '*' */
	char iso3[4];
	double lat, lon;
	unsigned pop;
} row;

typedef struct city {
	char *name, *fr; /* fr: the French name, or NULL */
	char iso3[4];
	double lat, lon;
	unsigned pop, index;
} city;

static ENT_VEC(row) rows;
static ent_map seen; /* "key\tISO3" -> index in rows */

/* ---- the French names: a GNU .mo catalogue ---- */

typedef struct mo {
	unsigned char *data;
	size_t len;
	uint32_t n, orig, trans;
	bool swap;
} mo;

static uint32_t mo_u32(const mo *m, size_t at)
{
	if (at + 4 > m->len)
		return 0;
	const unsigned char *p = m->data + at;
	return m->swap ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
		       : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static bool mo_open(mo *m, const char *path)
{
	memset(m, 0, sizeof *m);
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	ent_buf b = ENT_BUF_INIT;
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		ent_buf_append(&b, chunk, got);
	fclose(f);
	m->data = (unsigned char *)b.data;
	m->len = b.len;
	if (m->len < 28) {
		free(m->data);
		return false;
	}
	uint32_t magic = (uint32_t)m->data[0] | (uint32_t)m->data[1] << 8 |
			 (uint32_t)m->data[2] << 16 | (uint32_t)m->data[3] << 24;
	if (magic == 0x950412deu)
		m->swap = false;
	else if (magic == 0xde120495u)
		m->swap = true;
	else {
		free(m->data);
		return false;
	}
	m->n = mo_u32(m, 8);
	m->orig = mo_u32(m, 12);
	m->trans = mo_u32(m, 16);
	return true;
}

/* Entry i of table `table` as a pointer and length, or NULL. */
static const char *mo_str(const mo *m, uint32_t table, uint32_t i, uint32_t *len)
{
	uint32_t l = mo_u32(m, (size_t)table + 8u * i), off = mo_u32(m, (size_t)table + 8u * i + 4);
	if ((size_t)off + l >= m->len)
		return NULL;
	*len = l;
	return (const char *)m->data + off;
}

/* ---- rows ---- */

static bool is_word_char(unsigned char ch)
{
	return ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

/* Adds a name unless its key is already listed for that country (by a
 * more populous city: cities come most populous first). */
static void add_row(const char *name, char lang, const char *en, const char *iso3, double lat,
		    double lon, unsigned pop)
{
	ent_buf k = ENT_BUF_INIT;
	size_t ntok = ent_pattern_keys(name, strlen(name), &k);
	size_t letters = 0;
	bool digits_only = true;
	for (size_t i = 0; i < k.len; i++) {
		unsigned char ch = (unsigned char)k.data[i];
		if (is_word_char(ch))
			letters++;
		if (!(ch >= '0' && ch <= '9') && ch != ' ')
			digits_only = false;
	}
	if (ntok == 0 || ntok > 16 || letters < 3 || digits_only || strchr(name, '\t') ||
	    strchr(name, '\n')) {
		ent_buf_dispose(&k);
		return;
	}
	ent_buf id = ENT_BUF_INIT;
	ent_buf_printf(&id, "%s\t%s", k.data, iso3);
	bool added;
	uint32_t *at = ent_map_put(&seen, id.data, id.len, (uint32_t)rows.len, &added);
	ent_buf_dispose(&id);
	if (!added) {
		/* the same key in the same country: the first (most populous)
		 * city keeps it; a name both languages write becomes '*' */
		row *o = &rows.items[*at];
		if (strcmp(o->en, en) == 0 && o->lang != lang)
			o->lang = '*';
		ent_buf_dispose(&k);
		return;
	}
	row r = {0};
	r.key = k.data; /* owned */
	r.name = ent_xstrdup(name);
	r.en = ent_xstrdup(en);
	r.lang = lang;
	memcpy(r.iso3, iso3, 4);
	r.lat = lat;
	r.lon = lon;
	r.pop = pop;
	ENT_VEC_PUSH(rows, r);
}

static int by_population(const void *pa, const void *pb)
{
	const city *a = pa, *b = pb;
	if (a->pop != b->pop)
		return a->pop > b->pop ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* "Le Caire" -> "Caire", for "au Caire": le and les contract with à (au,
 * aux); "à La Havane" keeps its article. */
static const char *contracted(const char *fr)
{
	if (strncmp(fr, "Le ", 3) == 0)
		return fr + 3;
	if (strncmp(fr, "Les ", 4) == 0)
		return fr + 4;
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 5) {
		fprintf(stderr, "usage: gen-gazetteer OUT.tsv COUNTRIES.tsv [ISO_3166_JSON [LOCALEDIR]]\n");
		return 2;
	}
	const char *out_path = argv[1], *countries_path = argv[2];
	const char *iso_path = argc > 3 ? argv[3] : "/usr/share/iso-codes/json/iso_3166-1.json";
	const char *localedir = argc > 4 ? argv[4] : "/usr/share/locale";
	ent_fold_init();
	ent_map_init(&seen);

	/* the countries the engine knows */
	ent_map known;
	ent_map_init(&known);
	FILE *cf = fopen(countries_path, "r");
	if (!cf) {
		fprintf(stderr, "gen-gazetteer: %s: cannot open\n", countries_path);
		return 1;
	}
	char line[1024];
	while (fgets(line, sizeof line, cf))
		if (line[0] != '#' && strlen(line) > 4 && line[3] == '\t')
			ent_map_put(&known, line, 3, 1, NULL);
	fclose(cf);

	/* alpha-2 -> alpha-3 */
	json_error_t jerr;
	json_t *iso = json_load_file(iso_path, 0, &jerr);
	json_t *list = iso ? json_object_get(iso, "3166-1") : NULL;
	if (!json_is_array(list)) {
		fprintf(stderr, "gen-gazetteer: %s: %s\n", iso_path,
			iso ? "no \"3166-1\" list" : jerr.text);
		json_decref(iso);
		return 1;
	}
	ent_map a2;
	ent_map_init(&a2);
	ENT_VEC(char *) a3s = {0};
	size_t idx;
	json_t *c;
	json_array_foreach(list, idx, c) {
		const char *x2 = json_string_value(json_object_get(c, "alpha_2"));
		const char *x3 = json_string_value(json_object_get(c, "alpha_3"));
		if (!x2 || !x3 || strlen(x2) != 2 || strlen(x3) != 3)
			continue;
		ent_map_put(&a2, x2, 2, (uint32_t)a3s.len, NULL);
		ENT_VEC_PUSH(a3s, ent_xstrdup(x3));
	}
	json_decref(iso);

	/* French names by GeoNames id */
	char mo_path[4096];
	snprintf(mo_path, sizeof mo_path, "%s/fr/LC_MESSAGES/geonames.mo", localedir);
	mo fr;
	ent_map fr_by_id;
	ent_map_init(&fr_by_id);
	bool have_fr = mo_open(&fr, mo_path);
	if (have_fr)
		for (uint32_t i = 0; i < fr.n; i++) {
			uint32_t l;
			const char *k = mo_str(&fr, fr.orig, i, &l);
			if (k && l)
				ent_map_put(&fr_by_id, k, l, i, NULL);
		}
	else
		fprintf(stderr, "gen-gazetteer: %s: not found, English names only\n", mo_path);

	/* every city of a known country, most populous first */
	ENT_VEC(city) cities = {0};
	int n = geonames_get_n_cities();
	for (int i = 0; i < n; i++) {
		GeonamesCity *gc = geonames_get_city(i);
		if (!gc)
			continue;
		const char *name = geonames_city_get_name(gc);
		const char *cc = geonames_city_get_country_code(gc);
		uint32_t *k3 = cc && strlen(cc) == 2 ? ent_map_get(&a2, cc, 2) : NULL;
		if (name && *name && k3 && ent_map_get(&known, a3s.items[*k3], 3)) {
			city ct = {0};
			ct.name = ent_xstrdup(name);
			memcpy(ct.iso3, a3s.items[*k3], 4);
			ct.lat = geonames_city_get_latitude(gc);
			ct.lon = geonames_city_get_longitude(gc);
			ct.pop = geonames_city_get_population(gc);
			ct.index = (unsigned)i;
			/* the GeoNames id is the first member of the city's record;
			 * geonames.mo translates ids, not names */
			GVariant *v0 = g_variant_n_children(gc) > 0 ? g_variant_get_child_value(gc, 0) : NULL;
			const char *id = v0 && g_variant_is_of_type(v0, G_VARIANT_TYPE_STRING)
						 ? g_variant_get_string(v0, NULL) : NULL;
			uint32_t *t = have_fr && id ? ent_map_get(&fr_by_id, id, strlen(id)) : NULL;
			uint32_t l = 0;
			const char *frn = t ? mo_str(&fr, fr.trans, *t, &l) : NULL;
			if (frn && l)
				ct.fr = ent_xstrndup(frn, l);
			if (v0)
				g_variant_unref(v0);
			ENT_VEC_PUSH(cities, ct);
		}
		geonames_city_free(gc);
	}
	qsort(cities.items, cities.len, sizeof *cities.items, by_population);
	for (size_t i = 0; i < cities.len; i++) {
		const city *ct = &cities.items[i];
		add_row(ct->name, '*', ct->name, ct->iso3, ct->lat, ct->lon, ct->pop);
		const char *bare_en = contracted(ct->name);
		if (bare_en)
			add_row(bare_en, 'f', ct->name, ct->iso3, ct->lat, ct->lon, ct->pop);
		if (ct->fr) {
			add_row(ct->fr, 'f', ct->name, ct->iso3, ct->lat, ct->lon, ct->pop);
			const char *bare = contracted(ct->fr);
			if (bare)
				add_row(bare, 'f', ct->name, ct->iso3, ct->lat, ct->lon, ct->pop);
		}
	}

	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.tmp", out_path);
	FILE *out = fopen(tmp, "w");
	if (!out) {
		fprintf(stderr, "gen-gazetteer: %s: cannot write\n", tmp);
		return 1;
	}
	fprintf(out, "# generated by gen-gazetteer (tools/gen-gazetteer.c) from libgeonames %s"
		     " (GeoNames cities of 15,000 people or more%s) and iso-codes; do not edit\n",
		"0.3.0", have_fr ? ", French names from geonames.mo" : "");
	fprintf(out, "# key\tname\tlang\tenglish_name\tcountry\tlatitude\tlongitude\tpopulation\n");
	for (size_t i = 0; i < rows.len; i++) {
		const row *r = &rows.items[i];
		fprintf(out, "%s\t%s\t%s\t%s\t%s\t%.5f\t%.5f\t%u\n", r->key, r->name,
			r->lang == '*' ? "*" : "fr", r->en, r->iso3, r->lat, r->lon, r->pop);
	}
	int bad = ferror(out);
	if (fclose(out) != 0 || bad || rename(tmp, out_path) != 0) {
		fprintf(stderr, "gen-gazetteer: %s: cannot write\n", out_path);
		remove(tmp);
		return 1;
	}
	fprintf(stderr, "gen-gazetteer: %s: %zu names of %zu cities\n", out_path, rows.len,
		cities.len);
	for (size_t i = 0; i < cities.len; i++) {
		free(cities.items[i].name);
		free(cities.items[i].fr);
	}
	ENT_VEC_FREE(cities);

	for (size_t i = 0; i < rows.len; i++) {
		free(rows.items[i].key);
		free(rows.items[i].name);
		free(rows.items[i].en);
	}
	ENT_VEC_FREE(rows);
	for (size_t i = 0; i < a3s.len; i++)
		free(a3s.items[i]);
	ENT_VEC_FREE(a3s);
	if (have_fr)
		free(fr.data);
	ent_map_dispose(&fr_by_id);
	ent_map_dispose(&a2);
	ent_map_dispose(&known);
	ent_map_dispose(&seen);
	return 0;
}
