#!/usr/bin/env python3
"""Keystroke cost of the real ncurses front end, in a pseudo-terminal.

Usage: keys.py [--rows 24] [--cols 80] [--keys 1000,10000] [--late-steps 60]
               [--json FILE] -- INTAKE_COMMAND...

For each case the command is started in an 80x24 pty (TERM=xterm-256color),
driven to a question screen, then sent N navigation keys (Down and Up
alternately, the terminal's own key strings from terminfo), one at a time:
each key is written only after the previous key's frame has arrived (or 20 ms
passed without output), so every key is processed and drawn on its own, as
when a person types, and no burst coalescing hides the cost. Output is read
continuously so the pty never blocks. Then the program is quit (F10, then
Enter / y to confirm; SIGTERM, then SIGKILL, as fallbacks).

Cases under 5,000 keys are run 3 times and the median is kept.
The child's CPU time (user + system, from wait4's rusage) is compared with a
baseline session: the same command, the same navigation, 0 extra keys, kept
idle for as long as the keyed session spent on its keys (so whatever idle
time costs, if anything, is subtracted).

    ms/key = (cpu(keyed) - cpu(baseline)) / N

Cases: "early" = the first question screen after the start screens
(--early, default 5 x enter: start screen, intro, three notes, to the consent question), "late" = after --late-steps more
answers (--late-step, default "1,enter": option 1, next). Key specs are
comma-separated names (enter, up, down, pgup, f2, f10) or literal characters.

--profile early|late runs one keyed session and no baseline, for profiling
(--key-wait S: how long to wait for each key's frame, default 0.02 s; under
valgrind give 0.5 so that every key is drawn on its own, and run valgrind
with -q, so that its banner is not taken for the first frame; --mark CMD
runs CMD once the navigation is done, before the first counted key, e.g.
`callgrind_control -z` so that a late profile holds the keys alone and not
the 60 answers that led there; --settle S: after a key's first output, read
until S s pass with no output before the next key, so that a frame written
in pieces under valgrind is not followed by a key that coalesces with the
next one (the navigation's keys too, each waited for up to 2 s): with
--settle 0.1, frames == keys and the late case ends on the same question):
  keys.py --keys 5000 --profile early -- perf record -g -o keys.data intake run --ephemeral Prints one JSON object; ok=false with a
reason when the front end is not interactive (e.g. `intake run` not built yet).

--idle S measures an idle interview instead (issue 19: "an idle interview
uses no CPU"): on the start screen and on the first question, once the
screen is drawn and quiet, the CPU its threads use over S seconds with no
key pressed (each thread's /proc/PID/task/TID/schedstat, in nanoseconds;
the clock-tick figures of wait4 are too coarse for this) and the bytes it
writes (a redraw would write some). Prints one JSON object with a case each.
"""
import curses
import fcntl
import json
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time

ROWS, COLS = 24, 80


def keystr(cap, fallback):
    try:
        s = curses.tigetstr(cap)
        return s if s else fallback
    except curses.error:
        return fallback


class Session:
    def __init__(self, cmd, rows, cols):
        env = dict(os.environ, TERM="xterm-256color", LINES=str(rows), COLUMNS=str(cols), ESCDELAY="25")
        pid, fd = os.forkpty()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.execvpe(cmd[0], cmd, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.out = 0          # bytes read
        self.tail = b""       # last bytes of output (for error messages)
        self.status = None
        self.rusage = None

    def read(self, timeout):
        """Read what is available within `timeout` seconds; return bytes read."""
        n = 0
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return n
            r, _, _ = select.select([self.fd], [], [], left)
            if not r:
                return n
            try:
                b = os.read(self.fd, 65536)
            except OSError:
                b = b""
            if not b:
                self.reap(block=True)
                return n
            n += len(b)
            self.out += len(b)
            self.tail = (self.tail + b)[-4000:]
            return n if n else self.read(max(0.0, end - time.monotonic()))

    def first_output(self, limit):
        """Read until the program has written something (or `limit` s pass)."""
        end = time.monotonic() + limit
        while self.out == 0 and self.alive() and time.monotonic() < end:
            self.read(0.1)

    def quiesce(self, quiet=0.15, limit=5.0):
        """Read until no output for `quiet` seconds (or `limit` passed)."""
        end = time.monotonic() + limit
        while time.monotonic() < end and self.alive():
            if self.read(quiet) == 0:
                return

    def key(self, b, wait=0.02, settle=0.0):
        """Send one key and wait for its frame (some output), at most `wait` s;
        with `settle`, then read until `settle` s pass with no output (a frame
        that comes in pieces under valgrind is read whole before the next key)."""
        os.write(self.fd, b)
        got = self.read(wait)
        # take what else is ready right now without waiting
        while got and self.read(settle) > 0:
            pass
        return got > 0

    def alive(self):
        if self.status is not None:
            return False
        self.reap(block=False)
        return self.status is None

    def reap(self, block):
        if self.status is not None:
            return
        try:
            pid, st, ru = os.wait4(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return
        if pid:
            self.status, self.rusage = st, ru

    def quit(self, quit_keys):
        for k in quit_keys:
            if not self.alive():
                break
            os.write(self.fd, k)
            self.quiesce(0.2, 1.0)
        for sig, wait in ((signal.SIGTERM, 2.0), (signal.SIGKILL, 2.0)):
            if not self.alive():
                break
            os.kill(self.pid, sig)
            end = time.monotonic() + wait
            while time.monotonic() < end and self.alive():
                self.read(0.05)
        self.reap(block=True)
        try:
            os.close(self.fd)
        except OSError:
            pass
        return self.rusage.ru_utime + self.rusage.ru_stime


def run_case(cmd, prefix, nkeys, hold, K, rows, cols, key_wait=0.02, mark="", settle=0.0):
    """One session: navigate with `prefix`, send nkeys (or stay idle `hold` s)."""
    s = Session(cmd, rows, cols)
    s.first_output(15.0)
    s.quiesce(0.3, 10.0)
    if not s.alive() or s.out == 0:
        raise RuntimeError("no first frame: " + s.tail[-300:].decode("utf-8", "replace"))
    for k in prefix:
        if settle:
            # each key's frame waited for, then read whole: under valgrind
            # "1" and Enter read in one burst are a paste, and the walk
            # ends on another question
            s.key(k, 2.0, settle)
        else:
            s.key(k, 0.05)
            s.quiesce(0.03, 2.0)
    s.quiesce(0.3, 5.0)
    if not s.alive():
        raise RuntimeError("exited during navigation: " + s.tail[-300:].decode("utf-8", "replace"))
    if mark:
        subprocess.run(mark, shell=True, check=True, stdout=subprocess.DEVNULL)
    t0 = time.monotonic()
    frames = 0
    if nkeys:
        for i in range(nkeys):
            frames += s.key(K["down"] if i % 2 == 0 else K["up"], key_wait, settle)
        s.quiesce(0.3, 10.0)
    else:
        end = t0 + hold
        while time.monotonic() < end:
            s.read(min(0.1, max(0.0, end - time.monotonic())))
        s.quiesce(0.3, 10.0)
    spent = time.monotonic() - t0
    if not s.alive():
        raise RuntimeError("exited during keys: " + s.tail[-300:].decode("utf-8", "replace"))
    cpu = s.quit([K["f10"], b"\r", b"y"])
    return {"cpu": cpu, "wall": spent, "frames": frames}


def thread_cpu_ns(pid):
    """CPU time so far of each of the process's threads, in ns, by thread id
    (the first field of schedstat: time spent running)."""
    times = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return times
    for t in tids:
        try:
            with open(f"/proc/{pid}/task/{t}/schedstat") as f:
                times[t] = int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    return times


def idle_case(cmd, prefix, seconds, rows, cols):
    """Navigate with `prefix`, wait until the screen is quiet, then measure
    what the program does over `seconds` with no key: CPU (threads alive at
    the end; a thread that ended in between was idle, a loading lane done)
    and output bytes."""
    s = Session(cmd, rows, cols)
    s.first_output(15.0)
    for k in prefix:
        s.key(k, 0.05)
        s.quiesce(0.03, 2.0)
    s.quiesce(1.0, 10.0)
    if not s.alive() or s.out == 0:
        raise RuntimeError("no screen to leave idle: " + s.tail[-300:].decode("utf-8", "replace"))
    before, out0, t0 = thread_cpu_ns(s.pid), s.out, time.monotonic()
    while time.monotonic() < t0 + seconds and s.alive():
        s.read(min(0.5, max(0.0, t0 + seconds - time.monotonic())))
    after = thread_cpu_ns(s.pid)
    if not s.alive():
        raise RuntimeError("exited while idle: " + s.tail[-300:].decode("utf-8", "replace"))
    cpu_ns = sum(v - before.get(t, 0) for t, v in after.items())
    wrote = s.out - out0
    s.quit([])
    return {"seconds": seconds, "cpu_ms": round(cpu_ns / 1e6, 3), "bytes_written": wrote,
            "threads": len(after), "threads_ended": len(set(before) - set(after))}


def main():
    a = sys.argv[1:]
    if "--" not in a:
        sys.exit(__doc__)
    k = a.index("--")
    opts, cmd = a[:k], a[k + 1:]
    o = {"--rows": "24", "--cols": "80", "--keys": "1000,10000", "--late-steps": "60", "--json": "", "--early": "enter,enter,enter,enter,enter", "--late-step": "1,enter", "--key-wait": "0.02"}
    for i in range(0, len(opts), 2):
        o[opts[i]] = opts[i + 1]
    rows, cols = int(o["--rows"]), int(o["--cols"])
    counts = [int(x) for x in o["--keys"].split(",") if x]
    os.environ["TERM"] = "xterm-256color"
    curses.setupterm("xterm-256color", sys.stdout.fileno() if sys.stdout.isatty() else os.open(os.devnull, os.O_WRONLY))
    K = {"down": keystr("kcud1", b"\x1bOB"), "up": keystr("kcuu1", b"\x1bOA"),
         "f10": keystr("kf10", b"\x1b[21~")}
    names = {"enter": b"\r", "down": K["down"], "up": K["up"], "f10": K["f10"],
             "pgup": keystr("kpp", b"\x1b[5~"), "f2": keystr("kf2", b"\x1bOQ")}

    def spec(t):
        return [names.get(x, x.encode()) for x in t.split(",") if x]
    # early: past the start screens to the first question (consent);
    # late: then --late-steps times the --late-step keys (option 1, next).
    early = spec(o["--early"])
    late = early + spec(o["--late-step"]) * int(o["--late-steps"])
    result = {"ok": False, "rows": rows, "cols": cols, "cases": []}
    if o.get("--idle"):
        try:
            for name, prefix in (("start screen", []), ("first question", early)):
                r = idle_case(cmd, prefix, float(o["--idle"]), rows, cols)
                result["cases"].append({"case": name, **r})
                print(f"idle: {name}: {r['cpu_ms']} ms CPU, {r['bytes_written']} bytes in {r['seconds']} s", file=sys.stderr)
            result["ok"] = True
        except Exception as e:  # noqa: BLE001 - any failure is reported as n/a
            result["error"] = str(e)
        text = json.dumps(result, indent=1)
        if o["--json"]:
            open(o["--json"], "w").write(text)
        print(text)
        return
    if o.get("--profile"):  # one keyed session only (e.g. under perf record), no baseline
        r = run_case(cmd, early if o["--profile"] == "early" else late, counts[-1], 0, K, rows, cols, float(o["--key-wait"]), o.get("--mark", ""),
                     float(o.get("--settle", "0")))
        print(json.dumps(r))
        return
    try:
        for name, prefix, ns in (("early", early, counts), ("late", late, counts[-1:])):
            for n in ns:
                # short cases are repeated (median of 3): their CPU time is small
                # next to the noise of a shared machine
                trials = []
                for _ in range(3 if n < 5000 else 1):
                    keyed = run_case(cmd, prefix, n, 0, K, rows, cols)
                    if keyed["frames"] == 0:
                        # e.g. a section note: the keys cost CPU but show nothing to compare
                        raise RuntimeError(f"{name}: no key drew a frame; the screen reached does not react to "
                                           "Down and Up (choose another --late-steps)")
                    base = run_case(cmd, prefix, 0, keyed["wall"], K, rows, cols)
                    trials.append(((keyed["cpu"] - base["cpu"]) / n * 1000.0, keyed, base))
                trials.sort(key=lambda t: t[0])
                per, keyed, base = trials[len(trials) // 2]
                result["cases"].append({"case": name, "keys": n, "ms_per_key": round(per, 4),
                                        "cpu_keyed_s": round(keyed["cpu"], 3), "cpu_base_s": round(base["cpu"], 3),
                                        "wall_keys_s": round(keyed["wall"], 2), "frames": keyed["frames"]})
                print(f"keys: {name} {n} keys: {per:.4f} ms/key (cpu {keyed['cpu']:.3f}s - base {base['cpu']:.3f}s, "
                      f"{keyed['frames']} frames, {keyed['wall']:.1f}s)", file=sys.stderr)
        result["ok"] = True
    except Exception as e:  # noqa: BLE001 - any failure is reported as n/a
        result["error"] = str(e)
        print(f"keys: n/a: {e}", file=sys.stderr)
    text = json.dumps(result, indent=1)
    if o["--json"]:
        open(o["--json"], "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
