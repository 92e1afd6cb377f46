"""The speed benchmarks (not part of the installed package).

``python -m benchmarks`` (``__main__``) is the one command for issue 10's targets: it times the
workloads of ``workloads`` with ``measure`` in the sections of ``suite``, prints the tables and
writes ``docs/performance.md``. ``bench_convert.py`` (demo and golden-corpus payloads, a short
reference stream) and ``bench_models.py`` (the wire models) are older scripts that still run on
their own; their last figures are in ``RESULTS.md``.
"""
