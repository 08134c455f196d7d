export { type ReadRegisterOptions, type RegisterEntry, type RegisterPhase, type RegisterRead, readRegister, type StockFile } from "./register";
export { ScanError, type ScanProgress } from "./scan";
export { stockFile } from "./stock-file";
