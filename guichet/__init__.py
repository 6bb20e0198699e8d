"""Guichet: shared configuration and logging for the pipeline stages."""
