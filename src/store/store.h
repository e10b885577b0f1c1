/*
 * store.h: what the store module offers inside the library (and to its
 * tests) beyond the public ent_store_* functions of entente.h.
 */
#ifndef ENT_STORE_H
#define ENT_STORE_H

#include "entente/entente.h"

/* The schema version this build creates and understands (PRAGMA
 * user_version). A database with a higher version is refused. */
#define ENT_STORE_SCHEMA_VERSION 1

/* What ent_store_put does once the events are records: stores the document
 * `in` (its text, id, date, title, url, origin, plus `lang` and
 * `sentence_count`) and the n records `recs` as its events, all or nothing.
 * When a document with the same content hash (SHA-256 of in->text) is
 * already stored nothing changes and *was_new is false. The records' id
 * and sentence fields are ignored (the sentence is a span of in->text);
 * "" and NULL strings are both stored as NULL. was_new may be NULL.
 * Returns 0, or ENT_ESTORE / ENT_EIO with the message on the handle. */
int ent_store_put_records(ent_store *s, const ent_input *in,
			  const ent_record *recs, size_t n,
			  size_t sentence_count, const char *lang,
			  bool *was_new);

#endif
