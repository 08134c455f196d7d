// How the API process is started, by `npm start` and by the benchmarks alike.
// A small young generation: streaming a million-row export makes short-lived garbage, and with
// V8's default semi-spaces the process would grow by ~50 MB for nothing (measured: 170 → 130 MB
// peak for fundings.csv at 1 M rows, same speed). It costs GraphQL CPU, weighed in issue 13: at
// 8 requests in flight, scavenges are a third to 40 % of a list page's CPU with 1 MB semi-spaces.
// 8 MB ones halve that time (a quarter of the page's CPU on one day, within noise on a faster one;
// bench:api's list ratios 0.29–0.39× against 0.27–0.33×), but leave the process at 205 MB idle after
// its start-up dataset version and 225 MB at the peak of an export (the goal is under 200);
// --optimize-for-size kept the memory and doubled the CPU.
export const API_NODE_ARGS = ["--max-semi-space-size=1", "apps/api/dist/main.mjs"];
