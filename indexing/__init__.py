"""Documents → chunks → FAISS + BM25 + manifest, and the hybrid search over them."""
