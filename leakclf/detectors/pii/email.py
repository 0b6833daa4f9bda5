"""EMAIL_ADDRESS: lower-cased for the digest; domain, ccTLD country and a person guessed from first.last."""

from __future__ import annotations

from leakclf.detectors.base import Detector, Pattern
from leakclf.detectors.masking import mask_email
from leakclf.normalize import name_from_local_part, normalise_email
from leakclf.privacy import digest


class EmailDetector(Detector):
    id = "pii.email"
    version = 2
    label = "EMAIL_ADDRESS"
    specificity = 70
    triggers = ("@",)
    context = ("email", "e-mail", "mail", "contact", "from", "to", "cc")
    patterns = (
        Pattern(
            "email",
            r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])",
            0.85,
            engine="regex",
        ),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        local, _, host = value.rpartition("@")
        if local.endswith(".") or not _known_suffix(host):
            return None
        # "jane..doe@": old mail exports write it; a person's address all the same
        return ("local-part:double-dot",) if ".." in local else ()

    def normalise(self, value: str) -> str:
        """Case-folded, plus-tags stripped unless ``census.strip_plus_tags`` is off."""
        return normalise_email(value, strip_plus_tags=self.config.census.strip_plus_tags)

    def preview(self, value: str) -> str:
        return mask_email(value)

    def facets(self, value: str, normalised: str) -> tuple[tuple[str, str], ...]:
        # load time: only when used
        from leakclf.domains import domain_forms, org_facets, registrable_domain, tld_country

        local, _, host = normalised.rpartition("@")
        domain = registrable_domain(host)
        out = [("domain", domain), *org_facets(self.key_bytes, domain_forms(domain))]
        country = tld_country(host)
        if country:
            out.append(("country", country))
        person = name_from_local_part(local)
        if person:
            out.append(("person", digest(self.key_bytes, "PERSON", person)))
        return tuple(out)


def _known_suffix(host: str) -> bool:
    """The host ends in a public suffix (bundled list): ``x@localhost``, ``x@db.internal`` do not."""
    from leakclf.domains import public_suffix  # load time: only when used

    suffix = public_suffix(host)
    return bool(suffix) and len(suffix) < len(host)
