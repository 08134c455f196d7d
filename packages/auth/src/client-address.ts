// Who is really calling: the socket's peer, unless that peer is a proxy we trust, in which case
// the address it reports in X-Forwarded-For. A header from anyone else is ignored, or a client
// could pick its own address and walk around every per-address limit.
import { BlockList, isIP } from "node:net";

export interface TrustedProxies {
  /** Whether a connection from this address is a proxy whose forwarding headers we believe. */
  trusts(address: string): boolean;
  /** The setting as given, for the start-up log. */
  readonly description: string;
}

const LOOPBACK = ["127.0.0.0/8", "::1/128"];

/**
 * Parses TRUST_PROXY: a comma-separated list of addresses and CIDR ranges, `loopback` (the
 * default: the dashboard's own server on this machine), or `none`.
 */
export function parseTrustedProxies(setting = "loopback"): TrustedProxies {
  const list = new BlockList();
  const entries = setting
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (entry === "none") continue;
    for (const item of entry === "loopback" ? LOOPBACK : [entry]) {
      const [address = "", prefix] = item.split("/");
      const family = isIP(address);
      if (family === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
        throw new Error(`TRUST_PROXY: "${item}" is neither an IP address, a CIDR range (such as 10.0.0.0/8), "loopback" nor "none".`);
      }
      const type = family === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(prefix), type);
    }
  }
  return {
    description: entries.join(", ") || "none",
    trusts(address) {
      const plain = unmapped(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is 127.0.0.1. */
const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

/** A request with no socket was handed over in-process (tests): its caller is our own code. */
export const isTrustedPeer = (socketAddress: string | undefined, trusted: TrustedProxies) => socketAddress === undefined || trusted.trusts(socketAddress);

/**
 * The client's address: from the socket's peer, walk X-Forwarded-For from the right (the hop
 * nearest to us) while each hop is a trusted proxy; the first one that is not is the client.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | null, trusted: TrustedProxies): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => unmapped(hop.trim()))
    .filter((hop) => isIP(hop) !== 0);
  if (socketAddress === undefined) return hops.pop() ?? "unknown";
  let client = unmapped(socketAddress);
  while (hops.length > 0 && trusted.trusts(client)) client = hops.pop() as string;
  return client;
}
