// host:port addresses, as daemons print them and take them on the command line.

/** The host and port of `address` (host:port; the host is everything before the last colon). */
export function splitAddress(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(':');
  return { host: address.slice(0, colon), port: Number(address.slice(colon + 1)) };
}
