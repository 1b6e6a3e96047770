#!/usr/bin/env python3
"""A generated OData service on 127.0.0.1 for bench/sync-vs-curl: N Stemming records in the
fields of the API's $metadata (made up, about 0.7% deleted rows with emptied fields, first, as
v5 gives them), in pages of 100 linked by @odata.nextLink; a request with $skip, or one from a
position (GewijzigdOp gt ...), gets an empty page. Every request's path is appended to LOG.

Usage: odata_fixture_server.py N PORT_FILE LOG"""
import http.server, json, sys, threading, uuid

n, port_file, log_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
PAGE = 100
lock = threading.Lock()


def record(i):
    gid = str(uuid.UUID(int=(0x5e000000 << 96) + i))
    if i % 143 == 0:  # deleted rows: Id and Verwijderd kept, the rest emptied
        return {"Id": gid, "Besluit_Id": None, "Soort": None, "FractieGrootte": None, "ActorNaam": None,
                "ActorFractie": None, "Vergissing": None, "SidActorLid": None, "SidActorFractie": None,
                "Persoon_Id": None, "Fractie_Id": None, "GewijzigdOp": None, "ApiGewijzigdOp": None, "Verwijderd": True}
    minute, second = divmod(i, 60)
    stamp = "2025-%02d-%02dT%02d:%02d:%02d.%03d+01:00" % (1 + i % 2, 1 + (minute // 1440) % 28, (minute // 60) % 24,
                                                          minute % 60, second, i % 1000)
    fracties = ["VVD", "PVV", "GL-PvdA", "NSC", "D66", "BBB", "CDA", "SP"]
    return {"Id": gid, "Besluit_Id": str(uuid.UUID(int=(0xbe000000 << 96) + i // 15)),
            "Soort": ["Voor", "Tegen", "Niet deelgenomen"][i % 3], "FractieGrootte": 1 + i % 37,
            "ActorNaam": fracties[i % 8], "ActorFractie": fracties[i % 8], "Vergissing": False,
            "SidActorLid": None, "SidActorFractie": None, "Persoon_Id": None,
            "Fractie_Id": str(uuid.UUID(int=(0xf0000000 << 96) + i % 8)), "GewijzigdOp": stamp,
            "ApiGewijzigdOp": stamp[:23] + "Z", "Verwijderd": False}


order = sorted(range(n), key=lambda i: (i % 143 != 0, i))  # deleted rows first
pages = []


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else each answer waits for a delayed ACK (40 ms)

    def log_message(self, *args):
        pass

    def do_GET(self):
        with lock, open(log_path, "a") as log:
            log.write(self.path + "\n")
        body = b'{"@odata.context": "x/$metadata#Stemming", "value": []}'
        if self.path.startswith("/Stemming/page/"):
            body = pages[int(self.path.rsplit("/", 1)[1])]
        elif self.path.startswith("/Stemming?") and "%24skip" not in self.path and "$skip" not in self.path \
                and "GewijzigdOp%20gt" not in self.path:
            body = pages[0]
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
base = "http://127.0.0.1:%d" % server.server_address[1]
for p in range(0, (n + PAGE - 1) // PAGE):
    page = {"@odata.context": base + "/$metadata#Stemming", "value": [record(i) for i in order[p * PAGE:(p + 1) * PAGE]]}
    if (p + 1) * PAGE < n:
        page["@odata.nextLink"] = "%s/Stemming/page/%d" % (base, p + 1)
    pages.append(json.dumps(page, ensure_ascii=False).encode())
with open(port_file, "w") as out:
    out.write(base + "\n")
server.serve_forever()
