"""Attaching received files to a consultation: the checks every surface shares (API upload, Slack, terminal).

The files arrive already on local disk (a staging folder the surface filled); here each is checked like an
evaluation upload (type, size, emptiness, binary content, the consultation's total), given a safe unique name and
moved into the consultation's documents. ``strict`` refuses the whole batch when one file is bad (the API's 422);
otherwise the bad ones are skipped and named (a chat surface says what it left out).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.errors import InputFileError

if TYPE_CHECKING:
    from agent.evidence import ConsultationEvidence

logger = logging.getLogger(__name__)


@dataclass
class Attached:
    """What an attach did: the names the files were stored under, and each skipped file with the reason."""

    attached: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def attach_files(evidence: ConsultationEvidence, consultation_id: str, files: list[tuple[str, Path]], *,
                 max_file_bytes: int, max_total_bytes: int, strict: bool = False) -> Attached:
    """Check ``files`` (name as sent, local path) and move the good ones into the consultation's documents.

    Args:
        evidence: where consultations keep their documents.
        consultation_id: the consultation.
        files: (name as the user sent it, where it lies now); the paths are moved, not copied.
        max_file_bytes: the per-file limit.
        max_total_bytes: the limit on all of the consultation's documents together (those attached before included).
        strict: refuse every file when one is bad (nothing is attached) instead of skipping the bad ones.

    Raises:
        InputFileError: ``strict`` and a file is refused (its content, or the total); the message names each one.
    """
    from tools.documents.file_readers import check_file, upload_name
    from tools.documents.uploads import sanitise_filename

    existing = evidence.documents(consultation_id)
    taken = {d["name"] for d in existing}
    total = sum(d["bytes"] for d in existing)
    result, accepted = Attached(), []
    for name, path in files:
        shown = upload_name(name)
        try:
            check_file(path, shown, max_file_bytes)
        except InputFileError as exc:
            result.skipped.append(str(exc))
            continue
        size = path.stat().st_size
        if total + size > max_total_bytes:
            result.skipped.append(f"{shown}: the consultation's documents would be over the {max_total_bytes:,}-byte "
                                  "total limit")
            continue
        total += size
        accepted.append((path, sanitise_filename(name, taken)))
    if strict and result.skipped:
        raise InputFileError("; ".join(result.skipped))
    target = evidence.documents_dir(consultation_id)
    target.mkdir(parents=True, exist_ok=True)
    for path, stored in accepted:
        path.replace(target / stored)
        result.attached.append(stored)
    if result.skipped:
        logger.info("attach to %s: %d files skipped", consultation_id, len(result.skipped))
    return result
