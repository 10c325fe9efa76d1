export * from "./members";
export * from "./customers";
export * from "./interactions";
export * from "./journey";
export * from "./advocacy";
export * from "./system";
export * from "./scoring";
