import { configure } from "@testing-library/react";

// `waitFor` and `findBy…` give up after 1 s by default. The widgets' text alternatives are
// throttled and their animations run on timers, which a busy two-core CI machine (running other
// test suites beside this one) can delay well past that; waiting longer only costs time when a
// test is already failing.
configure({ asyncUtilTimeout: 10_000 });
