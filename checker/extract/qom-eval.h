/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The interpreter of the QOM IR (docs/fragment-qom.md): values, the memory they live in,
 * and the execution of recorded functions.  qom.c builds types and classes on top. */
#ifndef VMSTATE_EXTRACT_QOM_EVAL_H
#define VMSTATE_EXTRACT_QOM_EVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "link.h"
#include "qom.h"

struct qagg;

enum qv_kind {
	QV_INT,       /* integers, and null pointers as 0 */
	QV_STR,       /* a pointer into a string */
	QV_PTR,       /* a pointer to element idx of agg */
	QV_SYM,       /* the address of a symbol that is not modelled as memory */
	QV_AGG,       /* a struct, array or class value */
	QV_UNKNOWN,   /* could not be evaluated: why, where */
};

struct qval {
	enum qv_kind kind;
	union {
		int64_t i;
		const char *s;
		struct { struct qagg *agg; size_t idx; } p;
		struct { const struct vx_def *def; const char *name; } sym;
		struct qagg *agg;
		struct { const char *why; const char *loc; } u;
	};
};

enum qagg_kind { QAGG_STRUCT, QAGG_ARRAY, QAGG_CLASS };

/* An aggregate: its cells are named for structs ("member") and classes
 * ("Struct.member"), numbered for arrays. */
struct qagg {
	enum qagg_kind kind;
	bool missing_is_zero;    /* a member never given reads as 0 (C initializers) */
	size_t count, cap;
	const char **names;
	struct qval *cells;
	int type_index;          /* classes: the type they belong to */
};

struct qeval;

/* Hooks to qom.c: the built-in functions (type_register, casts, glib strings).
 * Returns false when NAME is not built in. */
typedef bool (*qeval_builtin_fn)(struct qeval *ev, const char *name,
				 const struct qval *args, size_t nargs, const char *loc,
				 struct qval *result);

/* What a name is to the built-ins: QEVAL_NOT_BUILTIN, a built-in without effect on
 * classes or types, or one that registers types.  Recorded bodies of built-ins are
 * never run, so they do not count when deciding whether a call may matter. */
enum qeval_builtin_kind { QEVAL_NOT_BUILTIN, QEVAL_BUILTIN, QEVAL_BUILTIN_REGISTERS };
typedef enum qeval_builtin_kind (*qeval_builtin_kind_fn)(const char *name);

struct qeval *qeval_new(const struct vx_program *prog, qeval_builtin_fn builtin,
			qeval_builtin_kind_fn builtin_kind, void *user);
void qeval_free(struct qeval *ev);
void *qeval_user(struct qeval *ev);
const struct vx_program *qeval_program(struct qeval *ev);

/* Memory owned by the evaluator, freed with it. */
void *qeval_alloc(struct qeval *ev, size_t size);
const char *qeval_strdup(struct qeval *ev, const char *s);
char *qeval_printf(struct qeval *ev, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct qval qv_int(int64_t i);
struct qval qv_unknown(struct qeval *ev, const char *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
struct qagg *qagg_new(struct qeval *ev, enum qagg_kind kind);
/* A deep copy (classes are copied from their parent's). */
struct qagg *qagg_copy(struct qeval *ev, const struct qagg *from);
/* The cell named NAME, created (0 or unknown, see missing_is_zero) when absent. */
struct qval *qagg_member(struct qeval *ev, struct qagg *agg, const char *name);
/* The cell named NAME or NULL. */
struct qval *qagg_find(struct qagg *agg, const char *name);
/* A fresh object holding V; the pointer to it. */
struct qval qeval_new_object(struct qeval *ev, struct qval v);

/* The value a pointer points to, or NULL when P is not a pointer to memory. */
struct qval *qv_deref(const struct qval *p);
/* Truth of V: 1, 0, or -1 when unknown. */
int qv_truth(const struct qval *v);

/* Calls the recorded function DEF (or a built-in) with ARGS. */
struct qval qeval_call_def(struct qeval *ev, const struct vx_def *def,
			   const struct qval *args, size_t nargs, const char *loc);
/* Runs the registration function SYMBOL of unit UNIT; false when it could not be run
 * to its end (why in *why). */
bool qeval_run(struct qeval *ev, const struct vx_unit *unit, const char *symbol,
	       const char **why, const char **where);

/* The class being initialized: stores to DeviceClass.vmsd that cannot be decided
 * make its vmsd unknown. */
void qeval_set_class(struct qeval *ev, struct qagg *klass);
/* Set while a registration function runs past a condition it cannot decide (an early
 * return it assumes not taken): why and where, else NULL. */
const char *qeval_condition(struct qeval *ev);
struct qagg *qeval_class(struct qeval *ev);

/* The state members, QOM_*_KEY: qom.h. */
extern const char *const qom_state_keys[QOM_STATE_KEY_COUNT];

/* Not migration state, but what tells whether a user can create the device
 * (-device): QEMU's device_class_init sets it true, sys-bus-device's class_init false.
 * Tracked apart from the state keys, so that code which may set it does not make a
 * class's vmsd unknown. */
#define QOM_USER_CREATABLE_KEY "DeviceClass.user_creatable"

/* Makes KLASS's user_creatable unknown: why, and where. */
void qagg_creatable_unknown(struct qeval *ev, struct qagg *klass, const char *loc,
			    const char *why);

/* Makes every state member of KLASS unknown: why, and where. */
void qagg_state_unknown(struct qeval *ev, struct qagg *klass, const char *loc,
			const char *why);

#endif
