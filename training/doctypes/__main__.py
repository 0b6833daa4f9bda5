"""``python -m training.doctypes --seed 0``: rebuild leakclf/data/doctype/model.npz."""

from training.doctypes.train import main

raise SystemExit(main())
