"""The web UI: a Gradio chat with the advisor, the profile as it fills in, the short list, and document checks."""

from __future__ import annotations

import json
import logging
import shutil
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.errors import AdvisorError
from knowledge.settings import DataLayout
from tools.documents.uploads import sanitise_filename
from ui.web import parts

if TYPE_CHECKING:
    import gradio as gr

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
CSS = ".eval-message p, .upload-message p {font-weight: 600}"


class WebUI:
    """The callbacks of the page: each one calls the service or the evaluation tool and formats the answer."""

    def __init__(self, service: AdvisorService, max_total_bytes: int = MAX_TOTAL_BYTES) -> None:
        """Bind the callbacks to a service; ``max_total_bytes`` caps one upload batch."""
        self.service = service
        self.data_dir = service.settings.data_dir
        self.max_total_bytes = max_total_bytes

    # -- the consultation ---------------------------------------------------------------------------------
    def _report_files(self, consultation_id: str, rec: dict[str, Any] | None) -> tuple[Path | None, Path | None]:
        if not rec:
            return None, None
        from tools.rank.report import render_markdown

        folder = DataLayout(self.data_dir).reports / consultation_id
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"embedding-advisor-{consultation_id}"
        md, js = folder / f"{stem}.md", folder / f"{stem}.json"
        md.write_text(render_markdown(rec), encoding="utf-8")
        js.write_text(json.dumps(rec, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
        return md, js

    def _views(self, consultation_id: str, profile: dict[str, Any], provenance: dict[str, str],
               rec: dict[str, Any] | None) -> tuple[Any, ...]:
        """Everything beside the chat: profile, short list, charts, downloads, candidates, the resume list."""
        import gradio as gr

        md, js = self._report_files(consultation_id, rec)
        choices, ticked = parts.candidate_choices(rec)
        return (consultation_id, parts.profile_rows(profile, provenance), parts.recommendation_rows(rec),
                parts.quality_cost_chart(rec), parts.factor_chart(rec),
                gr.DownloadButton(value=str(md) if md else None, interactive=md is not None),
                gr.DownloadButton(value=str(js) if js else None, interactive=js is not None),
                gr.CheckboxGroup(choices=choices, value=ticked),
                gr.Dropdown(choices=parts.consultation_choices(self.service.list()), value=consultation_id))

    def new(self) -> tuple[Any, ...]:
        """Start a consultation; the advisor greets and asks its first question."""
        reply = self.service.start()
        history = [{"role": "assistant", "content": reply.text}]
        return (history, *self._views(reply.consultation_id, reply.profile, reply.provenance, reply.recommendation))

    def respond(self, text: str, consultation_id: str, history: list[Any]) -> tuple[Any, ...]:
        """Send one message; tool calls appear as collapsible messages before the advisor's answer."""
        import gradio as gr

        try:
            reply = self.service.send(consultation_id, text)
        except AdvisorError as exc:
            gr.Warning(str(exc))
            return (text, history, *[gr.skip()] * 9)
        history = [*history, {"role": "user", "content": text}, *parts.tool_messages(reply.tool_events),
                   {"role": "assistant", "content": reply.text}]
        return ("", history, *self._views(reply.consultation_id, reply.profile, reply.provenance,
                                          reply.recommendation))

    def resume(self, consultation_id: str | None) -> tuple[Any, ...]:
        """Show an earlier consultation as it stands, ready to continue."""
        import gradio as gr

        if not consultation_id:
            return tuple([gr.skip()] * 10)
        try:
            state = self.service.state(consultation_id)
        except AdvisorError as exc:
            gr.Warning(str(exc))
            return tuple([gr.skip()] * 10)
        return (parts.transcript_messages(state),
                *self._views(consultation_id, state.profile, state.provenance, state.recommendation))

    # -- the document check -------------------------------------------------------------------------------
    def check_files(self, files: list[str] | None) -> str:
        """Say at once what is wrong with an upload (or what will be evaluated)."""
        import gradio as gr

        problem = parts.check_uploads(files or [], self.max_total_bytes)
        if problem:
            gr.Warning(problem)
            return f"⚠️ {problem}"
        return f"{len(files or [])} file(s) ready: pick candidates and run the check."

    def run_check(self, files: list[str] | None, models: list[str] | None,
                  progress: Any = None) -> tuple[str, list[list[Any]], str]:
        """Copy the uploads into the data dir and evaluate the ticked candidates on them."""
        import gradio as gr

        from tools.evaluation.retrieval_check import EvalRequest, run_retrieval_check

        problem = parts.check_uploads(files or [], self.max_total_bytes) or (
            None if models else "Tick at least one candidate.")
        if problem:
            gr.Warning(problem)
            return f"⚠️ {problem}", [], ""
        run_id = uuid.uuid4().hex[:12]
        corpus = DataLayout(self.data_dir).uploads / run_id
        corpus.mkdir(parents=True)
        taken: set[str] = set()
        for path in files or []:
            shutil.copy(path, corpus / sanitise_filename(Path(path).name, taken))
        settings = self.service.settings
        request = EvalRequest(corpus=corpus, models=list(models or []),
                              out_dir=DataLayout(self.data_dir).checks / run_id,
                              data_dir=self.data_dir, milvus_uri=settings.milvus_uri,
                              milvus_token=settings.milvus_token, openai_base_url=settings.embeddings_base_url,
                              openai_api_key=settings.embeddings_api_key)
        report = progress or (lambda *a, **k: None)
        try:
            results = run_retrieval_check(request, parts.progress_callback(request.models, report))
        except (AdvisorError, OSError, RuntimeError, ValueError) as exc:
            logger.warning("document check %s failed: %s", run_id, exc)
            gr.Warning(f"The check failed: {exc}")
            return f"⚠️ The check failed: {exc}", [], ""
        return f"Checked {len(results['models'])} candidate(s).", parts.eval_rows(results), parts.eval_summary(results)


def build_app(service: AdvisorService, max_total_bytes: int = MAX_TOTAL_BYTES) -> gr.Blocks:
    """The page, wired to a service (nothing starts until it is launched)."""
    import gradio as gr

    ui = WebUI(service, max_total_bytes)
    with gr.Blocks(title="embedding-advisor", analytics_enabled=False) as demo:  # no telemetry calls
        gr.Markdown(f"# embedding-advisor\nLLM mode: **{service.mode}**", elem_id="mode")
        consultation = gr.State()
        with gr.Row():
            earlier = gr.Dropdown(label="Resume an earlier consultation", choices=[], scale=4, elem_id="resume")
            new_btn = gr.Button("New consultation", scale=1, elem_id="new-consultation")
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Consultation", height=480, elem_id="chat")
                with gr.Row():
                    box = gr.Textbox(show_label=False, placeholder="Your answer ...", scale=5, elem_id="message")
                    send_btn = gr.Button("Send", variant="primary", scale=1, elem_id="send")
                gr.Examples(EXAMPLES, inputs=box, label="Example answers")
            with gr.Column(scale=2):
                profile = gr.Dataframe(headers=parts.PROFILE_HEADERS, label="Requirement profile",
                                       interactive=False, elem_id="profile")
        with gr.Tab("Recommendation"):
            recs = gr.Dataframe(headers=parts.REC_HEADERS, label="Short list", interactive=False,
                                elem_id="recommendation")
            with gr.Row():
                chart = gr.Plot(label="Quality against monthly cost (Pareto front in red)", elem_id="quality-chart")
                factors = gr.Plot(label="Factors of the top 3", elem_id="factor-chart")
            with gr.Row():
                md_btn = gr.DownloadButton("Download report (Markdown)", interactive=False, elem_id="download-md")
                js_btn = gr.DownloadButton("Download report (JSON)", interactive=False, elem_id="download-json")
        with gr.Tab("Check on my documents"):
            files = gr.File(label="Documents", file_count="multiple", elem_id="uploads")
            upload_msg = gr.Markdown(elem_classes="upload-message", elem_id="upload-message")
            models = gr.CheckboxGroup(label="Candidates", choices=parts.EXTRA_CANDIDATES,
                                      value=parts.OFFLINE_CANDIDATES, elem_id="candidates")
            run_btn = gr.Button("Run the check", variant="primary", elem_id="run-check")
            eval_msg = gr.Markdown(elem_classes="eval-message", elem_id="eval-message")
            eval_table = gr.Dataframe(headers=parts.EVAL_HEADERS, label="Results (nDCG@10 with its 95% interval)",
                                      interactive=False, elem_id="eval-results")
            eval_notes = gr.Markdown(elem_id="eval-notes")

        views = [consultation, profile, recs, chart, factors, md_btn, js_btn, models, earlier]
        demo.load(ui.new, outputs=[chat, *views])
        new_btn.click(ui.new, outputs=[chat, *views])
        for trigger in (box.submit, send_btn.click):
            trigger(ui.respond, inputs=[box, consultation, chat], outputs=[box, chat, *views])
        earlier.input(ui.resume, inputs=earlier, outputs=[chat, *views])
        files.upload(ui.check_files, inputs=files, outputs=upload_msg)
        files.clear(lambda: "", outputs=upload_msg)

        def run_check(paths: list[str] | None, picked: list[str] | None,
                      progress: gr.Progress = gr.Progress()) -> tuple[str, list[list[Any]], str]:  # noqa: B008
            return ui.run_check(paths, picked, progress)

        run_btn.click(run_check, inputs=[files, models], outputs=[eval_msg, eval_table, eval_notes])
    return demo


def launch_app(service: AdvisorService, host: str = "127.0.0.1", port: int = 7860, block: bool = True,
               max_file_bytes: int = MAX_FILE_BYTES, max_total_bytes: int = MAX_TOTAL_BYTES) -> gr.Blocks:
    """Build and serve the page; uploads over ``max_file_bytes`` each are refused by the server.

    Args:
        service: the consultation service (its data dir holds reports and uploads).
        host: interface to bind.
        port: TCP port.
        block: False returns at once, the server running in a thread (tests).
        max_file_bytes: per-file upload limit, enforced by Gradio.
        max_total_bytes: limit on one batch of uploads, enforced by the check.
    """
    demo = build_app(service, max_total_bytes)
    demo.launch(server_name=host, server_port=port, prevent_thread_lock=not block, max_file_size=max_file_bytes,
                allowed_paths=[str(service.settings.layout.reports)], show_error=False, css=CSS)
    return demo
