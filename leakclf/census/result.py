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
from leakclf.census.notify import COLUMNS, people_rows, write_csv
from leakclf.config import Config
from leakclf.errors import ConfigError, OutputError
from leakclf.model import DocumentResult
from leakclf.privacy import create_private
from leakclf.scoring.unread import not_read

#: Why an email domain is not counted as an organisation (``summary()["domains_not_counted"]``).
EXCLUDED = ("free-mail", "placeholder", "reserved", "own")

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
        """Per entity kind: raw ``mentions``, ``documents`` holding one, ``unique`` values.

        Persons: ``unique`` is the lower bound N (corroborated clusters) and ``up_to`` the
        upper bound M (every cluster); see docs/census.md for both definitions.
        """
        out = []
        for kind in KINDS:
            table = self._tally.by_kind[kind]
            mentions = sum(e.mentions for e in table.values())
            if kind == "organizations":  # every written name counts, matched to a domain or not
                mentions += sum(e.mentions for e in self._tally.by_kind["org_names"].values())
            row: dict[str, Any] = {
                "kind": kind,
                "mentions": mentions,
                "documents": len(self._tally.docs_with[kind]),
                "unique": len(table),
            }
            if kind == "persons":
                row["unique"] = sum(1 for e in table.values() if e.corroborated)
                row["up_to"] = len(table)
            out.append(row)
        return out

    def persons(self) -> dict[str, int]:
        """``at_least`` N (corroborated clusters), ``up_to`` M (all clusters), and how many
        clusters hold an email address."""
        table = self._tally.by_kind["persons"].values()
        return {
            "at_least": sum(1 for e in table if e.corroborated),
            "up_to": len(table),
            "linked_to_email": sum(1 for e in table if e.links),
        }

    def summary(self) -> dict[str, Any]:
        d = self._dedup
        excluded = self._tally.excluded_domains
        return {
            "documents": {
                "files": d.files,
                "documents": d.documents,
                "unique_bytes": d.unique_bytes,
                "unique_text": d.unique_text,
                "near_dup_clusters": d.near_dup_clusters,
                "unique_after_near_dup": d.clusters,
                "near_dup_threshold": self.config.census.near_dup_threshold,
            },
            "entities": {c.pop("kind"): c for c in self.counts()},
            "persons": self.persons(),
            "persons_linked_to_email": self.persons()["linked_to_email"],
            "domains_not_counted": {reason: len(excluded.get(reason, ())) for reason in EXCLUDED},
            "unmatched_org_names": len(self._tally.by_kind["org_names"]),
            "external_organizations": len(self._orgs),
            "organizations_suppressed": self._suppressed,
            "k_threshold": self.config.census.k_threshold,
            "not_read": not_read(self._results),
        }

    def entities(self, kind: str) -> pd.DataFrame:
        """One row per unique value of ``kind``: digest, masked preview, mentions, documents."""
        import pandas as pd  # load time: pandas only when used

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
                row["corroborated"] = ent.corroborated
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
        import pandas as pd  # load time: pandas only when used

        return pd.DataFrame(self._orgs)

    def people_frame(self) -> pd.DataFrame:
        """The notification list: one row per (organisation, person cluster), masked.

        Columns: ``organization`` (registrable domain of the person's address, "" when none
        or a free-mail one), ``person`` (keyed digest), ``preview`` (masked name),
        ``corroborated``, ``emails`` (addresses linked), ``data_types`` (labels found in the
        documents that mention the person, ";"-joined), ``documents`` and ``paths``; plus
        ``name`` when the census was built with ``reveal=True``.
        """
        import pandas as pd  # load time: pandas only when used

        rows = people_rows(self._results, self._tally, reveal=self.reveal)
        columns = [*COLUMNS, "name"] if self.reveal else list(COLUMNS)
        return pd.DataFrame(rows, columns=columns)

    def write_people(self, path: str | Path) -> Path:
        """Write ``people_frame()`` as CSV with owner-only permissions (0600)."""
        return write_csv(self.people_frame(), Path(path))

    def duplicates(self) -> pd.DataFrame:
        """One row per document: its byte group, text group and near-duplicate cluster."""
        import pandas as pd  # load time: pandas only when used

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
        import pandas as pd  # load time: pandas only when used

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
                if self.reveal:  # raw values: owner-only before the first byte is written
                    create_private(path)
                Path(path).write_text(text + "\n", encoding="utf-8")
            except OSError as exc:
                raise OutputError(
                    f"cannot write census to {str(path)!r} ({type(exc).__name__}); "
                    "check the folder exists and is writable"
                ) from None
        return text

    def table(self) -> str:
        """The census as plain text (what ``leakclf census`` prints)."""
        # load time: the census (numpy, datasketch) only when used
        from leakclf.census.render import text_table

        return text_table(self._dedup, self.summary(), self.config.census.k_threshold)

    def _repr_html_(self) -> str:
        """Compact notebook display: counts and the ten most exposed organisations, masked."""
        # load time: the census (numpy, datasketch) only when used
        from leakclf.census.render import html_table

        return html_table(self._dedup, self.summary(), self._orgs[:10])
