// Preloaded into the Prisma CLI only: its Wasm schema engine arms 10 s/60 s timers that keep
// the process alive long after the command's work is done.
const LONG_MS = 10_000;
for (const name of ["setTimeout", "setInterval"]) {
  const original = globalThis[name];
  globalThis[name] = function (callback, delay, ...args) {
    const timer = original.call(this, callback, delay, ...args);
    if (typeof delay === "number" && delay >= LONG_MS) timer?.unref?.();
    return timer;
  };
}
