// SPDX-License-Identifier: GPL-2.0-or-later
/* The start-up queue behind type_init(): constructors fill it, main() runs it. */
#include "qemu/osdep.h"
#include "qemu/module.h"

struct module_entry {
	void (*fn)(void);
	struct module_entry *next;
};

/* Per kind, in registration order. */
static struct module_entry *heads[MODULE_INIT_MAX];
static struct module_entry **tails[MODULE_INIT_MAX];

void register_module_init(void (*fn)(void), module_init_type type)
{
	struct module_entry *e = vsrc_alloc0(sizeof(*e));

	e->fn = fn;
	if (!tails[type])
		tails[type] = &heads[type];
	*tails[type] = e;
	tails[type] = &e->next;
}

void module_call_init(module_init_type type)
{
	struct module_entry *e;

	for (e = heads[type]; e; e = e->next)
		e->fn();
}
