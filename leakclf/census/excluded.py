"""Email domains that name no organisation: free-mail providers, placeholders, reserved names.

An address at ``gmail.com`` names a person, not an employer; ``example.com`` (RFC 2606),
``domain.com`` or ``yourcompany.com`` name nobody. The census counts neither as an
organisation. ``excluded(domain)`` says why a registrable domain is left out, or None.
"""

from __future__ import annotations

#: Consumer mailbox providers (registrable domains). An address here is a private person's.
_FREE_MAIL = """gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de yahoo.es yahoo.it
yahoo.co.in yahoo.com.br ymail.com rocketmail.com hotmail.com hotmail.co.uk hotmail.fr hotmail.de
hotmail.es hotmail.it outlook.com outlook.de outlook.fr live.com live.co.uk live.fr live.de msn.com
passport.com aol.com aim.com icloud.com me.com mac.com gmx.com gmx.de gmx.net gmx.at gmx.ch gmx.fr
web.de t-online.de freenet.de arcor.de posteo.de mailbox.org mail.com email.com usa.com
protonmail.com protonmail.ch proton.me pm.me tutanota.com tutanota.de tuta.io fastmail.com
fastmail.fm hey.com zoho.com zohomail.com yandex.com yandex.ru ya.ru mail.ru inbox.ru list.ru bk.ru
rambler.ru qq.com 163.com 126.com yeah.net sina.com sohu.com naver.com daum.net hanmail.net
orange.fr wanadoo.fr free.fr laposte.net sfr.fr neuf.fr libero.it virgilio.it alice.it tin.it
tiscali.it btinternet.com sky.com virginmedia.com ntlworld.com talktalk.net comcast.net
verizon.net att.net sbcglobal.net bellsouth.net cox.net charter.net earthlink.net juno.com
rediffmail.com seznam.cz wp.pl o2.pl interia.pl onet.pl terra.com.br uol.com.br bol.com.br
telenet.be skynet.be ziggo.nl kpnmail.nl hetnet.nl planet.nl xs4all.nl bluewin.ch shaw.ca
rogers.com sympatico.ca bigpond.com optusnet.com.au mail.de aol.de aol.co.uk aol.fr gmx.us
gmx.it yahoo.ca yahoo.com.au yahoo.co.jp yahoo.com.mx yahoo.com.ar hotmail.ca hotmail.nl
hotmail.be hotmail.com.br hotmail.com.ar outlook.es outlook.it outlook.com.br live.nl live.it
live.be live.ca live.com.au msn.nl foxmail.com sina.cn 139.com yandex.ua ukr.net i.ua op.pl
abv.bg email.cz centrum.cz sapo.pt ig.com.br hushmail.com duck.com inbox.lv mail.ee
virgin.net blueyonder.co.uk btopenworld.com tiscali.co.uk home.nl online.de netcourrier.com"""
FREE_MAIL = frozenset(_FREE_MAIL.split())

#: Domains documents and templates use as stand-ins ("name@domain.com").
_PLACEHOLDER = """domain.com domain.net domain.org yourdomain.com mydomain.com company.com
yourcompany.com mycompany.com companyname.com yourcompanyname.com website.com yourwebsite.com
mywebsite.com yoursite.com mysite.com site.com sample.com samplecompany.com test.com testing.com
email.net mail.net e-mail.com somewhere.com someone.com somedomain.com anydomain.com
anycompany.com emailaddress.com youremail.com myemail.com xyz.com abc.com foo.com bar.com
foobar.com acme.com acme.org business.com placeholder.com address.com organisation.com
organization.com org.com name.com yourname.com"""
PLACEHOLDER = frozenset(_PLACEHOLDER.split())

#: RFC 2606 / RFC 6761 reserved second-level names and top-level domains.
_RESERVED_NAMES = frozenset({"example.com", "example.net", "example.org", "example.edu"})
_RESERVED_TLDS = frozenset({"test", "example", "invalid", "localhost", "local", "internal"})


def excluded(domain: str) -> str | None:
    """``"free-mail"``, ``"placeholder"``, ``"reserved"`` for a domain that names no
    organisation, else None. ``domain`` is a registrable domain, lower case."""
    domain = domain.strip().strip(".").casefold()
    if not domain:
        return "reserved"
    tld = domain.rsplit(".", 1)[-1]
    if domain in _RESERVED_NAMES or tld in _RESERVED_TLDS or domain.startswith("example."):
        return "reserved"
    if domain in FREE_MAIL:
        return "free-mail"
    if domain in PLACEHOLDER:
        return "placeholder"
    return None


def is_own(domain: str, own: tuple[str, ...] | list[str]) -> bool:
    """The data owner's own domain, or a subdomain of it (either way round)."""
    return any(domain == o or domain.endswith("." + o) or o.endswith("." + domain) for o in own)
