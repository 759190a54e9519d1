"""Reproducible measurements. Each figure is printed next to a raw floor measured in the
same run, because these machines are noisy and only ratios are stable."""
