"""The ICD-11 code on the case page, over HTTP: a text conversation's finished case, and one stored before coding."""

from __future__ import annotations

import re

from sms.conversation import handle_patient_text
from sms.inbound import InboundMessage
from tests.console.test_console_auth import NOW, sign_in
from tests.support.console_app import Clock, make_app

ICD11 = re.compile(r'id="icd11">([^<]*)<')


async def test_a_finished_text_case_is_coded_and_its_page_shows_the_code(store):
    reply = await handle_patient_text(store, InboundMessage("SM-icd-1", "+2348031234567", "+15550001111",
                                                            "my father has crushing chest pain and is sweating"))
    assert reply.finished  # a red flag ends a text triage at once
    case = await store.get_case(reply.case_id)
    assert case.triage["icd11"]["code"] == "MD30.Z" and case.triage["red_flags"] == ["chest_pain"]
    older = await store.open_call(call_sid="CA-icd-2", caller="+2348031239999", region="NG")
    await store.save_triage(older.case_id, {"start_category": "GREEN", "urgency": "routine",
                                            "complaint": "I twisted my ankle playing football"}, complete=True)

    client = make_app(store, clock=Clock(NOW)).test_client()
    await sign_in(client, store)
    page = await (await client.get(f"/console/cases/{case.reference}")).get_data(as_text=True)
    assert ICD11.search(page).group(1) == "MD30.Z Chest pain, unspecified"
    page = await (await client.get(f"/console/cases/{older.reference}")).get_data(as_text=True)
    assert ICD11.search(page).group(1) == "ND1Z Injuries to the ankle or foot, unspecified"  # coded as it is read
