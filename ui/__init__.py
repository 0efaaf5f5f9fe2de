"""Surfaces: command line, Gradio UI, REST API and Slack app."""
