"""Optional integrations: ``pandas``, ``spark`` (PySpark) and ``spacy``. Each imports its engine
only when used; install them with ``pip install "normalize[pandas]"`` (or ``[spark]``, ``[spacy]``)."""
