"""Cases as a FHIR R4 Bundle (R4B resources of the `fhir.resources` package), for a clinic's records system.

Per case: the Patient (phone number as telecom), one Encounter (the call or text conversation), an
Observation for the respiratory rate and one per START finding plus the category, a Condition for the
complaint (its ICD-11 MMS code as Condition.code), a Flag for each red flag. Every resource is built and validated by fhir.resources, so what we
write is what a FHIR server parses. Ids are name-based UUIDs: exporting a case twice gives the same ids.
"""

from __future__ import annotations

import uuid

from fhir.resources.R4B.bundle import Bundle

from intake.coding import SYSTEM as ICD11_MMS, code_result
from intake.findings import start_findings
from intake.models import TriageResult
from routing.views import CaseView

NAMESPACE = uuid.UUID("2f1c7d1e-5b7a-4e43-9a57-7c4a3f0e9b10")  # triageline's: ids stable across exports
LOINC, UCUM = "http://loinc.org", "http://unitsofmeasure.org"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ACT_PRIORITY = "http://terminology.hl7.org/CodeSystem/v3-ActPriority"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CASE_REFERENCE_SYSTEM = "urn:triageline:case-reference"
PRIORITY = {"emergency": "EM", "urgent": "UR", "routine": "R"}
FINISHED = frozenset({"resolved", "follow_up_scheduled", "closed", "expired"})


def _urn(case: CaseView, what: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{case.reference}/{what}')}"


def _category(code: str) -> list[dict]:
    return [{"coding": [{"system": OBSERVATION_CATEGORY, "code": code}]}]


def _icd11(t: TriageResult) -> dict | None:
    """The ICD-11 code of a case stored before cases kept one."""
    coded = code_result(t)
    return coded.to_dict() if coded else None


def case_entries(case: CaseView) -> list[dict]:
    """The Bundle entries (fullUrl + resource) of one case."""
    t = TriageResult.from_dict(case.triage or {})
    patient, encounter = _urn(case, "patient"), _urn(case, "encounter")
    about = {"subject": {"reference": patient}, "encounter": {"reference": encounter}}
    when = case.created_at.isoformat()
    entries = [
        (patient, {"resourceType": "Patient",
                   "telecom": [{"system": "phone", "value": case.caller.removeprefix("whatsapp:"), "use": "mobile"}]
                   if case.caller else []}),
        (encounter, {"resourceType": "Encounter",
                     "identifier": [{"system": CASE_REFERENCE_SYSTEM, "value": case.reference}],
                     "status": "finished" if case.status in FINISHED else "in-progress",
                     "class": {"system": ACT_CODE, "code": "VR", "display": "virtual"},
                     "priority": {"coding": [{"system": ACT_PRIORITY, "code": PRIORITY.get(case.urgency or "", "UR")}]},
                     "subject": {"reference": patient}, "period": {"start": when}}),
    ]
    if t.start_category is not None:
        entries.append((_urn(case, "category"), {
            "resourceType": "Observation", "status": "final", "category": _category("survey"),
            "code": {"text": f"{t.protocol or 'START'} triage category"},
            "valueCodeableConcept": {"text": t.start_category.value}, "effectiveDateTime": when, **about}))
    if t.respiratory_rate is not None:
        entries.append((_urn(case, "respiratory-rate"), {
            "resourceType": "Observation", "status": "final", "category": _category("vital-signs"),
            "code": {"coding": [{"system": LOINC, "code": "9279-1", "display": "Respiratory rate"}],
                     "text": "Respiratory rate (bystander count by phone)"},
            "valueQuantity": {"value": t.respiratory_rate, "unit": "/min", "system": UCUM, "code": "/min"},
            "effectiveDateTime": when, **about}))
    for finding in start_findings(t):
        if finding.code == "resp_count":
            continue  # the respiratory rate above
        entries.append((_urn(case, f"finding/{finding.code}"), {
            "resourceType": "Observation", "status": "final", "category": _category("survey"),
            "code": {"text": f"START step: {finding.code}"}, "valueString": finding.text,
            "note": [{"text": "no clear answer: the more urgent branch was assumed"}] if finding.assumed else [],
            "effectiveDateTime": when, **about}))
    icd11 = (case.triage or {}).get("icd11") or _icd11(t)
    if t.complaint or icd11:
        coding = [{"system": ICD11_MMS, "code": icd11["code"], "display": icd11["title"]}] if icd11 else []
        entries.append((_urn(case, "complaint"), {
            "resourceType": "Condition",
            "clinicalStatus": {"coding": [{"system": CONDITION_CLINICAL, "code": "active"}]},
            "verificationStatus": {"coding": [{"system": CONDITION_VERIFICATION, "code": "unconfirmed"}]},
            "code": {"coding": coding, "text": t.complaint or icd11["title"]} if coding else {"text": t.complaint},
            "recordedDate": when, **about}))
    for flag in t.red_flags:
        entries.append((_urn(case, f"flag/{flag}"), {
            "resourceType": "Flag", "status": "active", "code": {"text": f"red flag: {flag.replace('_', ' ')}"},
            "period": {"start": when}, **about}))
    return [{"fullUrl": url, "resource": {k: v for k, v in resource.items() if v != []}} for url, resource in entries]


def cases_bundle(cases: list[CaseView]) -> Bundle:
    """A `collection` Bundle of every case's resources, validated by fhir.resources."""
    return Bundle.model_validate({"resourceType": "Bundle", "type": "collection",
                                  "entry": [entry for case in cases for entry in case_entries(case)]})
