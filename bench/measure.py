#!/usr/bin/env python3
"""measure.py LABEL BYTES WORDS -- COMMAND...: runs COMMAND (its output discarded),
then prints one line of key=value figures: label, seconds (wall), cpu_seconds
(user + system of the command and its children), mb_per_s and words_per_s of
BYTES/WORDS over the wall time, mb_per_cpu_s and words_per_cpu_s over the CPU
time, and peak_rss_mb of the command. Used by the bench scripts so every
program is measured the same way. On a shared machine the CPU-time figures are
the steadier per-core measure (a program pinned to one core that waits for it
is not charged for the wait); the wall-clock ones show scaling across cores."""
import resource, subprocess, sys, time

label, nbytes, nwords = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
cmd = sys.argv[sys.argv.index("--") + 1:]
t0 = time.time()
rc = subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode
secs = time.time() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = ru.ru_utime + ru.ru_stime
rss = ru.ru_maxrss / 1024.0
print("label=%s rc=%d seconds=%.3f cpu_seconds=%.3f mb_per_s=%.3f words_per_s=%.0f mb_per_cpu_s=%.3f "
      "words_per_cpu_s=%.0f peak_rss_mb=%.1f"
      % (label.replace(" ", "_"), rc, secs, cpu, nbytes / 1e6 / secs, nwords / secs, nbytes / 1e6 / cpu,
         nwords / cpu, rss))
