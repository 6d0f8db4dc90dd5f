"""Entity tables from the data users already have: FollowTheMoney (OpenSanctions) JSON lines,
Wikidata entity JSON and CSV sheets, written as the YAML entity files of the tables
(``normalize tables import``), with each entity's ids in its source kept under ``ids``.

Each format has its reader (:mod:`.ftm`, :mod:`.wikidata`, :mod:`.csvfile`) that turns a record
into an :class:`~.model.Imported` entity or a :class:`~.model.Skipped` reason; :mod:`.tablefiles`
merges them into the entity files; :mod:`.run` streams a source through both
(:func:`.run.import_file`), and :mod:`.command` is the command line.
"""
