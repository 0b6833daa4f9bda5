"""The Census: raw mentions versus unique values, duplicates, and per-organisation exposure.

Only digests, masked previews and public names (domains, country codes) are shown unless
the census was built with ``reveal=True`` and the results carry revealed values.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leakclf.census.entities import EXTRA_KINDS, KINDS
from leakclf.config import Config
from leakclf.errors import ConfigError, OutputError
from leakclf.model import DocumentResult

if TYPE_CHECKING:
    import pandas as pd

    from leakclf.census.dedup import Dedup
    from leakclf.census.entities import Tally


class Census:
    def __init__(
        self,
        results: Sequence[DocumentResult],
        dedup: Dedup,
        tally: Tally,
        organizations: list[dict[str, Any]],
        suppressed: int,
        config: Config,
        reveal: bool,
    ) -> None:
        self._results = results
        self._dedup = dedup
        self._tally = tally
        self._orgs = organizations
        self._suppressed = suppressed
        self.config = config
        self.reveal = reveal

    def __repr__(self) -> str:
        d = self._dedup
        return (
            f"Census(files={d.files}, unique_text={d.unique_text}, clusters={d.clusters}, "
            f"organizations={len(self._orgs)})"
        )

    @property
    def results(self) -> tuple[DocumentResult, ...]:
        """The documents counted (raw values dropped unless built with ``reveal=True``),
        so ``leakclf.rollup(census, by=...)`` works on a census too."""
        return tuple(self._results)

    # -- tables ---------------------------------------------------------------

    def counts(self) -> list[dict[str, Any]]:
        """Per entity kind: mentions, unique, documents containing it, dedup factor."""
        out = []
        for kind in KINDS:
            table = self._tally.by_kind[kind]
            mentions = sum(e.mentions for e in table.values())
            if kind == "organizations":  # every written name counts, matched to a domain or not
                mentions += sum(e.mentions for e in self._tally.by_kind["org_names"].values())
            out.append(
                {
                    "kind": kind,
                    "mentions": mentions,
                    "unique": len(table),
                    "documents": len(self._tally.docs_with[kind]),
                    "dedup_factor": round(mentions / len(table), 2) if table else None,
                }
            )
        return out

    def summary(self) -> dict[str, Any]:
        d = self._dedup
        persons = self._tally.by_kind["persons"].values()
        return {
            "documents": {
                "files": d.files,
                "unique_bytes": d.unique_bytes,
                "unique_text": d.unique_text,
                "near_dup_clusters": d.near_dup_clusters,
                "unique_after_near_dup": d.clusters,
                "near_dup_threshold": self.config.census.near_dup_threshold,
            },
            "entities": {c.pop("kind"): c for c in self.counts()},
            "persons_linked_to_email": sum(1 for p in persons if p.links),
            "unmatched_org_names": len(self._tally.by_kind["org_names"]),
            "external_organizations": len(self._orgs),
            "organizations_suppressed": self._suppressed,
            "k_threshold": self.config.census.k_threshold,
        }

    def entities(self, kind: str) -> pd.DataFrame:
        """One row per unique value of ``kind``: digest, masked preview, mentions, documents."""
        import pandas as pd

        if kind not in (*KINDS, *EXTRA_KINDS):
            raise ConfigError(
                f"unknown entity kind {kind!r}; expected one of {[*KINDS, *EXTRA_KINDS]}"
            )
        rows = []
        for ent in self._tally.by_kind[kind].values():
            row: dict[str, Any] = {
                "key": ent.key,
                "preview": ent.preview,
                "mentions": ent.mentions,
                "documents": len(ent.documents),
            }
            if kind == "persons":
                row["linked_emails"] = len(ent.links)
            if kind == "organizations":
                row["email_mentions"] = ent.email_mentions
                row["names"] = sorted(ent.links)
            if self.reveal:
                row["value"] = ent.value
            rows.append(row)
        columns = ["key", "preview", "mentions", "documents"]
        frame = pd.DataFrame(rows, columns=list(rows[0]) if rows else columns)
        return frame.sort_values(["mentions", "key"], ascending=[False, True], ignore_index=True)

    def organizations(self) -> pd.DataFrame:
        """One row per external organisation (own domains and k-suppressed rows left out)."""
        import pandas as pd

        return pd.DataFrame(self._orgs)

    def duplicates(self) -> pd.DataFrame:
        """One row per document: its byte group, text group and near-duplicate cluster."""
        import pandas as pd

        d, res = self._dedup, self._results

        def first(groups: tuple[int, ...]) -> pd.Series:
            return pd.Series(
                [res[g].source if g != i else None for i, g in enumerate(groups)], dtype=object
            )

        return pd.DataFrame(
            {
                "source": pd.Series([r.source for r in res], dtype=object),
                "same_bytes_as": first(d.byte_group),
                "same_text_as": first(d.text_group),
                "cluster": pd.Series(d.cluster, dtype="int64"),
            }
        )

    def to_pandas(self) -> pd.DataFrame:
        """The raw-versus-unique table, one row per entity kind."""
        import pandas as pd

        return pd.DataFrame(self.counts())

    # -- exports --------------------------------------------------------------

    def to_json(self, path: str | Path | None = None, *, entities: bool = True) -> str:
        """Summary, organisations and (digest, preview) entity lists as JSON; written if ``path``."""
        data: dict[str, Any] = {"summary": self.summary(), "organizations": self._orgs}
        if entities:
            data["entities"] = {
                k: self.entities(k).to_dict("records") for k in (*KINDS, *EXTRA_KINDS)
            }
        text = json.dumps(data, indent=2, sort_keys=False, default=str)
        if path is not None:
            try:
                Path(path).write_text(text + "\n", encoding="utf-8")
            except OSError as exc:
                raise OutputError(
                    f"cannot write census to {str(path)!r} ({type(exc).__name__}); "
                    "check the folder exists and is writable"
                ) from None
        return text

    def table(self) -> str:
        """The raw-versus-unique table as plain text (what ``leakclf census`` prints)."""
        from leakclf.census.render import text_table

        return text_table(
            self._dedup,
            self.counts(),
            len(self._orgs),
            self._suppressed,
            self.config.census.k_threshold,
        )

    def _repr_html_(self) -> str:
        """Compact notebook display: counts and the ten most exposed organisations, masked."""
        from leakclf.census.render import html_table

        return html_table(self._dedup, self.counts(), self._orgs[:10])
