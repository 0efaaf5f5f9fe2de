"""The web UI: a Gradio chat with the advisor, the profile, the short list and document checks."""
