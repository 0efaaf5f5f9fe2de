"""Who is asking: the owner every consultation, document set and evaluation job is stored under."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Principal:
    """An API token (``token:<digest>``), a Slack user (``slack:<team>:<user>``), a web-UI user (``web:<name>``).

    ``local`` is the one user of a machine without sign-in (the CLI, ``serve --no-auth``, the UI on loopback).
    An admin sees and lists everything; anyone else only what they own (others' ids answer "not found").
    """

    id: str
    admin: bool = False

    def can_see(self, owner: str | None) -> bool:
        """Whether this principal may read or change something stored under ``owner``."""
        return self.admin or (owner is not None and owner == self.id)


LOCAL = Principal("local")
OPERATOR = Principal("local", admin=True)  # the CLI on the server's own machine: every consultation
