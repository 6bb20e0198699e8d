"""The faces agents, maintainers and client programs use: the CLI, the chat page and its rendering, the HTTP API
(and its OpenAI-compatible routes and access control), and process logging. They call the pipeline; no stage imports
them."""
