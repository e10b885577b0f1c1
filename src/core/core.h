/*
 * core.h: allocation, arenas, growable buffers and string hash maps.
 *
 * The leaf of the library: libc only, no other module and not the public
 * header. Out-of-memory is decided here once (ent_xmalloc and friends print
 * and abort), so call sites never check for NULL (STYLE.md habit 9).
 */
#ifndef ENT_CORE_H
#define ENT_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *ent_xmalloc(size_t n);
void *ent_xcalloc(size_t n, size_t size);
void *ent_xrealloc(void *p, size_t n);
char *ent_xstrdup(const char *s);
char *ent_xstrndup(const char *s, size_t n);

/* Growable byte buffer. Its data may move on every append: never keep a
 * pointer into it across an append; keep offsets. Always NUL-terminated
 * once anything is appended (data may be NULL while empty). */
typedef struct ent_buf {
	char *data;
	size_t len;
	size_t cap;
} ent_buf;
#define ENT_BUF_INIT {NULL, 0, 0}

void ent_buf_grow(ent_buf *b, size_t extra);
void ent_buf_append(ent_buf *b, const void *p, size_t n);
void ent_buf_puts(ent_buf *b, const char *s);
void ent_buf_putc(ent_buf *b, char c);
void ent_buf_printf(ent_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ent_buf_clear(ent_buf *b);
void ent_buf_dispose(ent_buf *b);
/* Hands the bytes over to the caller (NUL-terminated, never NULL). */
char *ent_buf_detach(ent_buf *b);

/* Arena: bump allocation in chunks, freed in one call. Built with
 * -DENT_ARENA_MALLOC every allocation is its own malloc so that ASan and
 * valgrind see each one (STYLE.md habit 6). */
typedef struct ent_arena_chunk ent_arena_chunk;
typedef struct ent_arena {
	ent_arena_chunk *head;
	size_t chunk_size;
} ent_arena;
void ent_arena_init(ent_arena *a, size_t chunk_size);
void *ent_arena_alloc(ent_arena *a, size_t n);  /* zeroed, 8-aligned */
char *ent_arena_strndup(ent_arena *a, const char *s, size_t n);
void ent_arena_reset(ent_arena *a); /* frees all but keeps one chunk */
void ent_arena_dispose(ent_arena *a);

/* Growable array of fixed-size items: `ENT_VEC(T) v = {0}`. */
#define ENT_VEC(T) struct { T *items; size_t len, cap; }
#define ENT_VEC_PUSH(v, x)                                                  \
	do {                                                                \
		if ((v).len == (v).cap) {                                   \
			(v).cap = (v).cap ? (v).cap * 2 : 8;                \
			(v).items = ent_xrealloc((v).items,                 \
						 (v).cap * sizeof(*(v).items)); \
		}                                                           \
		(v).items[(v).len++] = (x);                                 \
	} while (0)
#define ENT_VEC_FREE(v) (free((v).items), (v).items = NULL, (v).len = (v).cap = 0)

/* FNV-1a, 64 bits. */
uint64_t ent_hash(const void *p, size_t n);
uint64_t ent_hash_add(uint64_t h, const void *p, size_t n);
#define ENT_HASH_SEED 1469598103934665603ULL

/* Open-addressing map from byte strings to a uint32 value. Keys are copied
 * into the map's own arena. */
typedef struct ent_map {
	struct ent_map_slot *slots;
	size_t cap, len;
	ent_arena keys;
} ent_map;
void ent_map_init(ent_map *m);
void ent_map_dispose(ent_map *m);
/* Returns a pointer to the value of key, inserting `dflt` if absent;
 * *added tells which (may be NULL). */
uint32_t *ent_map_put(ent_map *m, const char *key, size_t n, uint32_t dflt,
		      bool *added);
/* The value of key, or NULL. */
uint32_t *ent_map_get(const ent_map *m, const char *key, size_t n);
uint32_t *ent_map_get_h(const ent_map *m, uint64_t h, const char *key, size_t n);

/* SHA-256 of n bytes as 64 lowercase hex digits plus NUL. */
void ent_sha256_hex(const void *p, size_t n, char out[65]);

/* Dates "YYYY", "YYYY-MM", "YYYY-MM-DD": parse into parts (0 when absent).
 * Returns the number of parts (1-3), 0 when not a date. */
int ent_date_parse(const char *s, size_t n, int *y, int *m, int *d);
int ent_days_in_month(int y, int m);

#endif
