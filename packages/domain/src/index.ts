export * from "./format";
export * from "./identifiers";
export * from "./indicators";
export * from "./naf";
export * from "./records";
export * from "./scdl";
export * from "./territory";
export * from "./vocabulary";
