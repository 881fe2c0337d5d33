export * from "./territories";
export * from "./users";
export * from "./questionnaire";
export * from "./responses";
export * from "./callbacks";
export * from "./booking";
export * from "./dashboard";
export * from "./rate-limits";
