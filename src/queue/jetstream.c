/*
 * jetstream.c: connecting to NATS, creating the streams and the durable
 * consumer the work queue needs, and reading their counts for `entente
 * status`.
 *
 * Where it sits: under submit.c and worker.c (queue.h has the contract).
 *
 * Invariants:
 * - Streams are created only when missing, never changed: an operator may
 *   have tuned them (replicas, limits), and a stream made by an older
 *   entente keeps working.
 * - The consumer is always (re)configured to the worker's AckWait and
 *   MaxDeliver: the last worker started sets them. Its server-side
 *   MaxDeliver is one more than the worker's max_deliver, so that a
 *   document whose max_deliver-th delivery died with its worker (a crash
 *   while coding it, SIGKILL) comes back once more and is dead-lettered
 *   at once instead of being left in the stream, undeliverable.
 */
#include "queue/js.h"

#include <stdarg.h>
#include <string.h>

const char *ent_js_strerror(natsStatus s, char *buf, size_t size)
{
	natsStatus last = NATS_OK;
	const char *detail = nats_GetLastError(&last);
	if (detail && *detail && strcmp(detail, natsStatus_GetText(s)) != 0)
		snprintf(buf, size, "%s (%s)", natsStatus_GetText(s), detail);
	else
		snprintf(buf, size, "%s", natsStatus_GetText(s));
	return buf;
}

const char *ent_js_subject(const char *stream, char *buf, size_t size)
{
	if (!stream || !strcmp(stream, ENT_QUEUE_STREAM))
		snprintf(buf, size, "%s", ENT_QUEUE_SUBJECT);
	else
		snprintf(buf, size, "%s.%s", ENT_QUEUE_SUBJECT, stream);
	return buf;
}

int ent_js_connect(ent_js *c, const char *url, int max_reconnect, ent_error *err)
{
	natsOptions *no = NULL;
	natsStatus s;
	char why[256];
	int ret = ENT_OK;
	memset(c, 0, sizeof *c);
	if ((s = natsOptions_Create(&no)) != NATS_OK ||
	    (s = natsOptions_SetURL(no, url)) != NATS_OK ||
	    (s = natsOptions_SetName(no, "entente")) != NATS_OK ||
	    (s = natsOptions_SetTimeout(no, 5000)) != NATS_OK ||
	    (s = natsOptions_SetMaxReconnect(no, max_reconnect)) != NATS_OK ||
	    (s = natsOptions_SetReconnectWait(no, 500)) != NATS_OK) {
		ret = ent_error_set(err, ENT_EUSAGE, "%s: %s", url, ent_js_strerror(s, why, sizeof why));
		goto done;
	}
	if ((s = natsConnection_Connect(&c->nc, no)) != NATS_OK) {
		ret = ent_error_set(err, ENT_EIO, "%s: cannot connect: %s", url,
				     ent_js_strerror(s, why, sizeof why));
		goto done;
	}
	jsOptions jo;
	jsOptions_Init(&jo);
	jo.Wait = 10000; /* ms: API requests and publish acknowledgements */
	if ((s = natsConnection_JetStream(&c->js, c->nc, &jo)) != NATS_OK) {
		ret = ent_error_set(err, ENT_EIO, "%s: JetStream: %s", url,
				     ent_js_strerror(s, why, sizeof why));
		goto done;
	}
done:
	natsOptions_Destroy(no);
	if (ret)
		ent_js_close(c);
	return ret;
}

void ent_js_close(ent_js *c)
{
	if (c->nc)
		natsConnection_FlushTimeout(c->nc, 5000);
	jsCtx_Destroy(c->js);
	natsConnection_Destroy(c->nc);
	c->js = NULL;
	c->nc = NULL;
}

/* Creates the stream unless one of that name exists. */
static int ensure_stream(ent_js *c, const char *name, const char *subject, bool work_queue,
			 ent_error *err)
{
	jsStreamInfo *si = NULL;
	jsErrCode je = 0;
	char why[256];
	natsStatus s = js_GetStreamInfo(&si, c->js, name, NULL, &je);
	if (s == NATS_OK) {
		jsStreamInfo_Destroy(si);
		return ENT_OK;
	}
	if (s != NATS_NOT_FOUND && je != JSStreamNotFoundErr)
		return ent_error_set(err, ENT_EIO, "stream %s: %s", name,
				      ent_js_strerror(s, why, sizeof why));
	jsStreamConfig cfg;
	jsStreamConfig_Init(&cfg);
	const char *subjects[1] = {subject};
	cfg.Name = name;
	cfg.Subjects = subjects;
	cfg.SubjectsLen = 1;
	cfg.Storage = js_FileStorage;
	if (work_queue) {
		cfg.Retention = js_WorkQueuePolicy;
		cfg.Duplicates = (int64_t)ENT_QUEUE_DUP_WINDOW_S * 1000000000LL;
		cfg.Description = "entente: documents to code (entente submit -> entente worker)";
	} else {
		cfg.Retention = js_LimitsPolicy;
		cfg.Duplicates = 120LL * 1000000000LL;
		cfg.Description = "entente: documents that failed max-deliver times, with their error";
	}
	je = 0;
	s = js_AddStream(&si, c->js, &cfg, NULL, &je);
	jsStreamInfo_Destroy(si);
	/* another submit or worker may have created it meanwhile */
	if (s != NATS_OK && je != JSStreamNameExistErr)
		return ent_error_set(err, ENT_EIO, "cannot create stream %s on %s: %s", name, subject,
				      ent_js_strerror(s, why, sizeof why));
	return ENT_OK;
}

int ent_js_ensure_streams(ent_js *c, const char *name, ent_error *err)
{
	char subject[300];
	int ret = ensure_stream(c, name, ent_js_subject(name, subject, sizeof subject), true, err);
	if (!ret)
		ret = ensure_stream(c, ENT_QUEUE_DEAD_STREAM, ENT_QUEUE_DEAD_SUBJECT, false, err);
	return ret;
}

int ent_js_ensure_consumer(ent_js *c, const char *stream, int ack_wait_ms, int max_deliver,
			   ent_error *err)
{
	jsConsumerConfig cc;
	jsConsumerConfig_Init(&cc);
	cc.Durable = ENT_QUEUE_CONSUMER;
	cc.Description = "entente workers (entente worker)";
	cc.AckPolicy = js_AckExplicit;
	cc.DeliverPolicy = js_DeliverAll;
	cc.AckWait = (int64_t)ack_wait_ms * 1000000LL;
	cc.MaxDeliver = max_deliver + 1;
	char subject[300];
	cc.FilterSubject = ent_js_subject(stream, subject, sizeof subject);
	cc.MaxAckPending = 20000;
	jsConsumerInfo *ci = NULL;
	jsErrCode je = 0;
	char why[256];
	natsStatus s = js_GetConsumerInfo(&ci, c->js, stream, ENT_QUEUE_CONSUMER, NULL, &je);
	if (s == NATS_OK) {
		bool same = ci->Config && ci->Config->AckWait == cc.AckWait &&
			    ci->Config->MaxDeliver == cc.MaxDeliver;
		jsConsumerInfo_Destroy(ci);
		ci = NULL;
		if (same)
			return ENT_OK;
		s = js_UpdateConsumer(&ci, c->js, stream, &cc, NULL, &je);
	} else if (s == NATS_NOT_FOUND || je == JSConsumerNotFoundErr) {
		je = 0;
		s = js_AddConsumer(&ci, c->js, stream, &cc, NULL, &je);
		if (s != NATS_OK && je == JSConsumerNameExistErr) /* another worker won the race */
			s = NATS_OK;
	}
	jsConsumerInfo_Destroy(ci);
	if (s != NATS_OK)
		return ent_error_set(err, ENT_EIO, "consumer %s of stream %s: %s", ENT_QUEUE_CONSUMER,
				      stream, ent_js_strerror(s, why, sizeof why));
	return ENT_OK;
}

int ent_queue_status_get(const char *url, const char *stream, ent_queue_status *out,
			 ent_error *err)
{
	ent_js c;
	memset(out, 0, sizeof *out);
	if (!stream)
		stream = ENT_QUEUE_STREAM;
	ent_js_subject(stream, out->subject, sizeof out->subject);
	int ret = ent_js_connect(&c, url, 0, err);
	if (ret)
		return ret;
	char why[256];
	jsStreamInfo *si = NULL;
	jsConsumerInfo *ci = NULL;
	jsErrCode je = 0;
	natsStatus s = js_GetStreamInfo(&si, c.js, stream, NULL, &je);
	if (s == NATS_OK) {
		out->stream_exists = true;
		out->messages = si->State.Msgs;
		out->bytes = si->State.Bytes;
		jsStreamInfo_Destroy(si);
		si = NULL;
	} else if (s != NATS_NOT_FOUND && je != JSStreamNotFoundErr) {
		ret = ent_error_set(err, ENT_EIO, "stream %s: %s", stream,
				     ent_js_strerror(s, why, sizeof why));
		goto done;
	}
	if (out->stream_exists) {
		je = 0;
		s = js_GetConsumerInfo(&ci, c.js, stream, ENT_QUEUE_CONSUMER, NULL, &je);
		if (s == NATS_OK) {
			out->consumer_exists = true;
			out->pending = ci->NumPending;
			out->ack_pending = ci->NumAckPending;
			out->redelivered = ci->NumRedelivered;
			out->waiting = ci->NumWaiting;
		} else if (s != NATS_NOT_FOUND && je != JSConsumerNotFoundErr) {
			ret = ent_error_set(err, ENT_EIO, "consumer %s: %s", ENT_QUEUE_CONSUMER,
					     ent_js_strerror(s, why, sizeof why));
			goto done;
		} else {
			out->pending = out->messages; /* no worker has started yet */
		}
	}
	je = 0;
	s = js_GetStreamInfo(&si, c.js, ENT_QUEUE_DEAD_STREAM, NULL, &je);
	if (s == NATS_OK) {
		out->dead_exists = true;
		out->dead = si->State.Msgs;
	} else if (s != NATS_NOT_FOUND && je != JSStreamNotFoundErr) {
		ret = ent_error_set(err, ENT_EIO, "stream %s: %s", ENT_QUEUE_DEAD_STREAM,
				     ent_js_strerror(s, why, sizeof why));
	}
done:
	jsStreamInfo_Destroy(si);
	jsConsumerInfo_Destroy(ci);
	ent_js_close(&c);
	return ret;
}
