import http from "node:http";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * Requests to the portal, each on a TCP connection of its own, told apart by the server process
 * that answered. A browser keeps one connection open and so talks to one process of a cluster;
 * the cluster's primary hands each new connection to its processes in turn, so fresh connections
 * reach them all. Which process answered is read from Linux's own tables, not from anything the
 * portal says (it tells no one its process ids): the connection is held open until the server's
 * end of it is found among the portal's processes' open files (/proc/net/tcp gives the socket's
 * inode, /proc/<pid>/fd the process holding it).
 */
export type Answer = { status: number; location: string | undefined; body: string; servedBy: number };

export type Options = { method?: "GET" | "POST"; cookie?: string; form?: Record<string, string>; address?: string };

export async function onFreshConnection(baseURL: string, path: string, options: Options = {}): Promise<Answer> {
  const base = new URL(baseURL);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  try {
    return await new Promise<Answer>((resolve, reject) => {
      const request = http.request(
        {
          host: base.hostname,
          port: base.port,
          path,
          method: options.method ?? "GET",
          agent,
          headers: {
            ...(options.cookie ? { cookie: options.cookie } : {}),
            ...(options.address ? { "x-forwarded-for": options.address } : {}),
            ...(options.form ? { "content-type": "application/x-www-form-urlencoded", origin: base.origin } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const clientPort = request.socket?.localPort;
            const servedBy = clientPort ? serverProcessOf(Number(base.port), clientPort) : undefined;
            if (servedBy === undefined) return reject(new Error(`no portal process holds the connection from port ${clientPort}`));
            const location = response.headers.location;
            resolve({ status: response.statusCode ?? 0, location, body: Buffer.concat(chunks).toString("utf8"), servedBy });
          });
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  } finally {
    agent.destroy();
  }
}

/** The portal process holding the server's end of the connection from `clientPort` to `serverPort`. */
function serverProcessOf(serverPort: number, clientPort: number): number | undefined {
  const inode = serverSocketInode(serverPort, clientPort);
  if (!inode) return undefined;
  for (const pid of portalProcesses()) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

/** Lines of /proc/net/tcp: "sl local rem st ... inode", addresses as HEXIP:HEXPORT. */
function serverSocketInode(serverPort: number, clientPort: number): string | undefined {
  const port = (address: string) => parseInt(address.split(":")[1] ?? "", 16);
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let lines: string[];
    try {
      lines = readFileSync(table, "utf8").trim().split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      if (port(fields[1] ?? "") === serverPort && port(fields[2] ?? "") === clientPort) return fields[9];
    }
  }
  return undefined;
}

/** Every process running the portal's server bundle (the primary and its workers). */
export function portalProcesses(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("portal-server.mjs")) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}
