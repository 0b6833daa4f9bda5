"""Body words that name the same business concept in the seven languages: one feature per concept.

    concepts(words) -> {"concept:'delivery'": 1.0, ...}

Body words do not transfer across languages: ``word:'entrega'`` learns only from the few Spanish
documents, while ``word:'delivery'`` learns from the many English ones. A concept feature fires for
the word in any of EN, FR, DE, ES, IT, NL and PT, so a weight learned mostly from English documents
reads a Spanish or Dutch one too. The lists are written from general knowledge of business
documents (never from the evaluation folder); a word that means something else in another of the
languages is left out ("parte", "personal", "marco").
"""

from __future__ import annotations

from collections.abc import Iterable

_CONCEPTS: dict[str, str] = {  # concept -> words in the seven languages (lower case)
    # money and billing
    "invoice": "invoice invoices factura facturas facture factures rechnung rechnungen fattura "
    "fatture factuur facturen fatura faturas",
    "due": "due vencimiento échéance fällig fälligkeit scadenza vervaldatum vencimento",
    "vat": "vat iva tva mwst ust btw igv gst",
    "bank": "iban swift bic",
    "quotation": "quotation quotations presupuesto presupuestos cotización cotizacion devis "
    "angebot offerte offerta preventivo orçamento orcamento cotação cotacao",
    "validity": "validity valid validez válido válida vigencia validité valable gültig "
    "gültigkeit validità valido geldig geldigheid validade",
    "estimate": "estimate estimated estimación estimation schätzung stima raming estimativa",
    "order": "order orders pedido pedidos commande commandes bestellung bestellungen ordine "
    "ordini bestelling encomenda",
    "supplier": "supplier vendor proveedor fournisseur lieferant fornitore leverancier fornecedor",
    "buyer": "buyer purchaser comprador acheteur käufer besteller acquirente koper",
    "delivery": "delivery delivered entrega entregado livraison livré lieferung geliefert "
    "liefertermin consegna consegnato levering geleverd",
    # execution and acceptance
    "received": "received recibido recibí recepción reçu réception erhalten empfangen "
    "ricevuto ontvangen ontvangst recebido recebimento",
    "dispatch": "albarán albaran remisión remision ddt lieferschein pakbon bordereau waybill "
    "challan vrachtbrief",
    "acceptance": "acceptance accepted aceptación aceptado acceptation recette abnahme "
    "collaudo accettazione oplevering acceptatie aceite aceitação",
    "signature": "signature signed firma firmado signé unterschrift unterschrieben firmato "
    "handtekening ondertekend assinatura assinado",
    "carrier": "carrier transportista transporteur spediteur vettore vervoerder transportadora",
    "completed": "completed completion completado terminado achevé abgeschlossen completato "
    "voltooid concluído",
    # scope of work
    "scope": "scope alcance périmètre leistungsumfang ambito reikwijdte escopo âmbito",
    "deliverables": "deliverable deliverables entregable entregables livrable livrables "
    "liefergegenstände lieferumfang opleveringen entregável entregáveis",
    "requirements": "requirement requirements requisito requisitos exigence exigences "
    "anforderung anforderungen requisiti eisen",
    "contractor": "contractor contratista prestataire auftragnehmer appaltatore opdrachtnemer "
    "contratada",
    "objectives": "objective objectives objetivo objetivos objectif objectifs ziel ziele "
    "obiettivo obiettivi doelen doelstelling doelstellingen",
    # contracts
    "parties": "parties partie vertragsparteien parteien partij partijen",
    "clause": "clause clauses cláusula cláusulas klausel clausola clausole clausule",
    "termination": "termination terminate rescisión résiliation kündigung risoluzione recesso "
    "beëindiging opzegging rescisão",
    "liability": "liability responsabilidad responsabilité haftung responsabilità "
    "aansprakelijkheid responsabilidade",
    "confidentiality": "confidential confidentiality confidencial confidencialidad "
    "confidentialité confidentiel vertraulich vertraulichkeit geheimhaltung riservatezza "
    "riservato vertrouwelijk vertrouwelijkheid confidencialidade",
    "jurisdiction": "jurisdiction jurisdicción juridiction gerichtsstand giurisdizione rechtbank",
    "agreement": "agreement contract contrato convenio acuerdo contrat vertrag vereinbarung "
    "contratto accordo overeenkomst acordo",
    # pilots and proofs of concept
    "pilot": "pilot piloto pilote pilota piloot",
    "prototype": "prototype prototipo prototyp protótipo",
    "feasibility": "feasibility viabilidad factibilidad faisabilité machbarkeit fattibilità "
    "haalbaarheid viabilidade",
    "results": "results resultados résultats ergebnisse risultati resultaten",
    "evaluation": "evaluation evaluación évaluation bewertung evaluierung valutazione "
    "evaluatie avaliação",
    "accuracy": "accuracy precisión précision genauigkeit accuratezza precisione "
    "nauwkeurigheid precisão acurácia",
    "hypothesis": "hypothesis hipótesis hypothèse hypothese ipotesi hipótese",
    "concept": "concept concepto konzept concetto conceito",
    # plans
    "milestone": "milestone milestones hito hitos jalon jalons meilenstein meilensteine "
    "traguardo traguardi mijlpaal mijlpalen",
    "phase": "phase phases fase fases phasen fasi",
    "schedule": "schedule timeline cronograma calendario calendrier zeitplan terminplan "
    "cronoprogramma tijdlijn",
    "week": "week weeks semana semanas semaine semaines woche wochen settimana settimane weken",
    "task": "task tasks tarea tareas tâche tâches aufgabe aufgaben compito compiti taak taken "
    "tarefa tarefas",
    "risk": "risk risks riesgo riesgos risque risques risiko risiken rischio rischi risico "
    "risicos risco riscos",
    "responsible": "responsible owner responsable responsables verantwortlich zuständig "
    "responsabile verantwoordelijk responsável",
    "stakeholders": "stakeholder stakeholders interesados beteiligte interessati belanghebbenden",
    "meeting": "meeting meetings reunión reuniones réunion besprechung sitzung riunione "
    "vergadering reunião",
    "attendees": "attendees asistentes teilnehmer partecipanti deelnemers participantes",
    # letters and notes
    "dear": "dear estimado estimada estimados cher chère geehrte geehrter gentile egregio "
    "geachte prezado prezada",
    "regards": "sincerely regards atentamente cordialement freundlichen grüßen cordiali "
    "saluti vriendelijke groet groeten atenciosamente cumprimentos",
    "letter": "letter carta lettre brief lettera",
    "memo": "memo memorandum memorando aktennotiz mitteilung notitie",
    "staff": "staff employees empleados personnel mitarbeiter mitarbeitende dipendenti "
    "medewerkers funcionários colaboradores",
    "department": "department departamento département abteilung dipartimento reparto afdeling",
    "colleagues": "colleagues colegas collègues kollegen kolleginnen colleghi",
    "policy": "policy política politique richtlinie politica beleid",
    # résumés
    "experience": "experience experiencia expérience erfahrung berufserfahrung esperienza "
    "esperienze ervaring werkervaring experiência",
    "education": "education educación formación formation ausbildung studium istruzione "
    "formazione opleiding educação formação",
    "skills": "skills habilidades competencias compétences kenntnisse fähigkeiten competenze "
    "vaardigheden competências",
    "languages": "languages idiomas langues sprachen lingue talen línguas",
    "university": "university universidad université universität università universiteit "
    "universidade",
    "nationality": "nationality nacionalidad nationalité staatsangehörigkeit nazionalità "
    "nationaliteit nacionalidade",
    # other
    "balance": "balance saldo solde kontostand",
    "manual": "manual manuel handbuch manuale handleiding",
}
CONCEPT_OF: dict[str, str] = {w: c for c, words in _CONCEPTS.items() for w in words.split()}
CONCEPT_VALUE = 1.0  # strength of a concept feature


def concepts(words: Iterable[str]) -> dict[str, float]:
    """``concept:'<name>'`` for every listed word among ``words`` (lower-cased body words)."""
    return {f"concept:'{c}'": CONCEPT_VALUE for w in words if (c := CONCEPT_OF.get(w))}
