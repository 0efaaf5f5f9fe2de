"""Capabilities over the knowledge, each a plain function and also a LangChain tool."""
