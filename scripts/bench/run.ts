import { benchPostproxy } from "./postproxy";

// Each bench prints its own figures; they run one after another so they do not disturb each other.
await benchPostproxy();
