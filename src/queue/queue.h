/*
 * queue.h: the work queue of `entente submit`, `entente worker` and
 * `entente status`, on NATS JetStream (the nats.c client). The contract of
 * the whole module is here; docs/scale-out.md says how to run it.
 *
 * The pieces:
 *
 *   submit   reader -> one JSON message per document -> subject entente.docs
 *            of the work-queue stream ENTENTE (created if missing), with the
 *            message id = SHA-256 of the text, so JetStream drops a document
 *            published twice within the stream's duplicate window.
 *   worker   durable pull consumer "entente-workers" (explicit ack) ->
 *            batches -> ent_code -> one store transaction per batch ->
 *            ack after the commit. A document that fails to code or to
 *            store is Nak'ed with a delay; at its max_deliver-th delivery
 *            it is published to entente.dead (stream ENTENTE_DEAD) with its
 *            error and Term'ed.
 *   status   stream and consumer counts, dead letters.
 *
 * Guarantees: at-least-once delivery, and ent_store_put is idempotent by
 * content hash, so a document coded twice is stored once. Nothing here is
 * exactly-once, nor ordered.
 *
 * Messages (UTF-8 JSON objects):
 *   entente.docs  {"id", "text", "date", "title", "lang", "url", "origin",
 *                  "line"}; absent fields are left out. "text" is required.
 *   entente.dead  {"id", "hash", "error", "deliveries", "stream_seq",
 *                  "document": <the entente.docs message, when it was JSON>}
 *
 * The CLI (src/cli/main.c) calls these; they see only the public API of
 * entente.h and core.h. They write their messages to opts->log (NULL:
 * silent), each starting with "entente submit: " or "entente worker: ".
 */
#ifndef ENT_QUEUE_H
#define ENT_QUEUE_H

#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "entente/entente.h"

#define ENT_QUEUE_STREAM "ENTENTE"          /* default work-queue stream */
#define ENT_QUEUE_SUBJECT "entente.docs"    /* its subject (entente.docs.NAME for another) */
#define ENT_QUEUE_DEAD_STREAM "ENTENTE_DEAD" /* dead letters (limits retention) */
#define ENT_QUEUE_DEAD_SUBJECT "entente.dead"
#define ENT_QUEUE_CONSUMER "entente-workers" /* the durable pull consumer */
#define ENT_QUEUE_DUP_WINDOW_S 3600         /* duplicate window of a new stream */

/* ---- submit ---------------------------------------------------------- */

typedef struct ent_submit_options {
	const char *url;          /* "nats://host:port", or several, comma-separated */
	const char *stream;       /* NULL: ENT_QUEUE_STREAM */
	const char *const *paths; /* what ent_reader_new reads */
	size_t npaths;
	const char *lang;         /* for documents that say none, or NULL */
	FILE *log;                /* refused inputs and errors; NULL: silent */
	bool progress;            /* a "\r" progress line on log, once a second */
} ent_submit_options;

typedef struct ent_submit_result {
	long published;  /* stored by JetStream as new messages */
	long duplicates; /* acknowledged as duplicates (same text within the window) */
	long refused;    /* inputs the reader refused, or too large for the server */
	long failed;     /* publishes that got no acknowledgement */
} ent_submit_result;

/* Connects, creates the stream if it is missing, reads every input and
 * publishes each document, waiting for each acknowledgement (a publish
 * that times out is retried with the same message id for up to about 30 s,
 * so a server restart is ridden out). *out is filled in any case.
 * Returns 0 when the run went to the end (even with refused or failed
 * documents: see *out), ENT_EIO when it could not connect or create the
 * stream, ENT_EINVALID when reading could not start; err says why. */
int ent_queue_submit(const ent_submit_options *o, ent_submit_result *out, ent_error *err);

/* ---- worker ---------------------------------------------------------- */

typedef struct ent_worker_options {
	const char *url;
	const char *stream;        /* NULL: ENT_QUEUE_STREAM */
	const char *db;            /* what ent_store_open takes; one handle per thread */
	ent_engine *engine;        /* borrowed; shared by the threads (read-only) */
	const char *lang;          /* for documents that say none, or NULL */
	int jobs;                  /* coding threads, >= 1 */
	int batch;                 /* documents per fetch and per transaction, >= 1 */
	int max_deliver;           /* deliveries before a failing document is dead, >= 1 */
	int ack_wait_ms;           /* the consumer's AckWait */
	bool exit_when_empty;      /* return once nothing is pending nor in flight */
	atomic_int *stop; /* set (by a signal handler) to finish and return; atomic,
			   * since the coding threads read it */
	FILE *log;                 /* progress, errors; NULL: silent */
	bool tty;                  /* log is a terminal: "\r" progress every second */
} ent_worker_options;

typedef struct ent_worker_result {
	long received;    /* messages fetched (deliveries) */
	long redelivered; /* of which deliveries after the first */
	long added;       /* documents stored as new */
	long existing;    /* documents already stored (an earlier delivery, a duplicate) */
	long events;      /* events of the documents stored as new */
	long sentences;   /* sentences of the documents coded */
	long retried;     /* Nak'ed for another attempt */
	long dead;        /* sent to the dead-letter stream */
	double seconds;   /* wall time of the run */
} ent_worker_result;

/* Sets up the streams and the durable consumer (creating them, or
 * updating the consumer's AckWait and MaxDeliver to these options), then
 * runs o->jobs threads, each with its own pull subscription and its own
 * store handle, until *o->stop is set or, with exit_when_empty, until the
 * consumer has nothing pending and nothing awaiting acknowledgement. A
 * batch in progress is finished (stored, acknowledged) before returning.
 * Lost connections are retried for ever (the nats.c client reconnects).
 * *out is filled in any case. Returns 0, or ENT_EIO (cannot connect, set
 * up the streams) / ENT_ESTORE (a thread could not open the store) with
 * err set. */
int ent_queue_work(const ent_worker_options *o, ent_worker_result *out, ent_error *err);

/* ---- status ---------------------------------------------------------- */

typedef struct ent_queue_status {
	char subject[300];     /* the stream's subject */
	bool stream_exists;
	uint64_t messages;     /* in the work-queue stream: not yet acknowledged */
	uint64_t bytes;
	bool consumer_exists;
	uint64_t pending;      /* not yet delivered to any worker */
	int64_t ack_pending;   /* delivered, awaiting acknowledgement */
	int64_t redelivered;   /* of those, delivered more than once */
	int64_t waiting;       /* pull requests waiting (idle workers, roughly) */
	bool dead_exists;
	uint64_t dead;         /* messages in the dead-letter stream */
} ent_queue_status;

/* Fills *out from the server (nothing is created). Returns 0, or ENT_EIO
 * with err set when the server cannot be reached. */
int ent_queue_status_get(const char *url, const char *stream, ent_queue_status *out,
			 ent_error *err);

#endif
