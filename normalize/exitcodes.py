"""The exit codes of the ``normalize`` command.

0 success; 1 some input lines could not be processed (reported, passed through or skipped); 2
usage, input or table error; 3 a file could not be read or written (disk full, read-only folder);
130 interrupted (SIGINT or SIGTERM).
"""

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_IO = 3
EXIT_INTERRUPTED = 130
