/*
 * server.h: `entente serve`, the read-only HTTP API over a database and the
 * dashboard's static files (docs/http-api.md is the contract).
 *
 * Not part of the public API: the CLI (src/cli/main.c) is its only caller.
 * It sees the library only through include/entente/entente.h, plus the
 * core and text leaves for buffers, dates and UTF-8.
 */
#ifndef ENT_SERVER_H
#define ENT_SERVER_H

#include "entente/entente.h"

/* What to serve, and where. */
typedef struct ent_server_options {
	const char *db;       /* the database file; must exist (never created) */
	const char *host;     /* address to bind; NULL: "127.0.0.1" */
	unsigned port;        /* 0: let the system pick a free port */
	const char *web_dir;  /* the dashboard's folder; NULL: the built-in web/ */
	const char *data_dir; /* for country names (countries.tsv); NULL: default */
} ent_server_options;
#define ENT_SERVER_OPTIONS_INIT {NULL, NULL, 8080, NULL, NULL}

/* Serves until SIGINT or SIGTERM. When listening, writes one line
 *     entente serve: http://HOST:PORT/ (database FILE)
 * to stderr (HOST numeric, PORT the real one when 0 was asked). Each
 * request thread takes a store handle of its own from a small pool; nothing
 * is ever written to the database.
 *
 * Returns 0 after a clean stop; ENT_ENOTFOUND when the database file does
 * not exist, ENT_EUSAGE for a host that is not an address, ENT_EIO when the
 * socket cannot be bound or the database opened, with err->message naming
 * the file, host or port. */
int ent_server_run(const ent_server_options *o, ent_error *err);

/* The web folder used when options.web_dir is NULL. */
const char *ent_server_default_web_dir(void);

#endif
