# SPDX-License-Identifier: GPL-2.0-or-later
# A plain Makefile for the example tree, used by testsuite/diff/run-tests.sh to show
# vmstate-diff on a make-built tree whose compilation database bear records.
OBJDIR ?= obj
SRCS := vl.c $(sort $(wildcard hw/*/*.c migration/*.c qom/*.c util/*.c subprojects/*/*.c))
OBJS := $(SRCS:%.c=$(OBJDIR)/%.o)
CFLAGS := -std=c11 -D_GNU_SOURCE -O2 -Wall -Iinclude

$(OBJDIR)/vmstate-src: $(OBJS)
	$(CC) -o $@ $^

$(OBJDIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@
