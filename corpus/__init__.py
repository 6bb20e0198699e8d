"""Official sources → documents: pinned npm packages, DILA vosdroits XML, travail-emploi, Légifrance."""
