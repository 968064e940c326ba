#!/usr/bin/env python3
"""tests/fake_igd.py - a UPnP Internet Gateway Device on loopback, for examples/ipcam.c's tests.

Serves an IGD description (/rootDesc.xml: a WANDevice, its WANConnectionDevice, its
WANIPConnection:1 service) and answers that service's SOAP actions as a router running miniupnpd
does: GetExternalIPAddress, AddPortMapping (a mapping of a port held by another client, or of
another internal port, is refused with 718 ConflictInMappingEntry; the same client's is renewed),
DeletePortMapping (714 NoSuchEntryInArray when absent), GetSpecificPortMappingEntry (the lease
left, in seconds), GetStatusInfo. Leases expire. Each action, its arguments and the answer's
status are appended to the log file, one line each:
    AddPortMapping ext=8080 proto=TCP client=127.0.0.1 int=8080 lease=3600 desc=... -> 200
Behaviour, from the command line or changed while it runs with GET /_set?KEY=VALUE&...:
    ext_ip=A.B.C.D   the external address it reports (default 203.0.113.7)
    refuse=CODE      every AddPortMapping fails with that UPnP error (606, 501, ...; 0: none)
    permanent=1      only permanent leases (725 OnlyPermanentLeasesSupported for a lease > 0)
    taken=PORT       another machine (192.168.1.99) holds a mapping of that external port
    fail=ACTION,...  those actions fail with 501 ActionFailed
    garble=ACTION,...  those actions are answered 200 with a web page, no SOAP: logged "-> garbled"
    stall=ACTION,... those actions are answered a byte a second, never to the end (miniupnpc's
                     5 s for each read never run out): logged "ACTION -> stalled"
GET /_mappings lists the mappings, "PORT PROTO CLIENT INTPORT LEASE-LEFT" a line; GET
/_restart?KEY=VALUE&... drops them all (the router restarted), then sets as /_set, at once.

Usage: fake_igd.py --port-file FILE --log FILE [KEY=VALUE ...]
"""
import os
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SERVICE = "urn:schemas-upnp-org:service:WANIPConnection:1"
ROOT_DESC = """<?xml version="1.0"?>
<root xmlns="urn:schemas-upnp-org:device-1-0">
<specVersion><major>1</major><minor>0</minor></specVersion>
<device>
<deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>
<friendlyName>fake IGD (telepot.h tests)</friendlyName>
<manufacturer>telepot.h</manufacturer><modelName>fake_igd.py</modelName>
<UDN>uuid:00000000-0000-0000-0000-000000000001</UDN>
<serviceList><service>
<serviceType>urn:schemas-upnp-org:service:Layer3Forwarding:1</serviceType>
<serviceId>urn:upnp-org:serviceId:L3Forwarding1</serviceId>
<controlURL>/ctl/L3F</controlURL><eventSubURL>/evt/L3F</eventSubURL><SCPDURL>/L3F.xml</SCPDURL>
</service></serviceList>
<deviceList><device>
<deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType>
<friendlyName>WANDevice</friendlyName>
<UDN>uuid:00000000-0000-0000-0000-000000000002</UDN>
<serviceList><service>
<serviceType>urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1</serviceType>
<serviceId>urn:upnp-org:serviceId:WANCommonIFC1</serviceId>
<controlURL>/ctl/CmnIfCfg</controlURL><eventSubURL>/evt/CmnIfCfg</eventSubURL><SCPDURL>/WANCfg.xml</SCPDURL>
</service></serviceList>
<deviceList><device>
<deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType>
<friendlyName>WANConnectionDevice</friendlyName>
<UDN>uuid:00000000-0000-0000-0000-000000000003</UDN>
<serviceList><service>
<serviceType>urn:schemas-upnp-org:service:WANIPConnection:1</serviceType>
<serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId>
<controlURL>/ctl/IPConn</controlURL><eventSubURL>/evt/IPConn</eventSubURL><SCPDURL>/WANIPCn.xml</SCPDURL>
</service></serviceList>
</device></deviceList>
</device></deviceList>
</device>
</root>
"""
ERRORS = {401: "Invalid Action", 402: "Invalid Args", 501: "Action Failed",
          606: "Action not authorized", 714: "NoSuchEntryInArray",
          718: "ConflictInMappingEntry", 725: "OnlyPermanentLeasesSupported"}

state = {"ext_ip": "203.0.113.7", "refuse": "0", "permanent": "0", "taken": "", "stall": "", "fail": "", "garble": ""}
mappings = {}  # (ext port, proto) -> [client, int port, desc, lease s, expiry (monotonic) or 0]
lock = threading.Lock()
log_path = None


def log(line):
    with open(log_path, "a") as f:
        f.write(line + "\n")


def settle():
    """Drops expired leases; puts the other machine's mapping in place (taken=PORT)."""
    now = time.monotonic()
    for k in [k for k, m in mappings.items() if m[4] and m[4] <= now]:
        del mappings[k]
    if state["taken"] and (state["taken"], "TCP") not in mappings:
        mappings[(state["taken"], "TCP")] = ["192.168.1.99", "80", "someone else", 0, 0]


def envelope(body):
    return ('<?xml version="1.0"?>\r\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
            's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>%s</s:Body></s:Envelope>\r\n' % body)


def action(name, args):
    """(HTTP status, body) for one SOAP action."""
    def ok(**out):
        return 200, envelope('<u:%sResponse xmlns:u="%s">%s</u:%sResponse>' % (
            name, SERVICE, "".join("<%s>%s</%s>" % (k, v, k) for k, v in out.items()), name))

    def fault(code):
        return 500, envelope('<s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring>'
                             '<detail><UPnPError xmlns="urn:schemas-upnp-org:control-1-0"><errorCode>%d'
                             '</errorCode><errorDescription>%s</errorDescription></UPnPError></detail>'
                             '</s:Fault>' % (code, ERRORS.get(code, "Error")))
    key = (args.get("NewExternalPort", ""), args.get("NewProtocol", "").upper())
    with lock:
        settle()
        m = mappings.get(key)
        if name in state["fail"].split(","):
            return fault(501)
        if name == "GetExternalIPAddress":
            return ok(NewExternalIPAddress=state["ext_ip"])
        if name == "GetStatusInfo":
            return ok(NewConnectionStatus="Connected", NewLastConnectionError="ERROR_NONE", NewUptime=1000)
        if name == "AddPortMapping":
            lease = int(args.get("NewLeaseDuration") or 0)
            if state["refuse"] != "0":
                return fault(int(state["refuse"]))
            if not key[0].isdigit() or key[1] not in ("TCP", "UDP") or not args.get("NewInternalClient"):
                return fault(402)
            if m and (m[0] != args["NewInternalClient"] or m[1] != args.get("NewInternalPort")):
                return fault(718)
            if state["permanent"] == "1" and lease:
                return fault(725)
            mappings[key] = [args["NewInternalClient"], args.get("NewInternalPort"),
                             args.get("NewPortMappingDescription", ""), lease,
                             time.monotonic() + lease if lease else 0]
            return ok()
        if name == "DeletePortMapping":
            if not m:
                return fault(714)
            del mappings[key]
            return ok()
        if name == "GetSpecificPortMappingEntry":
            if not m:
                return fault(714)
            left = max(1, round(m[4] - time.monotonic())) if m[4] else 0
            return ok(NewInternalPort=m[1], NewInternalClient=m[0], NewEnabled=1,
                      NewPortMappingDescription=m[2], NewLeaseDuration=left)
        return fault(401)


class Handler(BaseHTTPRequestHandler):
    def send(self, status, body, ctype="text/xml; charset=\"utf-8\""):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        u = urllib.parse.urlsplit(self.path)
        if u.path == "/rootDesc.xml":
            log("GET /rootDesc.xml")
            self.send(200, ROOT_DESC)
        elif u.path in ("/_set", "/_restart"):
            with lock:
                if u.path == "/_restart":  # the router restarted: every mapping gone (then the
                    mappings.clear()       # settings given, at once: no renewal in between)
                for k, v in urllib.parse.parse_qsl(u.query, keep_blank_values=True):
                    if k in state:
                        state[k] = v
                        if k == "taken" and not v:
                            mappings.pop(next((x for x, m in mappings.items() if m[0] == "192.168.1.99"), None), None)
            self.send(200, "ok\n", "text/plain")
        elif u.path == "/_mappings":
            with lock:
                settle()
                now = time.monotonic()
                self.send(200, "".join("%s %s %s %s %d\n" % (k[0], k[1], m[0], m[1], round(m[4] - now) if m[4] else 0)
                                       for k, m in sorted(mappings.items())), "text/plain")
        else:
            self.send(404, "not found\n", "text/plain")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
        soap = (self.headers.get("SOAPAction") or "").strip('"')
        service, _, name = soap.partition("#")
        if self.path != "/ctl/IPConn" or service != SERVICE:
            log("POST %s %s -> 404" % (self.path, soap))
            return self.send(404, "not found\n", "text/plain")
        m = re.search(r"<(?:\w+:)?%s\b[^>]*>(.*)</(?:\w+:)?%s>" % (name, name), body, re.S)
        args = dict(re.findall(r"<(\w+)>([^<]*)</\1>", m.group(1) if m else ""))
        if name in state["garble"].split(","):
            log("%s -> garbled" % name)
            return self.send(200, "<html><body>Welcome to your router</body></html>\n", "text/html")
        if name in state["stall"].split(","):  # a byte a second, while stall= names it
            log("%s -> stalled" % name)
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Stalled: ")
                while name in state["stall"].split(","):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
            self.close_connection = True
            return
        status, reply = action(name, args)
        shown = {"NewExternalPort": "ext", "NewProtocol": "proto", "NewInternalClient": "client",
                 "NewInternalPort": "int", "NewLeaseDuration": "lease", "NewPortMappingDescription": "desc"}
        log("%s%s -> %d" % (name, "".join(" %s=%s" % (shown[k], args[k]) for k in shown if k in args),
                            status if status == 200 else int(re.search(r"<errorCode>(\d+)", reply).group(1))))
        self.send(status, reply)

    def log_message(self, *a):
        pass


def main():
    global log_path
    argv, port_file = sys.argv[1:], None
    while argv:
        a = argv.pop(0)
        if a == "--port-file" and argv:
            port_file = argv.pop(0)
        elif a == "--log" and argv:
            log_path = argv.pop(0)
        elif "=" in a and a.split("=")[0] in state:
            state[a.split("=")[0]] = a.split("=", 1)[1]
        else:
            sys.exit("usage: fake_igd.py --port-file FILE --log FILE [KEY=VALUE ...]")
    if not port_file or not log_path:
        sys.exit("usage: fake_igd.py --port-file FILE --log FILE [KEY=VALUE ...]")
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    with open(port_file + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(port_file + ".tmp", port_file)
    srv.serve_forever()


if __name__ == "__main__":
    main()
