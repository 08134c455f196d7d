export * from "./format";
export * from "./identifiers";
export * from "./indicators";
export * from "./naf";
export * from "./territory";
export * from "./vocabulary";
export * from "./scdl";
export * from "./records";
