/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "progress.h"
#include "util.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct {
	bool quiet, terminal, shown;
	double start, last_draw;
	char who[64], phase[32];
	size_t done, total, next_line;
} p;

void vd_progress_init(bool quiet)
{
	p.quiet = quiet;
	p.terminal = !quiet && isatty(2);
	p.start = vd_now();
}

bool vd_progress_quiet(void)
{
	return p.quiet;
}

static void draw(bool force)
{
	double t = vd_now();
	if (!force && t - p.last_draw < 0.1)
		return;
	p.last_draw = t;
	if (p.total)
		fprintf(stderr, "\r\033[Kvmstate-diff: %s: %s %zu/%zu, %.1f s", p.who, p.phase, p.done,
			p.total, t - p.start);
	else
		fprintf(stderr, "\r\033[Kvmstate-diff: %s: %s, %.1f s", p.who, p.phase, t - p.start);
	fflush(stderr);
	p.shown = true;
}

static void line(void)
{
	if (p.total)
		fprintf(stderr, "vmstate-diff: %s: %s %zu/%zu, %.1f s\n", p.who, p.phase, p.done,
			p.total, vd_now() - p.start);
	else
		fprintf(stderr, "vmstate-diff: %s: %s, %.1f s\n", p.who, p.phase, vd_now() - p.start);
}

void vd_progress_phase(const char *who, const char *phase, size_t total)
{
	if (p.quiet)
		return;
	snprintf(p.who, sizeof p.who, "%s", who);
	snprintf(p.phase, sizeof p.phase, "%s", phase);
	p.done = 0;
	p.total = total;
	p.next_line = total / 10;
	fflush(stdout);
	if (p.terminal)
		draw(true);
	else
		line();
}

void vd_progress_step(void)
{
	if (p.quiet)
		return;
	p.done++;
	if (p.terminal) {
		draw(p.done == p.total);
	} else if (p.total >= 20 && p.done >= p.next_line && p.done < p.total) {
		line();
		p.next_line += p.total / 10;
	}
}

void vd_progress_tick(void)
{
	if (p.terminal && p.shown)
		draw(false);
}

void vd_progress_clear(void)
{
	if (p.terminal && p.shown) {
		fputs("\r\033[K", stderr);
		p.shown = false;
	}
}
