"""Writes over HTTP: refused on a read-only server (403), refused without the right token (401),
done with it (ingest as JSON and as an upload, merge, split, source ratings); bodies over the
limit refused with 413 before they are read."""

from __future__ import annotations

import json
import socket

import pytest

from tests.web.conftest import TOKEN, live_server

NEW_REPORT = {
    "id": "karachi-strike",
    "title": "Port strike in Karachi",
    "published": "2024-07-02",
    "text": (
        "On July 1, 2024, the Harbour Workers Union held a strike in Karachi. "
        "Tariq Baloch spoke at the strike."
    ),
}
WRITES = [
    ("/api/documents", {"text": "x"}),
    ("/api/merge", {"a": "Tariq Baloch", "b": "Omar Siddiqui"}),
    ("/api/split", {"entity": "Tariq Baloch"}),
    ("/api/sources", {"source": "harbour-post.example", "reliability": "B"}),
]


@pytest.mark.parametrize(("path", "body"), WRITES)
def test_a_read_only_server_refuses_every_write_with_403(reader, path, body):
    with reader.client(TOKEN) as client:
        r = client.post(path, json=body)
    assert r.status_code == 403
    assert "read-only" in r.json()["error"] and "FOOTPRINT_TOKEN" in r.json()["error"]
    with reader.client(TOKEN) as client:
        upload = client.post("/api/documents/upload", files={"file": ("a.txt", b"text")})
    assert upload.status_code == 403


@pytest.mark.parametrize(("path", "body"), WRITES)
def test_writes_without_the_token_are_401(writable, path, body):
    with writable.client() as client:
        missing = client.post(path, json=body)
    with writable.client("not-the-token-at-all-000000") as client:
        wrong = client.post(path, json=body)
    for r in (missing, wrong):
        assert r.status_code == 401, r.text
        assert r.headers["www-authenticate"].startswith("Bearer")
        assert "token" in r.json()["error"]
    with writable.client() as client:
        assert client.get("/api/status").json()["rows"]["documents"] == 4  # nothing written


def test_ingest_json_with_the_token(writable):
    with writable.client(TOKEN) as client:
        r = client.post("/api/documents", json=NEW_REPORT)
        assert r.status_code == 201, r.text
        assert r.json()["stored"] == ["karachi-strike"]
        assert r.json()["resolution"]["entities"] > 0
        again = client.post("/api/documents", json=NEW_REPORT)
        assert again.status_code == 200 and again.json()["already_stored"] == 1
        doc = client.get("/api/documents/karachi-strike").json()
        assert doc["document"]["title"] == "Port strike in Karachi"
        assert any(c["kind"] == "participant" for c in doc["claims"])
        tariq = client.get("/api/timeline", params={"actor": "Tariq Baloch"}).json()
        assert "strike in Karachi" in {e["label"] for e in tariq["events"]}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "В Карачи прошёл большой митинг профсоюза портовых рабочих."}, "text"),
        ({"text": "On May 1, 2024, a rally.", "published": "May Day"}, "published"),
        ({"text": "On May 1, 2024, a rally.", "colour": "red"}, "colour"),
        ({}, "text"),
    ],
)
def test_ingest_json_refusals_name_the_field(writable, body, field):
    with writable.client(TOKEN) as client:
        r = client.post("/api/documents", json=body)
    assert r.status_code == 422, r.text
    assert r.json()["fields"][0]["field"] == field


def test_upload_jsonl_and_text(writable):
    lines = [
        json.dumps({"id": "up-1", "text": "On August 3, 2024, Tariq Baloch spoke at a rally "
                                          "in Hyderabad.", "published": "2024-08-04"}),
        "{not json",
    ]
    with writable.client(TOKEN) as client:
        r = client.post(
            "/api/documents/upload",
            files={"file": ("../../etc/batch.jsonl", ("\n".join(lines) + "\n").encode())},
        )
        assert r.status_code == 201, r.text
        assert r.json()["stored"] == ["up-1"]
        (bad,) = r.json()["rejected"]
        assert bad["source"] == "upload/batch.jsonl:2" and "invalid JSON" in bad["reason"]
        text = client.post(
            "/api/documents/upload",
            files={"file": ("note.txt", b"On August 9, 2024, Nadia Rahman spoke at a rally "
                                        b"in Sukkur.")},
            data={"published": "2024-08-10"},
        )
        assert text.status_code == 201, text.text
        wrong = client.post("/api/documents/upload", files={"file": ("x.exe", b"MZ")})
        assert wrong.status_code == 422 and wrong.json()["fields"][0]["field"] == "file"
        binary = client.post("/api/documents/upload", files={"file": ("b.txt", b"\x00\x01" * 50)})
        assert binary.status_code == 422 and "binary" in binary.json()["error"]


def test_merge_split_and_ratings(writable):
    with writable.client(TOKEN) as client:

        def centre_ids() -> set[str]:
            net = client.get("/api/network", params={"around": "Tariq Baloch"}).json()
            (centre,) = net["around"]["actors"]
            return set(next(a["ids"] for a in net["actors"] if a["id"] == centre))

        assert len(centre_ids()) == 1  # the network is built and kept before the merge
        merged = client.post("/api/merge", json={"a": "Tariq Baloch", "b": "Omar Siddiqui"})
        assert merged.status_code == 200, merged.text
        assert merged.json()["joined"] is True
        def actor_of(name: str) -> str:
            return client.get("/api/actors", params={"q": name}).json()["actors"][0]["id"]

        assert actor_of("Omar Siddiqui") == actor_of("Tariq Baloch")
        assert len(centre_ids()) == 2  # a kept network never hides a merge
        split = client.post("/api/split", json={"entity": "Omar Siddiqui"})
        assert split.status_code == 200 and split.json()["apart_from"]
        assert actor_of("Omar Siddiqui") != actor_of("Tariq Baloch")
        again = client.post("/api/split", json={"entity": "Omar Siddiqui"})
        assert again.status_code == 422 and "stands alone" in again.json()["error"]
        unknown = client.post("/api/merge", json={"a": "Tariq Baloch", "b": "Nobody Anywhere"})
        assert unknown.status_code == 404 and unknown.json()["fields"][0]["field"] == "b"

        rated = client.post("/api/sources", json={"source": "harbour-post.example",
                                                   "reliability": "b"})
        assert rated.status_code == 200 and rated.json()["reliability"] == "B"
        bad = client.post("/api/sources", json={"source": "x", "reliability": "Z"})
        assert bad.status_code == 422 and bad.json()["fields"][0]["field"] == "reliability"
        assert client.get("/api/sources").json()["ratings"] == [
            {"source": "harbour-post.example", "reliability": "B"}
        ]
        rally = next(
            e for e in client.get("/api/events").json()["events"] if e["label"] == "rally in Karachi"
        )
        graded = client.get(f"/api/events/{rally['cluster']}").json()["support"]
        assert graded["reliability"] == "B"  # the rating now weighs in


def _raw_request(url: str, request: bytes) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while data := sock.recv(65536):
            chunks.append(data)
    return b"".join(chunks)


def test_oversize_bodies_are_413(web_settings):
    with live_server(web_settings, TOKEN, max_upload_bytes=2_000, max_body_bytes=500) as url:
        from httpx import Client

        with Client(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
            big = client.post("/api/documents", json={"text": "word " * 1_000})
            assert big.status_code == 413 and "limit" in big.json()["error"]
            upload = client.post("/api/documents/upload", files={"file": ("a.txt", b"a" * 5_000)})
            assert upload.status_code == 413
            match = client.post("/api/match", json={"queries": {"a": {"name": "x" * 600}}})
            assert match.status_code == 413
            assert client.get("/api/status").json()["rows"]["documents"] == 4
        # A chunked body states no length: it is cut off once it passes the limit.
        chunk = b"x" * 1_000
        body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(5)) + b"0\r\n\r\n"
        answer = _raw_request(
            url,
            b"POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Authorization: Bearer " + TOKEN.encode() + b"\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n" + body,
        )
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
