/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A program whose top-level asm writes to section .vmstate_fragment. */
__asm__ (".pushsection .vmstate_fragment,\"a\"\n\t.byte 1\n\t.popsection");

int
main (void)
{
	return 0;
}
