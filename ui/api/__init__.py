"""The REST API: routes, request/response schemas, security guards and streamed uploads."""
