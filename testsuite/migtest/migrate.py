#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Migrate a paused VM from one QEMU binary to another and say what the destination did.

    migrate.py SRC_QEMU DEST_QEMU MACHINE WORKDIR [-L DIR ...]

Both run with TCG, small RAM and no default devices; the destination waits with
-incoming on a unix socket, the source migrates to it (QMP "migrate"), and the result
is the destination's own: "loads" when its incoming migration completes and it stays
alive, "fails" when it refuses the stream (it exits, or reports the migration failed).
Prints one JSON object: {"result": "loads"|"fails", "reason": "...", "source": "..."}.
Exit status 0 when the migration ran to a result, 1 when the test could not run.
"""
import json
import os
import socket
import subprocess
import sys
import time

TIMEOUT = 60


class Qmp:
    def __init__(self, path, proc):
        deadline = time.monotonic() + TIMEOUT
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"QEMU exited ({proc.returncode}) before its QMP socket came up")
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no QMP socket at {path}")
                time.sleep(0.05)
        self.sock.settimeout(TIMEOUT)
        self.buf = b""
        self.read()  # greeting
        self.cmd("qmp_capabilities")

    def read(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("QMP connection closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def cmd(self, name, **args):
        msg = {"execute": name}
        if args:
            msg["arguments"] = args
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        while True:
            reply = self.read()
            if "event" in reply:
                continue
            if "error" in reply:
                raise RuntimeError(f"{name}: {reply['error'].get('desc')}")
            return reply["return"]


def start(qemu, machine, work, role, firmware, extra):
    qmp = os.path.join(work, f"{role}.qmp")
    if os.path.exists(qmp):
        os.unlink(qmp)
    err = open(os.path.join(work, f"{role}.err"), "w")
    args = [qemu, *firmware, "-M", machine, "-m", "64", "-nodefaults", "-display", "none",
            "-accel", "tcg", "-qmp", f"unix:{qmp},server=on,wait=off", *extra]
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=err, stderr=err)
    return proc, qmp


def stderr_of(work, role):
    with open(os.path.join(work, f"{role}.err")) as f:
        return " ".join(line.strip() for line in f if line.strip())


def run(src_qemu, dest_qemu, machine, work, firmware):
    os.makedirs(work, exist_ok=True)
    sock = os.path.join(work, "stream.sock")
    if os.path.exists(sock):
        os.unlink(sock)
    dest, dest_qmp_path = start(dest_qemu, machine, work, "dest", firmware,
                                ["-incoming", f"unix:{sock}"])
    src, src_qmp_path = start(src_qemu, machine, work, "source", firmware, ["-S"])
    try:
        dest_qmp = Qmp(dest_qmp_path, dest)
        src_qmp = Qmp(src_qmp_path, src)
        src_qmp.cmd("migrate", uri=f"unix:{sock}")
        deadline = time.monotonic() + TIMEOUT
        while True:
            status = src_qmp.cmd("query-migrate").get("status")
            if status in ("completed", "failed", "cancelled"):
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"source migration still '{status}' after {TIMEOUT} s")
            time.sleep(0.05)
        source_status = status
        # The destination decides: it either finishes loading or gives up (and exits,
        # since it was started with -incoming and nothing else to run).
        while True:
            if dest.poll() is not None:
                return {"result": "fails", "reason": stderr_of(work, "dest")
                        or f"destination exited with status {dest.returncode}",
                        "source": source_status}
            try:
                incoming = dest_qmp.cmd("query-migrate").get("status")
                run_state = dest_qmp.cmd("query-status").get("status")
            except (RuntimeError, OSError):
                continue  # it is going away: the next poll() says how
            if incoming == "failed":
                return {"result": "fails", "reason": stderr_of(work, "dest") or "incoming migration failed",
                        "source": source_status}
            if incoming == "completed" and run_state != "inmigrate":
                return {"result": "loads", "reason": f"destination {run_state}",
                        "source": source_status}
            if time.monotonic() > deadline:
                raise RuntimeError(f"destination still loading after {TIMEOUT} s")
            time.sleep(0.05)
    finally:
        for proc in (src, dest):
            if proc.poll() is None:
                proc.kill()
            proc.wait()


def main():
    if len(sys.argv) < 5:
        sys.stderr.write(__doc__)
        return 1
    src_qemu, dest_qemu, machine, work = sys.argv[1:5]
    firmware = sys.argv[5:]
    try:
        result = run(src_qemu, dest_qemu, machine, work, firmware)
    except RuntimeError as e:
        sys.stderr.write(f"migrate.py: error: {e} (logs in {work})\n")
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
