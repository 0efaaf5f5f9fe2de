"""The advisor agent: requirement profile, graph, interviewer, LLM factory and the service facade."""
