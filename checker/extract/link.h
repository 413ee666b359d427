/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The linked program: every fragment read from the inputs, and symbol resolution across
 * them as the linker does it (docs/fragment-format.md, "Symbols and locations").
 * Implemented by link.c; used by the dump writer and by the QOM evaluator (qom.h). */
#ifndef VMSTATE_EXTRACT_LINK_H
#define VMSTATE_EXTRACT_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>

/* One translation unit's fragment. */
struct vx_unit {
	const char *input;   /* the file it was read from, for messages */
	const char *id;      /* "unit"."id" */
	const char *source;  /* "unit"."source" */
	json_t *fragment;    /* the whole parsed fragment (owned by the program) */
};

/* What kind of definition a symbol names, by where the fragment lists it. */
enum vx_def_kind {
	VX_DEF_VMSTATE,   /* "vmstates"[] */
	VX_DEF_INFO,      /* "infos"[] */
	VX_DEF_FUNCTION,  /* "qom"."functions"[] */
	VX_DEF_DATA,      /* "qom"."data"[] */
};

/* One definition of a symbol. */
struct vx_def {
	const struct vx_unit *unit;
	enum vx_def_kind kind;
	const char *symbol;
	bool global;          /* "linkage": "global" */
	json_t *json;         /* the definition's object inside unit->fragment */
};

struct vx_program;

/* Resolves SYMBOL as referenced from unit FROM: FROM's own static definition first,
 * then the one global definition.  NULL when nothing defines it. */
const struct vx_def *vx_lookup(const struct vx_program *prog,
			       const struct vx_unit *from, const char *symbol);

/* The units of the program, in input order. */
size_t vx_unit_count(const struct vx_program *prog);
const struct vx_unit *vx_unit_at(const struct vx_program *prog, size_t i);

/* Like vx_lookup, for a definition of KIND: SYMBOL resolves as the linker does (FROM's
 * static, else the global), and that unit's definition of KIND is returned.  A symbol
 * can be listed under two kinds in one unit (one variable seen by two recorders);
 * vx_lookup then prefers the lower kind in enum order. */
const struct vx_def *vx_lookup_kind(const struct vx_program *prog,
				    const struct vx_unit *from, const char *symbol,
				    enum vx_def_kind kind);

/* Building the program (main.c, tests). */
struct vx_program *vx_program_new(void);
/* Adds FRAGMENT (as validated by fragment_parse; the program takes the reference), read
 * from INPUT.  A fragment equal to one already added (the same object given twice, or
 * an executable with its own objects) is dropped: returns NULL then. */
const struct vx_unit *vx_program_add(struct vx_program *prog, const char *input,
				     json_t *fragment);
/* Indexes every definition once all units are added, reporting two global definitions
 * of one symbol (and a unit id seen with two different fragments) on stderr with their
 * locations.  Returns how many problems were reported. */
unsigned vx_program_link(struct vx_program *prog);
void vx_program_free(struct vx_program *prog);

#endif
