// How the API process is started, by `npm start` and by the benchmarks alike.
// A small young generation: streaming a million-row export makes short-lived garbage, and with
// V8's default semi-spaces the process would grow by ~50 MB for nothing (measured: 170 → 130 MB
// peak for fundings.csv at 1 M rows, same speed).
export const API_NODE_ARGS = ["--max-semi-space-size=1", "apps/api/dist/main.mjs"];
