"""The viewer window (Qt). Everything here draws; the data it shows comes from core."""

import os

# Qt's raster engine hands every fill taller than ~96 lines to a pool of threads and waits
# for them: on a machine with few cores, waking the threads costs more than the fill. A
# list's 700-pixel scroll bar took 1.07 ms to paint that way, 0.09 ms without the pool,
# and a search keystroke on 50,000 entries went from p95 10.6 ms to 8.8 ms (measured with
# benchmarks/bench_search_window.py). Qt reads the variable once, when it first needs
# the pool (QThreadPoolPrivate::qtGuiInstance), so setting it here, before anything of
# this package paints, is in time for the window, the tests and the benchmarks alike.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
