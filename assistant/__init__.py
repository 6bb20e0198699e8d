"""Question → retrieval → prompt → generation → verified answer; the CLI and the Gradio page."""
