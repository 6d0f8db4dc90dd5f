"""Optional integrations: ``pandas``, ``spark`` (PySpark) and ``spacy``. Each imports its engine
only when used; install them with ``pip install "normalize-names[pandas]"`` (or ``[spark]``, ``[spacy]``;
from a checkout ``pip install ".[pandas]"``)."""
