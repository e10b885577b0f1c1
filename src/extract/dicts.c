/*
 * dicts.c: ent_engine_add_actors, the engine's door to the actor and agent
 * dictionaries of TABARI and PETRARCH (the reading is lexicon/peers.c),
 * and the names of their formats.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "extract/engine.h"
#include "lexicon/peers.h"

static const char *const NAMES[] = {"auto", "petrarch", "tabari", "petrarch-actors",
				    "petrarch-agents", "tabari-actors", "tabari-agents"};

const char *ent_dict_format_name(ent_dict_format f)
{
	return (unsigned)f < sizeof NAMES / sizeof NAMES[0] ? NAMES[f] : "?";
}

int ent_dict_format_parse(const char *name, ent_dict_format *out)
{
	for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
		if (name && strcmp(name, NAMES[i]) == 0) {
			*out = (ent_dict_format)i;
			return ENT_OK;
		}
	return ENT_EUSAGE;
}

typedef struct warn_ctx {
	FILE *f;
	unsigned max, written;
	long dropped;
} warn_ctx;

static void on_warning(void *ctx, const char *path, unsigned line, const char *msg)
{
	warn_ctx *w = ctx;
	if (!w->f)
		return;
	if (w->max && w->written >= w->max) {
		w->dropped++;
		return;
	}
	w->written++;
	fprintf(w->f, "%s:%u: %s\n", path, line, msg);
}

int ent_engine_add_actors(ent_engine *e, const char *path, const ent_dict_options *opts,
			  ent_dict_stats *stats, ent_error *err)
{
	static const int CODE[] = {[LXP_OK] = ENT_OK, [LXP_EIO] = ENT_EIO,
				   [LXP_ENOTFOUND] = ENT_ENOTFOUND, [LXP_EINVALID] = ENT_EINVALID};
	ent_dict_options o = ENT_DICT_OPTIONS_INIT;
	if (opts)
		o = *opts;
	if ((unsigned)o.format >= sizeof NAMES / sizeof NAMES[0])
		return ent_error_set(err, ENT_EUSAGE, "%s: unknown dictionary format %d", path, (int)o.format);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	warn_ctx w = {.f = o.warnings, .max = o.max_warnings};
	lxp_stats st;
	char msg[512];
	int rc = lxp_load(&e->lx, path, (int)o.format, on_warning, &w, &st, msg, sizeof msg);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (w.dropped)
		fprintf(w.f, "%s: %ld more warning%s not shown\n", path, w.dropped, w.dropped > 1 ? "s" : "");
	if (stats) {
		memset(stats, 0, sizeof *stats);
		stats->format = (ent_dict_format)st.format;
		stats->lines = st.lines;
		stats->entries = st.entries;
		stats->added = st.added;
		stats->persons = st.persons;
		stats->phrases = st.phrases;
		stats->shadowed = st.shadowed;
		stats->unsupported = st.unsupported;
		stats->warnings = st.warnings;
		stats->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	}
	if (rc)
		return ent_error_set(err, CODE[rc], "%s", msg);
	return ENT_OK;
}
