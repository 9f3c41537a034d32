"""The assertion the common tests share: a response is a problem document with this status and code."""

import json


def problem_of(response, status, code):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)  # also for responses a handler returned directly, without .json()
    assert {"type", "title", "status", "detail", "code", "requestId"} <= set(body)
    assert (body["status"], body["code"]) == (status, code)
    return body
