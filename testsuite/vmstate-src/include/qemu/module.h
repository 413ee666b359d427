/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Start-up registration of init functions, under QEMU's names: type_init(fn) makes a
 * constructor that queues fn; main() later runs the queue with module_call_init(). */
#ifndef VSRC_MODULE_H
#define VSRC_MODULE_H

typedef enum {
	MODULE_INIT_MIGRATION,
	MODULE_INIT_QOM,
	MODULE_INIT_MAX
} module_init_type;

void register_module_init(void (*fn)(void), module_init_type type);
void module_call_init(module_init_type type);

#define module_init(function, type)                                     \
	static void __attribute__((constructor)) do_qemu_init_##function(void) \
	{                                                               \
		register_module_init(function, type);                   \
	}

#define type_init(function) module_init(function, MODULE_INIT_QOM)

#endif
