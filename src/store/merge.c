/*
 * merge.c: the rule that makes one merged event of the mentions of one
 * event by several articles (docs/storage.md, "Merging").
 *
 * Where it sits: the store calls it after every ent_store_put (or at the
 * commit of a batch of puts) for each (root, a, b) group the new mentions
 * fall in: root = the first two digits of the code, a < b the first three
 * letters of source and target ("---" when there is no target). It holds
 * no state and touches no database: store.c loads mentions of a group
 * (through either backend: the new ones and those of the merged events
 * they can join, found with ent_merge_date_ranges; or all of them),
 * hands them to ent_merge_group, and writes the merged rows it computes,
 * so SQLite and PostgreSQL merge by the same code.
 *
 * The rule. Two mentions of a group are compatible when
 * - their dates are "within a day": both day-precision and at most one day
 *   apart, or one is less precise and contains the other ("2025-05"
 *   contains "2025-05-10", "2025" contains both; equal dates too); a NULL
 *   date is compatible with another NULL date only; and
 * - their places are compatible: equal, or either NULL.
 * A merged event is a connected component of that relation (single
 * linkage). Components are a function of the set of mentions, so merging
 * does not depend on the order documents were ingested in; the group is
 * given in the total order (date, content hash of the document,
 * sentence_start, code, ...) and the representative of a component is its
 * first mention in that order.
 *
 * Cost: day-precision mentions are compared within a sliding one-day
 * window, undated ones by place, and only the coarse (year or month) ones
 * against every other, so a group of n mentions costs O(n log n + c n)
 * with c coarse dates.
 */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

/* A parsed date: precision 0 (none), 1 (year), 2 (month), 3 (day). */
typedef struct mdate {
	int prec, y, m, d;
	long day; /* days since 1970-01-01 when prec == 3 */
} mdate;

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant's
 * days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static mdate parse(const char *s)
{
	mdate r = {0, 0, 0, 0, 0};
	if (!s || !*s)
		return r;
	r.prec = ent_date_parse(s, strlen(s), &r.y, &r.m, &r.d);
	if (r.prec == 3)
		r.day = days_from_civil(r.y, r.m, r.d);
	return r;
}

/* Whether coarse date c contains (or equals) date f. */
static bool contains(const mdate *c, const mdate *f)
{
	if (c->prec > f->prec || c->y != f->y)
		return false;
	if (c->prec >= 2 && c->m != f->m)
		return false;
	if (c->prec == 3 && c->d != f->d)
		return false;
	return true;
}

static bool dates_ok(const mdate *a, const mdate *b)
{
	if (a->prec == 0 || b->prec == 0)
		return a->prec == 0 && b->prec == 0;
	if (a->prec == 3 && b->prec == 3)
		return labs(a->day - b->day) <= 1;
	return a->prec <= b->prec ? contains(a, b) : contains(b, a);
}

bool ent_merge_dates_compatible(const char *d1, const char *d2)
{
	mdate a = parse(d1), b = parse(d2);
	return dates_ok(&a, &b);
}

bool ent_merge_places_compatible(const char *p1, const char *p2)
{
	return !p1 || !p2 || !*p1 || !*p2 || strcmp(p1, p2) == 0;
}

/* The day before (step -1) or after (+1) a day-precision date; the date
 * itself when that day falls outside the years 1000-9999 that parse
 * accepts (no date there can link to it). */
static mdate next_day(const mdate *t, int step)
{
	mdate r = *t;
	r.d += step;
	if (r.d < 1) {
		if (--r.m < 1) {
			r.m = 12;
			r.y--;
		}
		r.d = ent_days_in_month(r.y, r.m);
	} else if (r.d > ent_days_in_month(r.y, r.m)) {
		r.d = 1;
		if (++r.m > 12) {
			r.m = 1;
			r.y++;
		}
	}
	return r.y < 1000 || r.y > 9999 ? *t : r;
}

/* lo and hi are dates of years 1000-9999: at most 10 bytes */
static void set_range(ent_date_range *r, const char *lo, const char *hi)
{
	size_t a = strlen(lo), b = strlen(hi);
	a = a < sizeof(r->lo) ? a : sizeof(r->lo) - 1;
	b = b < sizeof(r->hi) ? b : sizeof(r->hi) - 1;
	memcpy(r->lo, lo, a);
	r->lo[a] = '\0';
	memcpy(r->hi, hi, b);
	r->hi[b] = '\0';
}

size_t ent_merge_date_ranges(const char *date, ent_date_range out[3])
{
	mdate t = parse(date);
	char y[40], m[40], d0[40], d1[40];
	if (t.prec == 0)
		return 0;
	snprintf(y, sizeof(y), "%04d", t.y);
	if (t.prec == 1) {
		snprintf(d1, sizeof(d1), "%04d-12-31", t.y);
		set_range(&out[0], y, d1);
		return 1;
	}
	snprintf(m, sizeof(m), "%04d-%02d", t.y, t.m);
	if (t.prec == 2) {
		snprintf(d1, sizeof(d1), "%04d-%02d-31", t.y, t.m);
		set_range(&out[0], m, d1);
		set_range(&out[1], y, y);
		return 2;
	}
	mdate a = next_day(&t, -1), b = next_day(&t, 1);
	snprintf(d0, sizeof(d0), "%04d-%02d-%02d", a.y, a.m, a.d);
	snprintf(d1, sizeof(d1), "%04d-%02d-%02d", b.y, b.m, b.d);
	set_range(&out[0], d0, d1);
	set_range(&out[1], m, m);
	set_range(&out[2], y, y);
	return 3;
}

/* Union-find keeping the smallest index as the root, so that the root of
 * a component is its first mention. */
static size_t find(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

static void unite(size_t *parent, size_t i, size_t j)
{
	size_t a = find(parent, i), b = find(parent, j);
	if (a < b)
		parent[b] = a;
	else if (b < a)
		parent[a] = b;
}

/* qsort has no context argument: the arrays being sorted, per thread (a
 * worker's coding threads merge at the same time) */
static _Thread_local const mdate *sort_dates;
static void link_classes(size_t n, const char *const *dates,
			 const char *const *places, size_t *comp);

static int by_day(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	long a = sort_dates[i].day, b = sort_dates[j].day;
	if (a != b)
		return a < b ? -1 : 1;
	return i < j ? -1 : i > j;
}

static int cmp_null_first(const char *a, const char *b)
{
	if (!a || !*a)
		return (b && *b) ? -1 : 0;
	if (!b || !*b)
		return 1;
	return strcmp(a, b);
}

static _Thread_local const char *const *sort_d, *const *sort_p;

static int by_date_place(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int c = cmp_null_first(sort_d[i], sort_d[j]);
	if (!c)
		c = cmp_null_first(sort_p[i], sort_p[j]);
	if (!c)
		c = i < j ? -1 : i > j;
	return c;
}

void ent_merge_components(size_t n, const char *const *dates,
			  const char *const *places, size_t *comp)
{
	if (n == 0)
		return;
	/* Mentions with the same date and place are always compatible:
	 * collapse them into classes first (so that a thousand copies of
	 * one event cost a sort), and link the classes' first mentions. */
	size_t *order = ent_xcalloc(n, sizeof(*order));
	size_t *heads = ent_xcalloc(n, sizeof(*heads));
	size_t *parent = ent_xcalloc(n, sizeof(*parent));
	const char **hd = ent_xcalloc(n, sizeof(*hd));
	const char **hp = ent_xcalloc(n, sizeof(*hp));
	size_t nh = 0;
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	sort_d = dates;
	sort_p = places;
	qsort(order, n, sizeof(*order), by_date_place);
	sort_d = sort_p = NULL;
	for (size_t k = 0; k < n; k++) {
		size_t i = order[k];
		if (k == 0 || cmp_null_first(dates[i], dates[order[k - 1]]) ||
		    cmp_null_first(places[i], places[order[k - 1]])) {
			heads[nh] = i;
			hd[nh] = dates[i];
			hp[nh] = places[i];
			nh++;
		}
		comp[i] = heads[nh - 1]; /* the class head (its first) */
	}
	link_classes(nh, hd, hp, parent);
	/* Union-find over mentions: class members join their head; heads
	 * join as their classes do. */
	for (size_t i = 0; i < n; i++)
		order[i] = i; /* reused as the parent array over mentions */
	for (size_t i = 0; i < n; i++)
		unite(order, i, comp[i]);
	for (size_t h = 0; h < nh; h++)
		unite(order, heads[h], heads[find(parent, h)]);
	for (size_t i = 0; i < n; i++)
		comp[i] = find(order, i);
	free(order);
	free(heads);
	free(parent);
	free(hd);
	free(hp);
}

/* Single linkage over n distinct (date, place) classes: comp[i] gets the
 * smallest index of i's component. */
static void link_classes(size_t n, const char *const *dates,
			 const char *const *places, size_t *comp)
{
	if (n == 0)
		return;
	mdate *md = ent_xcalloc(n, sizeof(*md));
	size_t *days = ent_xcalloc(n, sizeof(*days));
	size_t nd = 0;
	size_t first_undated = n, first_undated_noplace = n;

	for (size_t i = 0; i < n; i++) {
		comp[i] = i;
		md[i] = parse(dates[i]);
		if (md[i].prec == 3)
			days[nd++] = i;
	}
	/* Undated mentions: all dates compatible, so places decide. Each
	 * joins the first undated mention with its place; one with no place
	 * joins them all. */
	for (size_t i = 0; i < n; i++) {
		if (md[i].prec != 0)
			continue;
		if (first_undated == n)
			first_undated = i;
		bool noplace = !places[i] || !*places[i];
		if (first_undated_noplace < i) {
			/* everything before is already one component */
			unite(comp, i, first_undated);
			continue;
		}
		if (noplace)
			first_undated_noplace = i;
		for (size_t j = first_undated; j < i; j++) {
			if (md[j].prec == 0 &&
			    ent_merge_places_compatible(places[i], places[j])) {
				unite(comp, i, j);
				if (!noplace)
					break;
			}
		}
	}
	/* Day-precision mentions: a window of one day in day order. */
	sort_dates = md;
	qsort(days, nd, sizeof(*days), by_day);
	sort_dates = NULL;
	for (size_t k = 0; k < nd; k++) {
		size_t i = days[k];
		for (size_t l = k + 1; l < nd; l++) {
			size_t j = days[l];
			if (md[j].day - md[i].day > 1)
				break;
			if (ent_merge_places_compatible(places[i], places[j]))
				unite(comp, i, j);
		}
	}
	/* Coarse dates against everything dated. */
	for (size_t i = 0; i < n; i++) {
		if (md[i].prec != 1 && md[i].prec != 2)
			continue;
		for (size_t j = 0; j < n; j++)
			if (j != i && md[j].prec != 0 &&
			    dates_ok(&md[i], &md[j]) &&
			    ent_merge_places_compatible(places[i], places[j]))
				unite(comp, i, j);
	}
	for (size_t i = 0; i < n; i++)
		comp[i] = find(comp, i);
	free(days);
	free(md);
}

/* ---- ISO weeks ------------------------------------------------------ */

bool ent_iso_week(const char *date, char out[9])
{
	mdate t = parse(date);
	if (t.prec < 2)
		return false;
	if (t.prec == 2)
		t.d = 1;
	long day = days_from_civil(t.y, t.m, t.d);
	/* 1970-01-01 was a Thursday: weekday 1 (Monday) to 7. */
	long wd = ((day % 7) + 7 + 3) % 7 + 1;
	long thursday = day + (4 - wd);
	/* The ISO year is the year of that Thursday; its week is the
	 * Thursday's day of year / 7 + 1. */
	int y = t.y + 1;
	while (days_from_civil(y, 1, 1) > thursday)
		y--;
	long week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
	if (y < 1000 || y > 9999)
		return false;
	char buf[32];
	snprintf(buf, sizeof(buf), "%04d-W%02d", y, (int)week);
	memcpy(out, buf, 9);
	return true;
}

/* ---- The merged events of a group ------------------------------------ */

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return a < b ? -1 : a > b;
}

/* The most frequent of n strings (NULLs left out), ties to the smallest;
 * NULL when all are NULL. v is reordered. */
static const char *most_frequent(const char **v, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i])
			v[k++] = v[i];
	if (k == 0)
		return NULL;
	qsort(v, k, sizeof(*v), cmp_str);
	const char *best = v[0];
	size_t best_n = 0;
	for (size_t i = 0; i < k;) {
		size_t j = i;
		while (j < k && strcmp(v[j], v[i]) == 0)
			j++;
		if (j - i > best_n) {
			best_n = j - i;
			best = v[i];
		}
		i = j;
	}
	return best;
}

static long distinct_strings(const char **v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_str);
	long d = 1;
	for (size_t i = 1; i < n; i++)
		d += strcmp(v[i], v[i - 1]) != 0;
	return d;
}

static long distinct_ids(int64_t *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_i64);
	long d = 1;
	for (size_t i = 1; i < n; i++)
		d += v[i] != v[i - 1];
	return d;
}

/* The merged row of the mentions m[idx[0..k)] (in merge order). */
static void merged_row(const char *a, const char *b, const ent_mention *m,
		       const size_t *idx, size_t k, ent_merged *out)
{
	const ent_mention *rep = &m[idx[0]];
	const char **strs = ent_xcalloc(k, sizeof(*strs));
	int64_t *ids = ent_xcalloc(k, sizeof(*ids));

	for (size_t i = 0; i < k; i++)
		strs[i] = m[idx[i]].code;
	const char *code = most_frequent(strs, k);
	for (size_t i = 0; i < k; i++)
		strs[i] = m[idx[i]].place;
	const char *place = most_frequent(strs, k);
	for (size_t i = 0; i < k; i++)
		strs[i] = m[idx[i]].outlet ? m[idx[i]].outlet : "";
	long outlets = distinct_strings(strs, k);
	for (size_t i = 0; i < k; i++)
		ids[i] = m[idx[i]].document_id;
	long articles = distinct_ids(ids, k);

	/* Dates: the finest precision present; coarser dates contain those
	 * and add nothing. */
	size_t prec = 0;
	const char *d0 = NULL, *d1 = NULL;
	uint64_t sectors = 0;
	const ent_mention *coded = rep;
	bool found = false;
	for (size_t i = 0; i < k; i++) {
		const ent_mention *x = &m[idx[i]];
		sectors |= x->sectors;
		if (!found && code && strcmp(x->code, code) == 0) {
			coded = x;
			found = true;
		}
		if (x->date && strlen(x->date) > prec)
			prec = strlen(x->date);
	}
	for (size_t i = 0; i < k; i++) {
		const char *d = m[idx[i]].date;
		if (!d || strlen(d) != prec)
			continue;
		if (!d0 || strcmp(d, d0) < 0)
			d0 = d;
		if (!d1 || strcmp(d, d1) > 0)
			d1 = d;
	}
	memset(out, 0, sizeof(*out));
	out->id = rep->id;
	out->code = code ? code : rep->code;
	out->a = a;
	out->b = b;
	out->source = rep->source;
	out->target = rep->target;
	out->source_name = rep->source_name;
	out->target_name = rep->target_name;
	out->date = d0;
	out->last_date = d1;
	out->place = place;
	out->sectors = sectors;
	out->goldstein = coded->goldstein;
	out->quad = coded->quad;
	out->plover = coded->plover;
	out->mentions = (long)k;
	out->articles = articles;
	out->outlets = outlets;
	free(strs);
	free(ids);
}

int ent_merge_group(const char *a, const char *b, const ent_mention *ms,
		    size_t n, ent_merged_out out, void *ctx)
{
	if (n == 0)
		return 0;
	int ret = 0;
	size_t *comp = ent_xcalloc(n, sizeof(*comp));
	size_t *idx = ent_xcalloc(n, sizeof(*idx));
	size_t *next = ent_xcalloc(n, sizeof(*next));
	size_t *members = ent_xcalloc(n, sizeof(*members));
	const char **dates = ent_xcalloc(n, sizeof(*dates));
	const char **places = ent_xcalloc(n, sizeof(*places));
	for (size_t i = 0; i < n; i++) {
		dates[i] = ms[i].date;
		places[i] = ms[i].place;
	}
	ent_merge_components(n, dates, places, comp);
	/* Chain each component's members in order: next[] holds the
	 * following member, n at the end; tails via idx as scratch. */
	for (size_t i = 0; i < n; i++) {
		next[i] = n;
		if (comp[i] != i)
			next[idx[comp[i]]] = i;
		idx[comp[i]] = i; /* the component's last member so far */
	}
	for (size_t r = 0; r < n && ret == 0; r++) {
		if (comp[r] != r)
			continue;
		size_t k = 0;
		for (size_t i = r; i < n; i = next[i])
			members[k++] = i;
		ent_merged m;
		merged_row(a, b, ms, members, k, &m);
		ret = out(&m, ms, members, k, ctx);
	}
	free(comp);
	free(idx);
	free(next);
	free(members);
	free(dates);
	free(places);
	return ret;
}
