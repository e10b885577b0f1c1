/*
 * js.h: the JetStream plumbing shared by submit.c, worker.c and
 * jetstream.c (connection, streams, consumer). Only src/queue includes it;
 * the CLI sees queue.h, which has no nats.c types.
 */
#ifndef ENT_QUEUE_JS_H
#define ENT_QUEUE_JS_H

#include <nats/nats.h>

#include "queue/queue.h"

/* A connection and its JetStream context. */
typedef struct ent_js {
	natsConnection *nc;
	jsCtx *js;
} ent_js;

/* Connects to url (comma-separated servers allowed). max_reconnect: the
 * reconnection attempts after a lost connection, one every 500 ms (-1:
 * for ever). Returns 0 or ENT_EIO with err set. */
int ent_js_connect(ent_js *c, const char *url, int max_reconnect, ent_error *err);
/* Closes and frees; c may be zeroed. */
void ent_js_close(ent_js *c);

/* Creates the work-queue stream `name` on ENT_QUEUE_SUBJECT (work-queue
 * retention, file storage, ENT_QUEUE_DUP_WINDOW_S duplicate window) and
 * the dead-letter stream, each unless it exists. 0 or ENT_EIO. */
int ent_js_ensure_streams(ent_js *c, const char *name, ent_error *err);

/* Creates the durable pull consumer of the stream, or updates its AckWait
 * and MaxDeliver. 0 or ENT_EIO. */
int ent_js_ensure_consumer(ent_js *c, const char *stream, int ack_wait_ms, int max_deliver,
			   ent_error *err);

/* The subject of the work-queue stream `stream`: ENT_QUEUE_SUBJECT for
 * ENT_QUEUE_STREAM, "entente.docs.<stream>" for any other, so that several
 * queues (a test's, a benchmark's) can live on one server. */
const char *ent_js_subject(const char *stream, char *buf, size_t size);

/* "nats: <status text>: <last error>" for messages, into buf. */
const char *ent_js_strerror(natsStatus s, char *buf, size_t size);

#endif
