/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the parts of the QOM evaluator share and nothing else sees: the evaluator's
 * state (qom-eval.c), the value model (qom-value.c) and the may-store analysis
 * (qom-matters.c). */
#ifndef VMSTATE_EXTRACT_QOM_INTERNAL_H
#define VMSTATE_EXTRACT_QOM_INTERNAL_H

#include <sys/types.h>
#include "../common/arena.h"
#include "qom-eval.h"
#include "qom-ir.h"

/* Pointer-keyed open hash table. */
struct ptr_map {
	const void **keys;
	void **values;
	size_t size, count;
};

struct qeval {
	const struct vx_program *prog;
	qeval_builtin_fn builtin;
	qeval_builtin_kind_fn builtin_kind;
	void *user;
	struct arena arena;          /* values and decoded IR */
	struct ptr_map data_roots;   /* DATA def -> root qagg */
	struct ptr_map functions;    /* FUNCTION json -> struct function_state */
	struct qagg *klass;
	const char *condition;       /* registrations from here on depend on it */
	unsigned depth;
	unsigned long steps;
};

/* The slot of KEY (created when CREATE), or NULL. */
void **ptr_map_slot(struct ptr_map *m, const void *key, bool create);
void ptr_map_free(struct ptr_map *m);

/* qom-value.c */
struct qval qv_ptr(struct qagg *agg, size_t idx);
struct qval copy_value(struct qeval *ev, struct qval v);
ssize_t qagg_index(const struct qagg *agg, const char *name);
size_t qagg_append(struct qeval *ev, struct qagg *a, const char *name, struct qval v);
size_t qagg_member_index(struct qeval *ev, struct qagg *agg, const char *name);

/* qom-matters.c: whether code may store migration state (a class member of
 * qom_state_keys), register a type, or run code that might.  Skipped code that cannot
 * is no loss. */
bool ir_is_state_store(const struct ir_node *lvalue);
/* The index in qom_state_keys of the member LVALUE stores to, or -1. */
int ir_state_key(const struct ir_node *lvalue);
/* The state members evaluating E may store, one bit per qom_state_keys index: a call
 * that may matter, or a registration, may store any of them. */
#define QOM_ALL_STATE_KEYS ((1u << QOM_STATE_KEY_COUNT) - 1)
unsigned ir_expr_keys(struct qeval *ev, const struct vx_unit *unit, const struct ir_node *e);
bool ir_expr_matters(struct qeval *ev, const struct vx_unit *unit, const struct ir_node *e);
bool ir_function_matters(struct qeval *ev, const struct vx_def *def);
/* Whether code may store DeviceClass.user_creatable (QOM_USER_CREATABLE_KEY), itself or
 * through what it calls (a call through a pointer may). */
bool ir_expr_sets_creatable(struct qeval *ev, const struct vx_unit *unit,
			    const struct ir_node *e);
bool ir_function_sets_creatable(struct qeval *ev, const struct vx_def *def);
/* What the evaluator knows of a recorded function: decoded only once it runs. */
struct function_state {
	int may_matter;              /* -1 not computed, 2 in progress, 0 or 1 */
	int may_set_creatable;       /* the same, for user_creatable */
	struct ir_function *decoded;
};

/* The state of DEF's function (qom-eval.c). */
struct function_state *qeval_function_state(struct qeval *ev, const struct vx_def *def);
/* FN of DEF, decoded once. */
struct ir_function *qeval_function(struct qeval *ev, const struct vx_def *def);

#endif
