"""The web UI: the answer on top, a chat with the advisor, the short list and its charts, and document checks."""

from __future__ import annotations

import json
import logging
import shutil
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agent.principal import LOCAL, Principal
from knowledge.errors import AdvisorError, SettingsError
from knowledge.settings import DataLayout
from tools.documents.uploads import sanitise_filename
from ui.web import charts, consultation_check, parts, summary
from ui.web.check_run import CheckRun, outcome_line, stage_line
from ui.web.sessions import WebConsultations
from ui.web.streaming import streamed

if TYPE_CHECKING:
    import gradio as gr

    from agent.replies import Reply
    from agent.service import AdvisorService

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
EXAMPLES = [
    "legal contracts in Chinese and English, 20 pages each, 200k docs",
    "a T4, data must stay on prem",
    "support tickets in English, about 300 words each, 1M tickets, 50k queries a month",
    "just recommend",
]
CSS = summary.CARD_CSS + """
#eval-message .warn, #upload-message .warn {font-weight: 600; color: var(--color-accent);}
#eval-message p, #upload-message p {margin: 2px 0;}
#eval-message progress {width: 100%; height: 12px;}
#upload-message ul.files {max-height: 180px; overflow-y: auto; margin: 4px 0;}
#title h2 {margin: 0;} #title p {margin: 0; font-size: 0.85em; opacity: 0.8;}
#quality-chart img, #factor-chart img, #check-chart img {max-width: 100%; height: auto;}
""" + consultation_check.CSS
N_VIEWS = 12  # outputs of WebUI._views
URL_JS = """(id) => { const u = new URL(window.location.href);
  if (id) { u.searchParams.set('c', id); } else { u.searchParams.delete('c'); }
  window.history.replaceState(null, '', u); return []; }"""
UI_AUTH_VAR = "ADVISOR_UI_AUTH"


def check_ui_startup(ui_auth: str | None, host: str) -> list[tuple[str, str]] | None:
    """The sign-ins (user, password) of ``ADVISOR_UI_AUTH`` ("ann:pw,bob:pw"; ``Settings.ui_auth``), or None.

    Raises:
        SettingsError: a malformed entry, or no sign-in on a host other than loopback (like ``serve``).
    """
    from ui.api.security import is_loopback

    pairs: list[tuple[str, str]] = []
    for entry in (e.strip() for e in (ui_auth or "").split(",") if e.strip()):
        user, sep, password = entry.partition(":")
        if not sep or not user.strip() or not password:
            raise SettingsError(f"{UI_AUTH_VAR}: expected user:password entries separated by commas, got "
                                f"{user.strip()[:40]!r} without a password")
        pairs.append((user.strip(), password))
    if pairs:
        if any(len(p) < 12 for _, p in pairs):
            logger.warning("%s: some passwords are short (under 12 characters): easy to guess", UI_AUTH_VAR)
        return pairs
    if not is_loopback(host):
        raise SettingsError(f"the web UI on {host!r} would let anyone on the network in: set {UI_AUTH_VAR}="
                            "user:password[,user2:password2] for a sign-in, or bind 127.0.0.1")
    return None


def principal_of(request: Any) -> Principal:
    """The signed-in user of a Gradio request (``web:<name>``), or the machine's one user without sign-in."""
    name = getattr(request, "username", None) if request is not None else None
    return Principal(f"web:{name}") if name else LOCAL


def opening_text() -> str:
    """The advisor's greeting and first question, shown before anything is stored."""
    from agent.interviewer import question, t
    from agent.state import next_field

    return f"{t('greeting', 'en')}\n\n{question(next_field({}, {}) or 'domain', 'en')}"


class WebUI:
    """The callbacks of the page: each one calls the service or the evaluation tool and formats the answer."""

    def __init__(self, service: AdvisorService, max_total_bytes: int = MAX_TOTAL_BYTES) -> None:
        """Bind the callbacks to a service; ``max_total_bytes`` caps one upload batch."""
        self.service = service
        self.data_dir = service.settings.data_dir
        self.max_total_bytes = max_total_bytes
        self.sessions = WebConsultations(DataLayout(self.data_dir).web_consultations)
        self._runs: dict[str, CheckRun] = {}
        self._runs_lock = threading.Lock()

    @staticmethod
    def owner(request: Any = None) -> str | None:
        """The signed-in user, once sign-in exists (Gradio puts it on ``request.username``); None until then."""
        return getattr(request, "username", None) or None

    def _report_files(self, consultation_id: str | None,
                      rec: dict[str, Any] | None) -> tuple[Path | None, Path | None]:
        if not rec or not consultation_id:
            return None, None
        from tools.rank.report import render_markdown

        folder = DataLayout(self.data_dir).reports / consultation_id
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"embedding-advisor-{consultation_id}"
        md, js = folder / f"{stem}.md", folder / f"{stem}.json"
        md.write_text(render_markdown(rec), encoding="utf-8")
        js.write_text(json.dumps(rec, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
        return md, js

    def earlier_choices(self, owner: str | None = None) -> list[tuple[str, str]]:
        """The consultations this page started (for this user, once sign-in exists), newest first."""
        mine = self.sessions.ids(owner)
        return parts.consultation_choices([s for s in self.service.list(limit=1000) if s.consultation_id in mine])

    def _views(self, consultation_id: str | None, profile: dict[str, Any], provenance: dict[str, str],
               rec: dict[str, Any] | None, owner: str | None = None) -> tuple[Any, ...]:
        """Everything beside the chat: card, profile, short list, charts, report, downloads, candidates, list."""
        import gradio as gr

        md, js = self._report_files(consultation_id, rec)
        choices, ticked = parts.candidate_choices(rec)
        return (consultation_id, summary.summary_card(rec, profile), parts.profile_rows(profile, provenance),
                parts.recommendation_rows(rec), charts.quality_chart(rec), charts.chart_caption(rec),
                charts.factor_chart(rec),
                summary.details_markdown(rec),
                gr.DownloadButton(value=str(md) if md else None, interactive=md is not None),
                gr.DownloadButton(value=str(js) if js else None, interactive=js is not None),
                gr.CheckboxGroup(choices=choices, value=ticked),
                gr.Dropdown(choices=self.earlier_choices(owner), value=consultation_id))

    def new(self, request: Any = None) -> tuple[Any, ...]:
        """A fresh page: the advisor greets and asks; nothing is stored until the user answers."""
        history = [{"role": "assistant", "content": opening_text()}]
        return (history, *self._views(None, {}, {}, None, self.owner(request)))

    def load(self, request: Any = None) -> tuple[Any, ...]:
        """On load: the consultation the URL names (``?c=<id>``) if this page started it, else a fresh one."""
        import gradio as gr

        wanted = (getattr(request, "query_params", None) or {}).get("c")
        if wanted:
            if self.sessions.owns(wanted, self.owner(request)):
                return self.resume(wanted, request)
            gr.Warning(f"No consultation {wanted!r} here; starting a new one.")
        return self.new(request)

    def respond(self, text: str, consultation_id: str | None, history: list[Any],
                request: Any = None) -> Iterator[tuple[Any, ...]]:
        """Send one message: shown at once with a pending step, then the tool calls (done, timed) and the answer.

        The first message starts the consultation (and names it in the resume list).
        """
        import gradio as gr

        skip = [gr.skip()] * N_VIEWS
        if not (text or "").strip():
            return
        pending = gr.ChatMessage(role="assistant", content="Reading your answer and running the tools …",
                                 metadata={"title": "Working", "status": "pending"})
        yield ("", [*history, {"role": "user", "content": text}, pending], *skip)
        owner = self.owner(request)
        principal = principal_of(request)

        def turn(on_partial: Any = None) -> Reply:
            if consultation_id:
                return self.service.send(consultation_id, text, principal=principal, on_partial=on_partial)
            return self.service.start(text, principal=principal, on_partial=on_partial)

        try:
            if self.service.llm is None:  # offline a turn takes a fraction of a second: no tokens to stream
                reply = turn()
            else:
                shown = [*history, {"role": "user", "content": parts.no_remote_images(text)}]
                for partial in streamed(turn):
                    if isinstance(partial, str):
                        yield ("", [*shown, pending, {"role": "assistant", "content": parts.no_remote_images(partial)}],
                               *skip)  # the pending step stays until the tools' calls replace it
                    else:
                        reply = partial
            if not consultation_id:
                self.sessions.add(reply.consultation_id, owner)
        except AdvisorError as exc:
            gr.Warning(str(exc))
            yield (text, history, *skip)
            return
        history = [*history, {"role": "user", "content": parts.no_remote_images(text)},
                   *parts.tool_messages(reply.tool_events),
                   {"role": "assistant", "content": parts.no_remote_images(reply.text)}]
        yield ("", history, *self._views(reply.consultation_id, reply.profile, reply.provenance,
                                         reply.recommendation, owner))

    def resume(self, consultation_id: str | None, request: Any = None) -> tuple[Any, ...]:
        """Show an earlier consultation as it stands, ready to continue."""
        import gradio as gr

        if not consultation_id:
            return tuple([gr.skip()] * (N_VIEWS + 1))
        owner = self.owner(request)
        try:
            if not self.sessions.owns(consultation_id, owner):
                raise AdvisorError(f"No consultation {consultation_id!r} here.")
            state = self.service.state(consultation_id, principal=principal_of(request))
        except AdvisorError as exc:
            gr.Warning(str(exc))
            return tuple([gr.skip()] * (N_VIEWS + 1))
        return (parts.transcript_messages(state),
                *self._views(consultation_id, state.profile, state.provenance, state.recommendation, owner))

    def edit_profile(self, table: Any, consultation_id: str, history: list[Any],
                     request: Any = None) -> tuple[Any, ...]:
        """Apply the values edited in the profile table (provenance "edited"); a bad value is refused by name."""
        import gradio as gr

        if not consultation_id:
            return tuple([gr.skip()] * (N_VIEWS + 1))
        owner, principal = self.owner(request), principal_of(request)
        try:
            state = self.service.state(consultation_id, principal=principal)
        except AdvisorError as exc:
            gr.Warning(str(exc))
            return tuple([gr.skip()] * (N_VIEWS + 1))
        changes = parts.edited_values(table, state.profile)
        if not changes:
            return tuple([gr.skip()] * (N_VIEWS + 1))
        try:
            reply = self.service.edit_profile(consultation_id, changes, principal=principal)
        except AdvisorError as exc:
            gr.Warning(str(exc))
            return (history, *self._views(consultation_id, state.profile, state.provenance, state.recommendation,
                                          owner))
        history = [*history, {"role": "assistant", "content": reply.text}]
        return (history, *self._views(consultation_id, reply.profile, reply.provenance, reply.recommendation, owner))

    # -- the document check -------------------------------------------------------------------------------
    def upload_note(self, files: list[str] | None) -> str:
        """The note under the uploads, recomputed whenever the files change (so warnings follow them)."""
        return parts.upload_summary(files or [], self.max_total_bytes)

    def cancel_check(self, request: Any = None) -> Any:
        """Stop this page's running check at its next step."""
        import gradio as gr

        with self._runs_lock:
            run = self._runs.get(getattr(request, "session_hash", None) or "-")
        if run is not None:
            run.cancel()
        return gr.Button(interactive=False)

    def _request(self, ready: list[str], models: list[str]) -> Any:
        from tools.evaluation.retrieval_check import EvalRequest

        run_id = uuid.uuid4().hex[:12]
        corpus = DataLayout(self.data_dir).uploads / run_id
        corpus.mkdir(parents=True)
        taken: set[str] = set()
        for path in ready:
            shutil.copy(path, corpus / sanitise_filename(Path(path).name, taken))
        settings = self.service.settings
        return EvalRequest(corpus=corpus, models=list(models), out_dir=DataLayout(self.data_dir).checks / run_id,
                           data_dir=self.data_dir, milvus_uri=settings.milvus_uri,
                           milvus_token=settings.milvus_token, openai_base_url=settings.embeddings_base_url,
                           openai_api_key=settings.embeddings_api_key)

    def run_check(self, files: list[str] | None, models: list[str] | None, history: list[Any] | None = None,
                  request: Any = None) -> Iterator[tuple[Any, ...]]:
        """Evaluate the ticked candidates on the readable uploads, showing each stage as it happens.

        Yields (status HTML, results table, notes, nDCG chart, report download, queries download, run button,
        cancel button, chat history). Run is disabled and Cancel enabled while the check runs.
        """
        import gradio as gr

        from ui.web.check_run import run_keeping_queries

        history = list(history or [])
        idle = (gr.Button(interactive=True), gr.Button(interactive=False))
        uploads = parts.sort_uploads(files or [], self.max_total_bytes)
        problem = uploads.problem or (None if models else "Tick at least one candidate.")
        if not problem:
            try:  # the signed-in user's disk quota, as for API callers (ADVISOR_QUOTA_MB)
                self.service.check_quota(principal_of(request))
            except AdvisorError as exc:
                problem = str(exc)
        if problem:
            gr.Warning(problem)
            yield (_status(f"⚠️ {problem}", warn=True), [], "", gr.Plot(value=None, visible=False), gr.skip(),
                   gr.skip(), *idle, gr.skip())
            return
        request_ = self._request(uploads.ready, list(models or []))
        skipped = (f"Skipped {len(uploads.skipped)}: " + "; ".join(f"{n} ({w})" for n, w in uploads.skipped) + ". "
                   if uploads.skipped else "")
        run = CheckRun(run_keeping_queries, request_)
        key = getattr(request, "session_hash", None) or "-"
        with self._runs_lock:
            self._runs[key] = run
        busy = (gr.Button(interactive=False), gr.Button(interactive=True))
        stages: list[str] = []
        try:
            yield (_status(f"⏳ {skipped}Reading {len(uploads.ready)} file(s) and writing test queries …", 0.0),
                   [], "", gr.Plot(value=None, visible=False), gr.skip(), gr.skip(), *busy, gr.skip())
            for event in run.events():
                if run.cancelled.is_set():
                    yield (_status("⏳ Cancelling: the check stops after its current step …", None), gr.skip(),
                           gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.Button(interactive=False),
                           gr.Button(interactive=False), gr.skip())
                    continue
                if event is None:
                    continue
                line, overall = stage_line(event[0], event[1], len(request_.models), request_.models)
                stages.append(event[0])
                yield (_status(skipped + line, overall), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(),
                       *busy, gr.skip())
        except GeneratorExit:  # the page was closed or reloaded mid-check: stop the work too
            run.cancel()
            raise
        finally:
            with self._runs_lock:
                if self._runs.get(key) is run:
                    del self._runs[key]
        run.join()
        if run.cancelled.is_set() and run.results is None:
            yield (_status("Cancelled: the check was stopped; nothing was kept.", warn=True), [], "",
                   gr.Plot(value=None, visible=False),
                   gr.DownloadButton(value=None, interactive=False), gr.DownloadButton(value=None, interactive=False),
                   *idle, gr.skip())
            return
        if run.error is not None or run.results is None:
            failure = run.error
            logger.warning("document check failed: %s", failure)
            message = f"The check failed: {failure}" if isinstance(failure, AdvisorError | OSError | ValueError) else (
                "The check failed; see the server log.")
            gr.Warning(message)
            yield (_status(f"⚠️ {message}", warn=True), [], "", gr.Plot(value=None, visible=False), gr.skip(),
                   gr.skip(), *idle, gr.skip())
            return
        results = run.results
        out = request_.out_dir
        outcome = skipped + outcome_line(results)
        report, queries = out / "report.md", out / "queries.jsonl"
        history.append({"role": "assistant", "content": check_chat_message(results, outcome)})
        yield (_status(outcome, warn="failed" in outcome), parts.eval_rows(results), parts.eval_summary(results),
               gr.Plot(value=(figure := charts.ndcg_chart(results)), visible=figure is not None),
               gr.DownloadButton(value=str(report) if report.exists() else None, interactive=report.exists()),
               gr.DownloadButton(value=str(queries) if queries.exists() else None, interactive=queries.exists()),
               *idle, history)


def _status(text: str, fraction: float | None = None, warn: bool = False) -> str:
    """The check's status line as HTML, with a progress bar while it runs."""
    import html

    bar = f"<progress value='{fraction:.3f}' max='1'></progress>" if fraction is not None else ""
    return f"<p class='{'warn' if warn else ''}'>{html.escape(text)}</p>{bar}"


def check_chat_message(results: dict[str, Any], outcome: str) -> str:
    """The check's result as a chat message, so it sits in the conversation beside the short list."""
    lines = [f"**Check on your documents:** {outcome}"]
    ok = {s: f for s, f in results["models"].items() if f.get("status") == "ok"}
    for spec in sorted(ok, key=lambda s: -ok[s]["metrics"]["ndcg_at_10"]["mean"]):
        m = ok[spec]["metrics"]["ndcg_at_10"]
        lines.append(f"- {spec}: nDCG@10 {m['mean']:.3f} (95% CI {m['ci95'][0]:.3f}-{m['ci95'][1]:.3f})")
    from ui.web.check_run import caveats

    lines += [f"- ⚠️ {c}" for c in caveats(results)[:1]]
    return "\n".join(lines)


def build_app(service: AdvisorService, max_total_bytes: int = MAX_TOTAL_BYTES) -> gr.Blocks:
    """The page, wired to a service (nothing starts until it is launched)."""
    import gradio as gr

    ui = WebUI(service, max_total_bytes)
    with gr.Blocks(title="embedding-advisor", analytics_enabled=False) as demo:  # no telemetry calls
        consultation = gr.Textbox(visible=False, elem_id="consultation-id")  # a Textbox: the URL script reads it
        gr.Markdown(f"## embedding-advisor\nWhich embedding model for your RAG system · LLM mode: **{service.mode}**",
                    elem_id="title")
        with gr.Row():
            earlier = gr.Dropdown(label="Resume an earlier consultation", choices=[], elem_id="resume", scale=4,
                                  min_width=200)
            new_btn = gr.Button("New consultation", scale=1, min_width=110, size="sm", elem_id="new-consultation")
        card = gr.HTML(summary.summary_card(None), elem_id="summary-card")
        checks_panel = gr.HTML(elem_id="consultation-checks")  # attached documents, the check's progress
        with gr.Row():
            with gr.Column(scale=3, min_width=320):
                chat = gr.Chatbot(label="Consultation", height=420, elem_id="chat")
                with gr.Row():
                    box = gr.Textbox(show_label=False, placeholder="Your answer ...", scale=5, elem_id="message")
                    send_btn = gr.Button("Send", variant="primary", scale=1, min_width=80, elem_id="send")
                gr.Examples(EXAMPLES, inputs=box, label="Example answers")
            with gr.Column(scale=2, min_width=280):
                profile = gr.Dataframe(headers=parts.PROFILE_HEADERS, label="Requirement profile (edit a value)",
                                       interactive=True, static_columns=[0, 2], type="array", elem_id="profile")
        with gr.Tab("Short list"):
            recs = gr.Dataframe(headers=parts.REC_HEADERS, label="Short list", interactive=False,
                                elem_id="recommendation", wrap=True, column_widths=parts.REC_WIDTHS)
            gr.Markdown(parts.SCORE_NOTE, elem_id="score-note")
            with gr.Row():
                with gr.Column(min_width=320):
                    chart = gr.Plot(show_label=False, elem_id="quality-chart")
                    caption = gr.Markdown(elem_id="chart-caption")
                factors = gr.Plot(show_label=False, elem_id="factor-chart", min_width=320)
            with gr.Row():
                md_btn = gr.DownloadButton("Download report (Markdown)", interactive=False, elem_id="download-md")
                js_btn = gr.DownloadButton("Download report (JSON)", interactive=False, elem_id="download-json")
        with gr.Tab("Full report"):
            details = gr.Markdown(summary.details_markdown(None), elem_id="details")
        with gr.Tab("Check on my documents"):
            files = gr.File(label="Documents", file_count="multiple", height=150, elem_id="uploads")
            upload_msg = gr.HTML(elem_id="upload-message")
            models = gr.CheckboxGroup(label="Candidates", choices=parts.EXTRA_CANDIDATES,
                                      value=parts.OFFLINE_CANDIDATES, elem_id="candidates")
            with gr.Row():
                run_btn = gr.Button("Run the check", variant="primary", elem_id="run-check")
                cancel_btn = gr.Button("Cancel", variant="stop", interactive=False, elem_id="cancel-check")
            eval_msg = gr.HTML(elem_id="eval-message")
            eval_chart = gr.Plot(show_label=False, visible=False, elem_id="check-chart")  # shown with results
            eval_table = gr.Dataframe(headers=parts.EVAL_HEADERS, label="Results (nDCG@10 with its 95% interval)",
                                      interactive=False, elem_id="eval-results")
            eval_notes = gr.Markdown(elem_id="eval-notes")
            with gr.Row():
                check_md = gr.DownloadButton("Download the check's report", interactive=False,
                                             elem_id="download-check")
                check_queries = gr.DownloadButton("Download its queries", interactive=False,
                                                  elem_id="download-queries")

        # Gradio hands a gr.Request only to a parameter annotated with it (resolved at run time, hence the dicts).
        def load(request):
            return ui.load(request)

        def new(request):
            return ui.new(request)

        def respond(text, consultation_id, history, request):
            yield from ui.respond(text, consultation_id, history, request)

        def resume(consultation_id, request):
            return ui.resume(consultation_id, request)

        def run_check(paths, picked, history, request):
            yield from ui.run_check(paths, picked, history, request)

        def cancel_check(request):
            return ui.cancel_check(request)

        def edit_profile(table, consultation_id, history, request):
            return ui.edit_profile(table, consultation_id, history, request)

        def attach(paths, consultation_id, request):
            return consultation_check.attach_uploads(ui, paths, consultation_id, request)

        def poll(consultation_id, history, request):
            return consultation_check.poll(ui, consultation_id, history, N_VIEWS, request)

        for fn in (load, new, respond, resume, run_check, cancel_check, edit_profile, attach, poll):
            fn.__annotations__ = {"request": gr.Request}

        views = [consultation, card, profile, recs, chart, caption, factors, details, md_btn, js_btn, models, earlier]
        demo.load(load, outputs=[chat, *views]).then(None, inputs=consultation, js=URL_JS)
        new_btn.click(new, outputs=[chat, *views]).then(None, inputs=consultation, js=URL_JS)
        for trigger in (box.submit, send_btn.click):
            trigger(respond, inputs=[box, consultation, chat], outputs=[box, chat, *views],
                    show_progress="hidden").then(None, inputs=consultation, js=URL_JS)
        earlier.input(resume, inputs=earlier, outputs=[chat, *views]).then(None, inputs=consultation, js=URL_JS)
        files.change(ui.upload_note, inputs=files, outputs=upload_msg, show_progress="hidden")
        # Uploads join the consultation ("test the short list on my documents"); a timer follows its check.
        files.upload(attach, inputs=[files, consultation], outputs=[checks_panel, consultation],
                     show_progress="hidden").then(None, inputs=consultation, js=URL_JS)
        gr.Timer(consultation_check.POLL_S).tick(poll, inputs=[consultation, chat],
                                                 outputs=[checks_panel, chat, *views], show_progress="hidden")
        run_btn.click(run_check, inputs=[files, models, chat],
                      outputs=[eval_msg, eval_table, eval_notes, eval_chart, check_md, check_queries, run_btn,
                               cancel_btn, chat], show_progress="hidden")
        cancel_btn.click(cancel_check, outputs=cancel_btn, show_progress="hidden")
        profile.input(edit_profile, inputs=[profile, consultation, chat], outputs=[chat, *views])
    return demo


def launch_app(service: AdvisorService, host: str = "127.0.0.1", port: int = 7860, block: bool = True,
               max_file_bytes: int = MAX_FILE_BYTES, max_total_bytes: int = MAX_TOTAL_BYTES,
               auth: list[tuple[str, str]] | None = None) -> gr.Blocks:
    """Build and serve the page; uploads over ``max_file_bytes`` each are refused by the server.

    Args:
        service: the consultation service (its data dir holds reports and uploads).
        host: interface to bind.
        port: TCP port.
        block: False returns at once, the server running in a thread (tests).
        max_file_bytes: per-file upload limit, enforced by Gradio.
        max_total_bytes: limit on one batch of uploads, enforced by the check.
        auth: (user, password) sign-ins (``check_ui_startup``); each user sees only their own consultations.
    """
    demo = build_app(service, max_total_bytes)
    layout = service.settings.layout
    demo.launch(server_name=host, server_port=port, prevent_thread_lock=not block, max_file_size=max_file_bytes,
                auth=auth, allowed_paths=[str(layout.reports), str(layout.checks)], show_error=False, css=CSS)
    return demo
