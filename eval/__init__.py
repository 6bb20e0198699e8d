"""Datasets → metrics → reports: retrieval, answers, refusals, privacy, latency."""
