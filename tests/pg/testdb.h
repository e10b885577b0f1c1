/*
 * testdb.h: where the store's unit tests (test_store.c, test_merge.c,
 * test_relations.c) make their databases, so that one suite runs against
 * each backend.
 *
 * Without ENT_TEST_DB a database is a file in the test's temporary
 * directory. With ENT_TEST_DB set to a postgresql:// URL (run-with-pg.sh
 * sets it), each fresh database is a new database "t_NAME" on that server,
 * dropped and created again through the store's connection.
 */
#ifndef ENT_TESTDB_H
#define ENT_TESTDB_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entente/entente.h"
#include "store/store.h"

/* Whether the tests run on PostgreSQL. */
static inline bool testdb_pg(void)
{
	const char *u = getenv("ENT_TEST_DB");
	return u && *u;
}

/* Fills out with the path or URL of a fresh, empty database `name` (for
 * SQLite: dir/name, which must not exist yet). Returns 0, or -1 with a
 * message on stderr. */
static inline int testdb_fresh(char *out, size_t size, const char *dir,
			       const char *name)
{
	const char *url = getenv("ENT_TEST_DB");
	if (!url || !*url) {
		snprintf(out, size, "%s/%s", dir, name);
		return 0;
	}
	char db[64] = "t_";
	for (size_t i = 0, k = 2; name[i] && k < sizeof(db) - 1; i++, k++)
		db[k] = (char)((name[i] >= 'a' && name[i] <= 'z') ||
			       (name[i] >= '0' && name[i] <= '9') ? name[i] : '_');
	ent_store *admin = NULL;
	ent_error err = {0};
	if (ent_store_open(&admin, url, &err) != 0) {
		fprintf(stderr, "testdb: %s\n", err.message);
		return -1;
	}
	char sql[256];
	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s WITH (FORCE)", db);
	int rc = ent_store_exec(admin, sql);
	if (rc == 0) {
		snprintf(sql, sizeof(sql), "CREATE DATABASE %s TEMPLATE template0"
			 " ENCODING 'UTF8'", db);
		rc = ent_store_exec(admin, sql);
	}
	if (rc != 0)
		fprintf(stderr, "testdb: %s\n", ent_store_error(admin));
	ent_store_close(admin);
	/* the same URL with the last path segment replaced */
	const char *slash = strrchr(url, '/');
	const char *query = strchr(slash, '?');
	snprintf(out, size, "%.*s/%s%s", (int)(slash - url), url, db,
		 query ? query : "");
	return rc == 0 ? 0 : -1;
}

#endif
