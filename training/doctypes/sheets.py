"""Generated spreadsheets: project registers and timelines, and everyday sheets that are no business type.

    sheet_examples(seed=0, per_kind=20) -> list[Example]

Real project plans are often spreadsheets without the words of a plan: a risk register, an issue
log, a task schedule, a week grid (columns 1..N, an "x" per week). Read through the XLSX extractor
they are tab-separated rows under a header row, often with no title. The generators' documents are
prose and forms, so the model read such sheets as ``other``. These are written from general
knowledge of such sheets, in the seven languages, next to sheets of the same shape that are
``other`` (inventories, contact lists, bank statements, attendance lists), so that a table alone
decides nothing. Training data only: evaluation stays the grouped CV on the real corpus.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from training.doctypes.generated import Example

LANGS = ("en", "es", "fr", "de", "it", "nl", "pt")
# column -> its header in LANGS order
_COLS: dict[str, tuple[str, ...]] = {
    "id": ("ID", "ID", "ID", "Nr.", "ID", "Nr", "ID"),
    "task": ("Task", "Tarea", "Tâche", "Aufgabe", "Attività", "Taak", "Tarefa"),
    "start": ("Start", "Inicio", "Début", "Beginn", "Inizio", "Start", "Início"),
    "end": ("Finish", "Fin", "Fin", "Ende", "Fine", "Einde", "Fim"),
    "duration": ("Duration", "Duración", "Durée", "Dauer", "Durata", "Duur", "Duração"),
    "owner": (
        "Owner",
        "Responsable",
        "Responsable",
        "Verantwortlich",
        "Responsabile",
        "Eigenaar",
        "Responsável",
    ),
    "status": ("Status", "Estado", "Statut", "Status", "Stato", "Status", "Estado"),
    "progress": (
        "% Complete",
        "% Completado",
        "% Achevé",
        "% Erledigt",
        "% Completamento",
        "% Voltooid",
        "% Concluído",
    ),
    "phase": ("Phase", "Fase", "Phase", "Phase", "Fase", "Fase", "Fase"),
    "milestone": ("Milestone", "Hito", "Jalon", "Meilenstein", "Milestone", "Mijlpaal", "Marco"),
    "risk": ("Risk", "Riesgo", "Risque", "Risiko", "Rischio", "Risico", "Risco"),
    "probability": (
        "Probability",
        "Probabilidad",
        "Probabilité",
        "Wahrscheinlichkeit",
        "Probabilità",
        "Kans",
        "Probabilidade",
    ),
    "impact": ("Impact", "Impacto", "Impact", "Auswirkung", "Impatto", "Impact", "Impacto"),
    "mitigation": (
        "Mitigation",
        "Mitigación",
        "Atténuation",
        "Gegenmaßnahme",
        "Mitigazione",
        "Maatregel",
        "Mitigação",
    ),
    "priority": (
        "Priority",
        "Prioridad",
        "Priorité",
        "Priorität",
        "Priorità",
        "Prioriteit",
        "Prioridade",
    ),
    "issue": ("Issue", "Incidencia", "Problème", "Problem", "Problema", "Issue", "Problema"),
    "raised": (
        "Date raised",
        "Fecha de alta",
        "Date de signalement",
        "Gemeldet am",
        "Data segnalazione",
        "Gemeld op",
        "Data de registo",
    ),
    "week": ("Week", "Semana", "Semaine", "Woche", "Settimana", "Week", "Semana"),
    "description": (
        "Description",
        "Descripción",
        "Description",
        "Beschreibung",
        "Descrizione",
        "Omschrijving",
        "Descrição",
    ),
    # everyday sheets (other)
    "item": ("Item", "Artículo", "Article", "Artikel", "Articolo", "Artikel", "Artigo"),
    "stock": ("In stock", "Existencias", "En stock", "Bestand", "Giacenza", "Voorraad", "Stock"),
    "location": (
        "Location",
        "Ubicación",
        "Emplacement",
        "Lagerort",
        "Ubicazione",
        "Locatie",
        "Local",
    ),
    "name": ("Name", "Nombre", "Nom", "Name", "Nome", "Naam", "Nome"),
    "email": ("Email", "Correo", "E-mail", "E-Mail", "Email", "E-mail", "Email"),
    "phone": ("Phone", "Teléfono", "Téléphone", "Telefon", "Telefono", "Telefoon", "Telefone"),
    "date": ("Date", "Fecha", "Date", "Datum", "Data", "Datum", "Data"),
    "debit": ("Debit", "Cargo", "Débit", "Soll", "Addebito", "Debet", "Débito"),
    "credit": ("Credit", "Abono", "Crédit", "Haben", "Accredito", "Credit", "Crédito"),
    "balance": ("Balance", "Saldo", "Solde", "Saldo", "Saldo", "Saldo", "Saldo"),
    "present": ("Present", "Asistió", "Présent", "Anwesend", "Presente", "Aanwezig", "Presente"),
    "group": ("Group", "Grupo", "Groupe", "Gruppe", "Gruppo", "Groep", "Grupo"),
}
_TASKS = (  # LANGS order; "|"-separated
    "Kick-off|Requirements analysis|Design|Implementation|Testing|Deployment|Training|Go-live|Review",
    "Arranque|Análisis de requisitos|Diseño|Desarrollo|Pruebas|Despliegue|Formación|Puesta en marcha|Revisión",
    "Lancement|Analyse des besoins|Conception|Développement|Tests|Déploiement|Formation|Mise en production|Revue",
    "Kick-off|Anforderungsanalyse|Entwurf|Umsetzung|Test|Rollout|Schulung|Inbetriebnahme|Abnahme",
    "Avvio|Analisi dei requisiti|Progettazione|Sviluppo|Collaudo|Rilascio|Formazione|Messa in esercizio|Revisione",
    "Kick-off|Analyse van eisen|Ontwerp|Bouw|Testen|Uitrol|Opleiding|Livegang|Evaluatie",
    "Arranque|Levantamento de requisitos|Desenho|Desenvolvimento|Testes|Implantação|Formação|Entrada em produção|Revisão",
)
_RISKS = (
    "Key staff unavailable|Supplier delay|Budget overrun|Scope creep|Data migration fails|Late approval",
    "Falta de personal clave|Retraso del proveedor|Sobrecoste|Cambios de alcance|Fallo en la migración|Aprobación tardía",
    "Indisponibilité des ressources|Retard fournisseur|Dépassement de budget|Dérive du périmètre|Échec de la migration|Validation tardive",
    "Ausfall von Schlüsselpersonal|Lieferverzug|Budgetüberschreitung|Ausweitung des Umfangs|Migration scheitert|Späte Freigabe",
    "Personale chiave non disponibile|Ritardo del fornitore|Sforamento del budget|Aumento del perimetro|Migrazione fallita|Approvazione tardiva",
    "Sleutelpersoneel niet beschikbaar|Vertraging leverancier|Budgetoverschrijding|Scope creep|Migratie mislukt|Late goedkeuring",
    "Falta de pessoal chave|Atraso do fornecedor|Derrapagem orçamental|Alargamento do âmbito|Falha na migração|Aprovação tardia",
)
_LEVELS = (
    "Low|Medium|High",
    "Baja|Media|Alta",
    "Faible|Moyen|Élevé",
    "Niedrig|Mittel|Hoch",
    "Bassa|Media|Alta",
    "Laag|Middel|Hoog",
    "Baixa|Média|Alta",
)
_STATES = (
    "Open|In progress|Closed|Done",
    "Abierto|En curso|Cerrado|Hecho",
    "Ouvert|En cours|Clos|Terminé",
    "Offen|In Arbeit|Geschlossen|Erledigt",
    "Aperto|In corso|Chiuso|Fatto",
    "Open|Bezig|Gesloten|Klaar",
    "Aberto|Em curso|Fechado|Concluído",
)
_GOODS = "Cable HDMI|Toner|Paper A4|Laptop stand|USB hub|Keyboard|Monitor 24|Mouse|Headset|Chair"
_MOVES = (
    "Card payment|Transfer|Direct debit|Salary|ATM withdrawal|Interest",
    "Pago con tarjeta|Transferencia|Recibo domiciliado|Nómina|Retirada cajero|Intereses",
    "Paiement carte|Virement|Prélèvement|Salaire|Retrait DAB|Intérêts",
    "Kartenzahlung|Überweisung|Lastschrift|Gehalt|Barabhebung|Zinsen",
    "Pagamento carta|Bonifico|Addebito diretto|Stipendio|Prelievo|Interessi",
    "Pinbetaling|Overboeking|Incasso|Salaris|Geldopname|Rente",
    "Pagamento cartão|Transferência|Débito direto|Salário|Levantamento|Juros",
)
_NAMES = "Ana Ruiz|Jan de Vries|Marie Dubois|Luca Bianchi|Tom Becker|Rita Sousa|Sam Lee|Ola Berg"


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        (f"{y}-{m:02d}-{d:02d} 00:00:00", f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}")
    )


def _header(rng: random.Random, cols: list[str], lang: int) -> list[str]:
    head = [_COLS[c][lang] for c in cols]
    return [h.upper() if rng.random() < 0.2 else h for h in head]


def _pick(rng: random.Random, options: str) -> str:
    return rng.choice(options.split("|"))


def _schedule(rng: random.Random, lang: int) -> list[list[str]]:
    cols = ["id", "task", "phase", "start", "end", "duration", "owner", "progress"]
    cols = [c for c in cols if c in ("task", "start", "end") or rng.random() < 0.7]
    rows = [_header(rng, cols, lang)]
    for i in range(rng.randint(4, 14)):
        cell = {
            "id": str(i + 1),
            "task": _pick(rng, _TASKS[lang]),
            "phase": f"{_COLS['phase'][lang]} {rng.randint(1, 4)}",
            "start": _date(rng),
            "end": _date(rng),
            "duration": f"{rng.randint(1, 40)}{rng.choice(('d', ' days', 'w', ''))}",
            "owner": _pick(rng, _NAMES),
            "progress": f"{rng.choice((0, 10, 25, 50, 75, 100))}%",
        }
        rows.append([cell[c] for c in cols])
    return rows


def _week_grid(rng: random.Random, lang: int) -> list[list[str]]:
    weeks = rng.randint(8, 24)
    rows = [["", _COLS["task"][lang], _COLS["week"][lang], *map(str, range(1, weeks + 1))]]
    for i in range(rng.randint(4, 10)):
        start = rng.randint(0, weeks - 2)
        span = rng.randint(1, weeks - start)
        marks = [
            "" if not start <= w < start + span else rng.choice(("x", "X", "1", "■"))
            for w in range(weeks)
        ]
        rows.append([f"T{i + 1}", _pick(rng, _TASKS[lang]), "", *marks])
    return rows


def _register(rng: random.Random, lang: int) -> list[list[str]]:
    risk = rng.random() < 0.5
    cols = (
        ["id", "risk", "description", "probability", "impact", "mitigation", "owner", "status"]
        if risk
        else ["id", "issue", "description", "priority", "raised", "owner", "status"]
    )
    rows = [_header(rng, cols, lang)]
    for i in range(rng.randint(3, 10)):
        cell = {
            "id": f"{'R' if risk else 'I'}{i + 1}",
            "risk": _pick(rng, _RISKS[lang]),
            "issue": _pick(rng, _RISKS[lang]),
            "description": _pick(rng, _RISKS[lang]) + rng.choice((".", "", " (2)")),
            "probability": _pick(rng, _LEVELS[lang]),
            "impact": _pick(rng, _LEVELS[lang]),
            "priority": _pick(rng, _LEVELS[lang]),
            "mitigation": _pick(rng, _TASKS[lang]),
            "raised": _date(rng),
            "owner": _pick(rng, _NAMES),
            "status": _pick(rng, _STATES[lang]),
        }
        rows.append([cell[c] for c in cols])
    return rows


def _inventory(rng: random.Random, lang: int) -> list[list[str]]:
    cols = ["id", "item", "description", "stock", "location"]
    rows = [_header(rng, cols, lang)]
    for i in range(rng.randint(4, 14)):
        good = _pick(rng, _GOODS)
        rows.append(
            [
                f"SKU-{rng.randint(100, 9999)}",
                good,
                good,
                str(rng.randint(0, 500)),
                f"{rng.choice('ABCD')}-{rng.randint(1, 20)}",
            ]
        )
    return rows


def _contacts(rng: random.Random, lang: int) -> list[list[str]]:
    cols = (
        ["name", "email", "phone", "group", "present"]
        if rng.random() < 0.5
        else ["name", "email", "phone", "location"]
    )
    rows = [_header(rng, cols, lang)]
    for _ in range(rng.randint(4, 14)):
        name = _pick(rng, _NAMES)
        cell = {
            "name": name,
            "email": name.lower().replace(" ", ".") + "@example.org",
            "phone": f"+{rng.randint(30, 49)} {rng.randint(100, 999)} {rng.randint(100000, 999999)}",
            "group": str(rng.randint(1, 6)),
            "present": rng.choice(("x", "", "1", "0")),
            "location": rng.choice(
                ("Madrid", "Lyon", "Köln", "Torino", "Utrecht", "Porto", "Leeds")
            ),
        }
        rows.append([cell[c] for c in cols])
    return rows


def _statement(rng: random.Random, lang: int) -> list[list[str]]:
    cols = ["date", "description", "debit", "credit", "balance"]
    rows = [_header(rng, cols, lang)]
    balance = rng.uniform(100, 5000)
    for _ in range(rng.randint(5, 16)):
        amount = round(rng.uniform(3, 900), 2)
        debit = rng.random() < 0.7
        balance += -amount if debit else amount
        rows.append(
            [
                _date(rng),
                _pick(rng, _MOVES[lang]),
                f"{amount:.2f}" if debit else "",
                "" if debit else f"{amount:.2f}",
                f"{balance:.2f}",
            ]
        )
    return rows


KINDS: dict[str, tuple[str, Callable[[random.Random, int], list[list[str]]]]] = {
    "schedule": ("project_plan", _schedule),
    "week-grid": ("project_plan", _week_grid),
    "register": ("project_plan", _register),
    "inventory": ("other", _inventory),
    "contacts": ("other", _contacts),
    "statement": ("other", _statement),
}


def sheet_examples(*, seed: int = 0, per_kind: int = 20) -> list[Example]:
    rng = random.Random(seed + 31)
    out = []
    for kind, (doc_type, make) in KINDS.items():
        for i in range(per_kind):
            lang = i % len(LANGS)
            rows = make(rng, lang)
            text = "\n".join("\t".join(r) for r in rows)
            out.append(
                Example(text, f"sheet{rng.randint(1, 9999)}.xlsx", doc_type, f"sheet-{kind}", None)
            )
    return out
