/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A program that keeps its own data in section .vmstate_fragment. */
__attribute__ ((section (".vmstate_fragment"))) const char d[] = "x";

int
main (void)
{
	return d[0] != 'x';
}
