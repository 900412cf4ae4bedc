#!/usr/bin/env python3
"""measure.py LABEL BYTES WORDS -- COMMAND...: runs COMMAND (its output discarded),
then prints one line of key=value figures: label, seconds (wall), mb_per_s and
words_per_s of BYTES/WORDS over that time, and peak_rss_mb of the command.
Used by the bench scripts so every program is measured the same way."""
import resource, subprocess, sys, time

label, nbytes, nwords = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
cmd = sys.argv[sys.argv.index("--") + 1:]
t0 = time.time()
rc = subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode
secs = time.time() - t0
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
print("label=%s rc=%d seconds=%.3f mb_per_s=%.3f words_per_s=%.0f peak_rss_mb=%.1f"
      % (label.replace(" ", "_"), rc, secs, nbytes / 1e6 / secs, nwords / secs, rss))
