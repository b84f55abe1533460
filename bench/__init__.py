"""Benchmarks (make bench): not timed tests, figures printed for the README."""
