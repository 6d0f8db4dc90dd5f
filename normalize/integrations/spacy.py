"""spaCy: a pipeline component that marks the mentions the rewrite pass finds.

Works on a blank pipeline, no downloaded model needed:

>>> import spacy
>>> nlp = spacy.blank("en")
>>> nlp.add_pipe("normalize_entities")
>>> doc = nlp("Svetlana Tikhanovskaya met Lukashenko's envoy in Grodno.")
>>> [(e.text, e.label_, e._.entity_id, e._.canonical) for e in doc.ents]

Each span in ``doc.ents`` gets the label PERSON, ORG or GPE, the entity id as its knowledge-base id
(``span.kb_id_``, which spaCy's entity linker, displaCy and the training tools read), and the
extension attributes ``entity_id``, ``canonical`` and ``normalize_score``. Entities already in ``doc.ents`` (from a
statistical model earlier in the pipeline) are kept where they do not overlap ours; with
``overwrite=True`` ours win.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resolver import Normalizer
from ..rewrite import Rewriter

LABELS = {"person": "PERSON", "organization": "ORG", "place": "GPE"}

for _attr in ("entity_id", "canonical", "normalize_score"):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)


class NormalizeEntities:
    """The component: finds mentions with a :class:`Rewriter` and sets ``doc.ents``."""

    def __init__(self, normalizer: Normalizer, overwrite: bool = False, **rewriter_options: Any) -> None:
        self.rewriter = Rewriter(normalizer, **rewriter_options)
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for m in self.rewriter.find(doc.text):
            label = LABELS.get(m.type, "MISC")
            span = doc.char_span(m.start, m.end, label=label, kb_id=m.entity_id, alignment_mode="expand")
            if span is None:
                continue
            span._.entity_id = m.entity_id
            span._.canonical = m.canonical
            span._.normalize_score = m.score
            spans.append(span)
        if self.overwrite:
            doc.ents = filter_spans(spans + [e for e in doc.ents])
        else:
            keep = list(doc.ents)
            taken = {i for e in keep for i in range(e.start, e.end)}
            doc.ents = keep + [s for s in filter_spans(spans) if not any(i in taken for i in range(s.start, s.end))]
        return doc


@Language.factory(
    "normalize_entities",
    default_config={"tables": None, "index": None, "overwrite": False, "threshold": None, "default_tables": True},
)
def make_component(
    nlp: Language,
    name: str,
    tables: str | None,
    index: str | None,
    overwrite: bool,
    threshold: float | None,
    default_tables: bool = True,
) -> NormalizeEntities:
    """Factory: ``nlp.add_pipe("normalize_entities", config={"tables": "my_tables/"})``: your tables
    added to the bundled ones (``"default_tables": False``: yours alone)."""
    if index:
        from ..store import load_index

        n = load_index(index)
    elif tables or not default_tables:
        n = Normalizer.load(tables, default_tables=default_tables)
    else:
        n = Normalizer.default()
    opts: dict[str, Any] = {}
    if threshold is not None:
        opts["threshold"] = threshold
    return NormalizeEntities(n, overwrite=overwrite, **opts)
