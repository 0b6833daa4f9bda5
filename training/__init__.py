"""Training code for leakclf's shipped models. It sits beside the package: it imports leakclf, leakclf never imports it.

python -m training.doctypes --seed 0     # the doc-type model (leakclf/data/doctype/model.npz)
"""
