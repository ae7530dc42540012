// Preloaded with `node --import` by the privacy test: every way Node opens a connection or looks up a name is replaced
// by one that records the attempt in $POSTCHECK_NETWORK_LOG and throws. The log's first line says the guard is on.

import dgram from "node:dgram";
import dns from "node:dns";
import { appendFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";

const log = process.env.POSTCHECK_NETWORK_LOG;
const record = (what) => {
	if (log) appendFileSync(log, `${what}\n`);
	throw new Error(`network use blocked by the privacy test: ${what}`);
};
if (log) appendFileSync(log, "guard loaded\n");

net.Socket.prototype.connect = () => record("net.Socket.connect");
tls.connect = () => record("tls.connect");
for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]) dns[name] = () => record(`dns.${name}`);
for (const name of ["lookup", "resolve", "resolve4", "resolve6"])
	dns.promises[name] = () => record(`dns.promises.${name}`);
for (const module of [http, https]) {
	module.request = () => record("http.request");
	module.get = () => record("http.get");
}
dgram.Socket.prototype.send = () => record("dgram.send");
globalThis.fetch = () => record("fetch");
globalThis.WebSocket = class {
	constructor() {
		record("WebSocket");
	}
};
