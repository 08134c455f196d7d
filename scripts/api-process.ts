// How the API process is started, by `npm start` and by the benchmarks alike.
// A small young generation: streaming a million-row export makes short-lived garbage, and with
// V8's default semi-spaces (up to 16 MB) the process would grow by ~50 MB for nothing (measured:
// 170 → 130 MB peak for fundings.csv at 1 M rows, same speed). Too small costs GraphQL CPU: a list
// page allocates about 1.1 MB while in flight, and with 1 MB semi-spaces most of it outlives its
// first scavenge and is copied, then promoted. Weighed in issue 13 (CPU per page, alternated runs):
// 2 MB saves 11 % of a page's CPU against 1 MB, 4 MB 15 %, 8 MB 18 %; a 1 M-row export peaks at
// 148–158 MB with 1 MB, 157–173 with 2 MB, 169–192 with 4 MB, 183–206 with 8 MB (the goal: under
// 200): both semi-spaces are resident, and the stream's Buffers live until a scavenge frees their
// young wrappers (up to 23 MB of them with 8 MB). 2 MB: most of the saving, with a margin.
// --optimize-for-size kept the memory and doubled the CPU.
export const API_NODE_ARGS = ["--max-semi-space-size=2", "apps/api/dist/main.mjs"];
