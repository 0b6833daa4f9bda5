"""Training the doc-type model: generated documents (``generated``, ``wild``) plus the real corpus.

Run ``python -m training.doctypes --seed 0`` from the repository root; see ``train.py``.
Needs scikit-learn (the ``dev`` extra); inference in ``leakclf.doctypes`` is numpy only.
"""
