// Preloaded into the `observable build` process by refreshDashboard (node --import): the dashboard
// build must need no network (operators' analysis networks are closed), so any fetch beyond this
// machine fails at once with a message naming the URL, with or without a network. Plain
// JavaScript: it runs before tsx is registered.
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
const originalFetch = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (!LOOPBACK.has(url.hostname)) {
    throw new Error(`the dashboard build must not use the network, but asked for ${url.href} (README "Dashboard", "Offline")`);
  }
  return originalFetch(input, init);
};
