/*
 * peers.h: the actor and agent dictionaries of TABARI and PETRARCH as
 * additional lexicons (docs/lexicon.md, "TABARI and PETRARCH
 * dictionaries"). The public entry is ent_engine_add_actors (entente.h,
 * src/extract/dicts.c); this is the lexicon side of it.
 */
#ifndef ENT_LEXICON_PEERS_H
#define ENT_LEXICON_PEERS_H

#include <stddef.h>

#include "lexicon/lexicon.h"

/* The same values as ent_dict_format of entente.h. */
enum {
	LXP_AUTO = 0, LXP_PETRARCH, LXP_TABARI, LXP_PETRARCH_ACTORS, LXP_PETRARCH_AGENTS,
	LXP_TABARI_ACTORS, LXP_TABARI_AGENTS
};

/* Results: LXP_OK, or why the file was refused (the message says more). */
enum { LXP_OK = 0, LXP_EIO, LXP_ENOTFOUND, LXP_EINVALID };

typedef struct lxp_stats {
	int format;        /* one of the four precise formats */
	long lines, entries, added, persons, phrases, shadowed, unsupported, warnings;
} lxp_stats;

/* Called for each malformed line (skipped): msg says what was expected. */
typedef void (*lxp_warn_fn)(void *ctx, const char *path, unsigned line, const char *msg);

/* Reads the dictionary at path (format LXP_*) into lx: actors into every
 * language's matcher, agents (role words) into the English one. A phrase
 * that a matcher already knows is left out. Returns LXP_OK, or an LXP_E*
 * code with msg (naming the file) when the file cannot be used at all. */
int lxp_load(lx_lexicon *lx, const char *path, int format, lxp_warn_fn warn, void *warn_ctx,
	     lxp_stats *st, char *msg, size_t msgcap);

#endif
