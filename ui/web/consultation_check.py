"""The consultation's own document check in the web UI: uploads attached to it, its check's progress, and the result.

Uploads in the "Check on my documents" tab are attached to the consultation, so that "test the short list on my
documents" in the chat can plan and start the check (a job of the evaluation worker). A timer polls the check: the
panel under the answer shows its stage and progress, and once it is done the short list is re-ranked by its
measurements (``AdvisorService.apply_check``) and the answer card shows them.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.errors import AdvisorError, UnknownConsultationError
from ui.web import parts

if TYPE_CHECKING:
    from ui.web.app import WebUI

logger = logging.getLogger(__name__)
POLL_S = 1.5
CSS = """
#consultation-checks .panel {border: 1px dashed var(--border-color-primary); border-radius: 8px; padding: 6px 12px;}
#consultation-checks p {margin: 2px 0;} #consultation-checks progress {width: 100%; height: 12px;}
"""


def _e(value: Any) -> str:
    return html.escape(str(value))


def panel(documents: list[dict[str, Any]], checks: list[dict[str, Any]]) -> str:
    """HTML of the consultation's evidence: attached documents, and the latest check with its progress or scores."""
    if not documents and not checks:
        return ""
    lines = []
    if documents:
        lines.append(f"<p><b>Documents:</b> {len(documents)} document(s) attached to this consultation. Say <i>test "
                     "the short list on my documents</i> in the chat to measure the candidates on them.</p>")
    if checks:
        last = checks[-1]
        models = ", ".join(last.get("models") or [])
        status = last.get("status")
        label = f"quick MTEB ({last.get('suite')})" if last.get("kind") == "quick_mteb" else \
            f"the {last.get('probe')} probe"
        if last.get("kind") in ("quick_mteb", "probe") and status in ("pending", "running"):
            fraction = float(last.get("progress") or 0.0)
            lines.append(f"<p class='running'><b>Running:</b> {_e(label)} of {_e(models)}: "
                         f"{_e(last.get('stage') or 'waiting for the worker')} ({fraction:.0%})</p>"
                         f"<progress value='{fraction:.3f}' max='1'></progress>")
        elif last.get("kind") in ("quick_mteb", "probe"):
            from agent.evidence_tools import check_message

            lines.append(f"<p class='{'done' if status == 'done' else 'failed'}'>{_e(check_message(last))}</p>")
        elif status in ("pending", "running"):
            fraction = float(last.get("progress") or 0.0)
            stage = last.get("stage") or ("waiting for the worker" if status == "pending" else "starting")
            lines.append(f"<p class='running'><b>Running:</b> checking {_e(models)} on "
                         f"{last.get('n_documents', '?')} documents: "
                         f"{_e(stage)} ({fraction:.0%}; estimated {last.get('estimated_seconds', '?')} s in all)</p>"
                         f"<progress value='{fraction:.3f}' max='1'></progress>")
        elif status == "done":
            scores = ", ".join(f"{_e(m)} {f['ndcg_at_10']['mean']:.3f}"
                               for m, f in ((last.get("summary") or {}).get("models") or {}).items()
                               if f.get("status") == "ok")
            lines.append(f"<p class='done'><b>Check done</b> (job {_e(last['job_id'])}): nDCG@10 {scores}. The short "
                         "list above follows it.</p>")
        else:
            why = (last.get("error") or {}).get("message") or status
            lines.append(f"<p class='failed'><b>Check failed:</b> the check {_e(status)}: {_e(why)}</p>")
    return "<div class='panel'>" + "".join(lines) + "</div>"


def attach_uploads(ui: WebUI, files: list[str] | None, consultation_id: str | None,
                   request: Any = None) -> tuple[str, str | None]:
    """Attach the readable uploads to the consultation (started here if there is none yet); (panel, id).

    A file attached before (same name, same bytes) is not attached twice: Gradio hands over every file of the
    component on each upload.
    """
    import gradio as gr

    from ui.web.app import principal_of

    uploads = parts.sort_uploads(files or [], ui.max_total_bytes)
    if not uploads.ready:
        return gr.skip(), consultation_id
    service = ui.service
    try:
        if not consultation_id:
            consultation_id = service.start(None, principal=principal_of(request)).consultation_id
            ui.sessions.add(consultation_id, ui.owner(request))
        service.check_owner(consultation_id, principal_of(request))
        folder = service.evidence.documents_dir(consultation_id)
        for path in map(Path, uploads.ready):
            same = folder / path.name
            if same.is_file() and same.read_bytes() == path.read_bytes():
                continue
            service.evidence.attach_path(consultation_id, path)
    except (AdvisorError, OSError) as exc:
        gr.Warning(f"The documents could not be attached: {exc}")
        return gr.skip(), consultation_id
    return panel(service.evidence.documents(consultation_id), service.evidence.checks(consultation_id)), \
        consultation_id


def poll(ui: WebUI, consultation_id: str | None, history: list[Any] | None, views: int,
         request: Any = None) -> tuple[Any, ...]:
    """The timer's tick: the panel, and once the check is done the re-ranked answer (chat and every view)."""
    import gradio as gr

    from ui.web.app import principal_of

    skip = (gr.skip(),) * (views + 1)
    if not consultation_id:
        return ("", *skip)
    service = ui.service
    principal = principal_of(request)
    try:
        service.check_owner(consultation_id, principal)
        checks = service.evidence.checks(consultation_id)
        html_panel = panel(service.evidence.documents(consultation_id), checks)
        if not checks or checks[-1].get("status") != "done":
            return (html_panel, *skip)
        reply = service.apply_check(consultation_id, principal)
    except UnknownConsultationError:
        return ("", *skip)
    except AdvisorError as exc:
        logger.warning("polling the check of %s: %s", consultation_id, exc)
        return (gr.skip(), *skip)
    if reply is None:
        return (html_panel, *skip)
    history = [*(history or []), *parts.tool_messages(reply.tool_events),
               {"role": "assistant", "content": parts.no_remote_images(reply.text)}]
    return (html_panel, history, *ui._views(consultation_id, reply.profile, reply.provenance, reply.recommendation,
                                             ui.owner(request)))
