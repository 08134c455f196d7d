// How the API process is started, by `npm start` and by the benchmarks alike.
// A small young generation: streaming a million-row export makes short-lived garbage, and with
// V8's default semi-spaces the process would grow by ~50 MB for nothing (measured: 170 → 130 MB
// peak for fundings.csv at 1 M rows, same speed). It costs GraphQL CPU, weighed in issue 13: at
// 8 requests in flight, scavenges are a third to 40 % of a list page's CPU with 1 MB semi-spaces.
// 8 MB ones save 12–28 % of the page's CPU, but an export's memory is its COPY stream's Buffers,
// which then live as long as their young wrappers: 183–206 MB at the peak of a 1 M-row export
// (the goal is under 200; 148–158 MB at 1 MB), while the JS heap stays under 80 MB either way.
// 4 MB: 169–192 MB, and a saving this machine's drift hides (0–28 % of the page's CPU, one
// bench:api run at 0.27–0.30×); --optimize-for-size kept the memory and doubled the CPU.
export const API_NODE_ARGS = ["--max-semi-space-size=1", "apps/api/dist/main.mjs"];
