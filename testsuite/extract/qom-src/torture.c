/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shapes of C that class_init and registration functions seldom use but may: the
 * recorder must translate them or record an unknown, never fail or change the build. */
#include <stdarg.h>
#include "qom-like.h"

typedef struct { unsigned int v[8]; } OddState;

static const VMStateDescription vmstate_odd = {
	.name = "odd", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_UINT32_ARRAY(OddState, v, 8), F_END() },
};

static int sum(int n, ...)
{
	va_list ap;
	int s = 0;
	va_start(ap, n);
	while (n-- > 0)
		s += va_arg(ap, int);
	va_end(ap);
	return s;
}

static void odd_class_init(ObjectClass *klass, const void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	int n = (int)(long)data, i;
	int vla[n + 1];
	static const void *targets[] = { &&one, &&two };
	double d = 1.5;

	for (i = 0; i <= n; i++)
		vla[i] = i * 2;
	switch (vla[n] & 3) {
	case 0 ... 1:
		dc->desc = "low";
		/* fall through */
	case 2:
		dc->user_creatable = d > 1.0;
		break;
	default:
		goto *targets[n & 1];
	}
	do {
		n = sum(3, n, 1, 2);
	} while (n < 10);
	dc->categories[0] |= 1UL << (n & 31);
	dc->vmsd = _Generic(n, int: &vmstate_odd, default: NULL);
	return;
one:
two:
	dc->vmsd = NULL;
}

static const TypeInfo odd_info = {
	.name = "odd", .parent = TYPE_DEVICE, .class_init = odd_class_init,
	.class_data = (void *)4L,
};

static void odd_register(void)
{
	type_register_static(&odd_info);
}
type_init(odd_register)
