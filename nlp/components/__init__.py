"""The pipeline's rule stages: ``clauses`` (segmentation), ``meeting``, ``tasks``, and the
unit recognizer they share (``units``). Each works on a ``Document`` and character offsets
into its text; ``minutes.nlp.pipeline`` runs them in order."""
