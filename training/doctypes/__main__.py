"""``python -m training.doctypes --seed 0``: rebuild leakclf/data/doctype/model.json.gz."""

from training.doctypes.train import main

raise SystemExit(main())
