"""The consultation graph, built by a factory around whatever chat model it is given (None = offline).

Offline::

    START -> understand | ask
    understand -> decide -> lookup | recommend | ask
    lookup -> decide
    recommend -> explain -> ask -> wait (interrupt) -> understand

LLM mode adds the tool-calling answerer: ``decide -> agent -> tools (ToolNode) -> agent -> decide``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from langgraph.graph import START, StateGraph

from agent import nodes
from agent.state import AdvisorInput, AdvisorState

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langgraph.checkpoint.base import BaseCheckpointSaver
    from langgraph.graph.state import CompiledStateGraph


def build_graph(llm: BaseChatModel | None, tools: Sequence[Any] | None = None,
                checkpointer: BaseCheckpointSaver | None = None) -> CompiledStateGraph:
    """Compile the consultation graph.

    Args:
        llm: the chat model, or None for the offline interviewer (rule-based understanding, templated replies).
        tools: the LangChain tools (default: ``tools.langchain_tools.langchain_tools()``); offline mode calls the same
            functions directly.
        checkpointer: where consultations are saved; ``interrupt`` needs one, plus a thread id per consultation.

    Returns:
        The compiled graph; run it with ``durability="sync"`` so no answered turn is lost in a crash.
    """
    if tools is None:
        from tools.langchain_tools import langchain_tools

        tools = langchain_tools()
    graph = StateGraph(AdvisorState, input_schema=AdvisorInput)
    graph.add_node("decide", nodes.decide)
    if llm is None:
        graph.add_node("lookup", nodes.make_lookup(tools))
    else:
        from agent.llm_phrasing import deferring_acknowledgements

        graph.add_node("lookup", deferring_acknowledgements(nodes.make_lookup(tools)))
    graph.add_node("recommend", nodes.recommend)
    if llm is None:
        graph.add_node("ask", nodes.ask)
    else:
        from agent.llm_phrasing import make_ask_llm

        graph.add_node("ask", make_ask_llm(llm))  # the same decisions, phrased by the model
    graph.add_node("wait", nodes.wait)
    routes = ["lookup", "recommend", "ask"]
    if llm is None:
        graph.add_node("understand", nodes.understand_offline)
        graph.add_node("explain", nodes.explain_offline)
    else:
        from langgraph.prebuilt import ToolNode
        from langgraph.prebuilt.tool_node import ToolInvocationError

        from agent import llm_nodes
        from knowledge.errors import ServiceUnavailableError, ToolInputError

        graph.add_node("understand", llm_nodes.make_understand_llm(llm))
        graph.add_node("explain", llm_nodes.make_explain_llm(llm))
        graph.add_node("agent", llm_nodes.make_agent(llm, tools))
        # ToolInvocationError (arguments the tool's schema rejects) is a malformed call: shown to the model too, and
        # so is a service a tool needed being down (Milvus, an embedding endpoint): the model tells the user.
        graph.add_node("tools", ToolNode(tools, handle_tool_errors=(ToolInputError, ServiceUnavailableError,
                                                                    ToolInvocationError),
                                         messages_key="scratch", wrap_tool_call=llm_nodes.timed_tool_call))
        graph.add_conditional_edges("agent", llm_nodes.route_agent, ["tools", "decide"])
        graph.add_edge("tools", "agent")
        routes.append("agent")
    graph.add_conditional_edges(START, nodes.route_start, ["understand", "ask"])
    graph.add_edge("understand", "decide")
    graph.add_conditional_edges("decide", nodes.route, routes)
    graph.add_edge("lookup", "decide")
    graph.add_edge("recommend", "explain")
    graph.add_edge("explain", "ask")
    graph.add_edge("ask", "wait")
    graph.add_edge("wait", "understand")
    return graph.compile(checkpointer=checkpointer)
