"""The Slack app: each Slack thread is one consultation."""
