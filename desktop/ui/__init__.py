"""The viewer window (Qt). Everything here draws; the data it shows comes from core."""

import os

# Qt's raster engine hands every fill taller than ~96 lines to a pool of threads and waits
# for them: on a machine with few cores, waking the threads costs more than the fill (a
# list's scroll bar painted ten times faster without the pool, and search keystrokes on
# big briefings got faster: benchmarks/bench_search_window.py). Qt reads the variable
# once, when it first needs
# the pool (QThreadPoolPrivate::qtGuiInstance), so setting it here, before anything of
# this package paints, is in time for the window, the tests and the benchmarks alike.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
