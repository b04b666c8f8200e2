"""The pipeline's components: ``orgs`` (the organisation recognizer, a spaCy
``PhraseMatcher`` over the lexicon), and the rule stages ``clauses`` (segmentation),
``meeting``, ``tasks`` with the unit reader they share (``units``). The stages work on a
``Document`` and character offsets into its text; ``minutes.nlp.pipeline`` runs them all as
components of one spaCy pipeline."""
